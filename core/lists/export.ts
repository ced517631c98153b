// A screen's list written to .xlsx: merged title across the whole width, the filters under it,
// the header repeated on every printed page and frozen on screen, 户编号 as wide text, A4
// landscape fitted to the page width. Written whole or not at all (a .part renamed at the end).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { ListExportRequest, ListFile } from '../../shared/api/lists.ts';
import { UserError } from '../../shared/errors.ts';
import { addTableSheet, newWorkbook, writeWorkbook } from '../../templates/layout/xlsx.ts';
import { writeStreamAtomic } from '../files/atomic-write.ts';
import type { Session } from '../session.ts';
import { listTable } from './tables.ts';
import type { ListTable } from './tables.ts';

/** Where a list goes when the clerk did not choose: the data folder's 文档/, named by list and time. */
export function defaultListOutput(dataDir: string, name: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return join(dataDir, '文档', `${name.replace(/[\s/\\:*?"<>|]/g, '')}_${stamp}.xlsx`);
}

async function listWorkbook(t: ListTable): Promise<ExcelJS.Workbook> {
  const wb = await newWorkbook(t.title);
  addTableSheet(wb, {
    name: t.name,
    title: t.title,
    subtitle: t.subtitle,
    columns: t.columns.map((c) => ({ label: c.label, width: c.width, align: 'left' as const })),
    groups: t.rows.map((r) => [r.map((v, i) => (t.columns[i]?.text && typeof v === 'number' ? String(v) : v))]),
    setup: { paper: t.columns.length > 12 ? 'A3' : 'A4', landscape: true },
  });
  return wb;
}

export async function writeListWorkbook(t: ListTable, out: string): Promise<void> {
  const wb = await listWorkbook(t);
  await writeStreamAtomic(out, (stream) => writeWorkbook(wb, stream));
}

/** The same workbook as bytes (a preview hands it to the screen to save). */
export async function listWorkbookBuffer(t: ListTable): Promise<Buffer> {
  return Buffer.from(await (await listWorkbook(t)).xlsx.writeBuffer());
}

export async function exportList(s: Session, req: ListExportRequest): Promise<ListFile> {
  if (req.out !== null && !req.out.toLowerCase().endsWith('.xlsx')) {
    throw new UserError(`文件名“${req.out}”应以 .xlsx 结尾（Excel 表格）。`, { kind: 'usage' });
  }
  const t = await listTable(s, req);
  if (t.rows.length === 0) throw new UserError(`${t.title}是空的（当前筛选条件下没有记录），没有导出。请先调整筛选条件。`);
  const out = req.out ?? defaultListOutput(s.dataDir, t.name, s.clock.now());
  if (!req.overwrite && existsSync(out)) throw new UserError(`文件已存在：${out}。为免覆盖，请换一个文件名。`);
  await writeListWorkbook(t, out);
  return { file: out, rows: t.rows.length };
}
