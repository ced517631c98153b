// 部门筛查预警 (issue 16): department lists matched against the archive, and the 预警 register.
export { checkList, importList, STALE_SCREENING } from './lists.ts';
export type { ListOptions } from './lists.ts';
export { alertRegister, dismissAlert, startMonitoring, verifyAlert } from './register.ts';
export type { RegisterFilter } from './register.ts';
export { countyScreening } from './county.ts';
