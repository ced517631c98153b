// exceljs takes ~0.9 s to load: loaded by the first import, export or rejected-rows workbook,
// not at the start of every process that bundles those modules (the Electron main process, the
// browser shell, the CLI's commands).
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | null = null;

export function loadExcelJS(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
