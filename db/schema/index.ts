export * from './archive.ts';
export * from './households.ts';
export * from './help.ts';
export * from './reference.ts';
export * from './records.ts';
export * from './workflows.ts';
export * from './monitoring.ts';
export * from './exchange.ts';
