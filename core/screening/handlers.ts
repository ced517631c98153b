// The contract's screening endpoints: the list arrives as bytes from the file picker and is read
// from memory (no copy of a list of ID numbers in a temp folder).
import { basename } from 'node:path';
import type { Handlers } from '../api/handlers.ts';
import { DEPARTMENTS, DEPARTMENT_DEFS } from '../../shared/screening/departments.ts';
import { checkList, importList } from './lists.ts';
import { countyScreening, townshipName } from './county.ts';
import { registerWorkbook } from './export.ts';
import { alertRegister, dismissAlert, startMonitoring, verifyAlert } from './register.ts';

const fileOf = (input: { fileName: string; dataBase64: string }) => ({
  name: basename(input.fileName.replace(/\\/g, '/')) || 'list.xlsx',
  bytes: Buffer.from(input.dataBase64, 'base64'),
});

export const screeningHandlers: Handlers['screening'] = {
  departments: () => DEPARTMENTS.map((d) => ({ key: d, label: DEPARTMENT_DEFS[d].label, columns: DEPARTMENT_DEFS[d].columns.map((c) => c.label) })),
  check: (input, s) => checkList(s.requireArchive().db, fileOf(input), { department: input.department, listDate: input.listDate, medicalThresholdFen: input.medicalThresholdFen, today: s.today() }),
  apply: (input, s) =>
    importList(s.requireArchive().db, s.actor(), fileOf(input), { department: input.department, listDate: input.listDate, medicalThresholdFen: input.medicalThresholdFen, today: s.today(), planStamp: input.planStamp }),
  list: (f, s) => alertRegister(s.requireArchive().db, s.today(), f),
  county: (_i, s) => countyScreening(s.requireArchive(), s.today()),
  exportXlsx: async (f, s) => {
    const r = alertRegister(s.requireArchive().db, s.today(), f);
    const township = f.townshipId ? townshipName(s.requireArchive().db, f.townshipId) : '';
    const title = `${township}部门筛查预警台账（${r.asOf}）`;
    return { fileName: `${title}.xlsx`, dataBase64: (await registerWorkbook(r, title)).toString('base64') };
  },
  verify: (input, s) => verifyAlert(s.requireArchive().db, s.actor(), s.today(), input),
  dismiss: (input, s) => dismissAlert(s.requireArchive().db, s.actor(), s.today(), input),
  startMonitoring: (input, s) => startMonitoring(s.requireArchive().db, s.actor(), s.today(), input),
};
