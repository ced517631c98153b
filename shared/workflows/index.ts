// Workflows (程序) and monitoring: pure definitions and rules, shared by the core and the UI.
export * from './kinds.ts';
export * from './labels.ts';
export * from './gating.ts';
export * from './meeting.ts';
export * from './monitoring.ts';
export * from './exit-check.ts';
export * from './quota.ts';
