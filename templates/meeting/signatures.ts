// Signature cells for every person at a meeting: a grid of numbered cells (three per row, each
// tall enough to sign in), which the table code continues on the next page under its header.
import type { Block, TableColumn } from '../layout/blocks.ts';

/** Two lines of room: a table row is as tall as its tallest cell. */
export const SIGN_ROOM = '\u3000\n\u3000';

/** How many people sign when nothing is known yet (a blank form for the meeting). */
export const DEFAULT_SIGNERS = 30;

/** The number of people to sign: those present, else those entitled, else the names listed, else a blank sheet's worth. */
export function signerCount(attendeesCount: number | null | undefined, entitledCount: number | null | undefined, names: number): number {
  return Math.max(attendeesCount ?? entitledCount ?? 0, names) || DEFAULT_SIGNERS;
}

/** `count` numbered signature cells, `perRow` to a row, the header (序号 / 签字) repeated on each page. */
export function signatureGrid(count: number, perRow = 3): Block {
  const columns: TableColumn[] = [];
  const width = 24 / perRow;
  for (let i = 0; i < perRow; i++) columns.push({ label: '序号', width: 2 }, { label: '签字', width: width - 2 });
  const rows: string[][] = [];
  for (let r = 0; r * perRow < count; r++) {
    const row: string[] = [];
    for (let k = 0; k < perRow; k++) {
      const n = r * perRow + k + 1;
      row.push(n <= count ? String(n) : '', n <= count ? SIGN_ROOM : '');
    }
    rows.push(row);
  }
  return { type: 'table', columns, rows };
}
