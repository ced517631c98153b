// Forms (登记表, 明白卡, 验收表, 会议记录) as a list of blocks, laid out once for PDF
// (blocks-pdf.ts) and once for a worksheet (blocks-xlsx.ts). Widths are in twenty-fourths of
// the printable width, so a form looks the same on paper and in Excel.

export const GRID = 24;

/** Choices printed with all options shown and the chosen ones ticked: ☑因病 □因残 … */
export interface Options {
  options: readonly string[];
  chosen: readonly string[];
}

export interface Cell {
  text?: string;
  /** A label cell (shaded, centred). */
  label?: boolean;
  /** How many of the row's columns it spans (default 1). */
  span?: number;
  align?: 'left' | 'center' | 'right';
  options?: Options;
}

export interface TableColumn {
  label: string;
  /** In twenty-fourths of the width; a table's columns add up to 24. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export type Block =
  | { type: 'title'; text: string; subtitle?: string }
  /** A line above a form: "县 乡 村" on the left, "户编号 …" on the right. */
  | { type: 'meta'; left: string; right?: string }
  /** A shaded heading across the width. */
  | { type: 'section'; text: string }
  /** Label/value rows; `columns` are widths in twenty-fourths, adding up to 24. */
  | { type: 'grid'; columns: readonly number[]; rows: readonly (readonly Cell[])[] }
  | { type: 'table'; columns: readonly TableColumn[]; rows: readonly (readonly string[])[]; emptyRows?: number; bold?: readonly number[] }
  | { type: 'paragraph'; text: string; indent?: boolean; size?: number }
  /** A box of free text with a minimum height in lines (meeting minutes, plans). */
  | { type: 'box'; label: string; text: string; minLines: number }
  /** Signature lines: "调查员（签字）：______". */
  | { type: 'signatures'; items: readonly string[]; dated?: boolean }
  /** Issuer, date and room for the seal, right-aligned at the end of a notice or table. */
  | { type: 'seal'; issuer: string; date: string }
  | { type: 'gap'; lines: number };

export interface FormPage {
  /** The record the page is about, for reports of unprintable characters. */
  where: string;
  blocks: readonly Block[];
}

/** "☑因病 □因残 …" as text, for worksheets and text checks. */
export function optionsText(o: Options): string {
  return o.options.map((x) => `${o.chosen.includes(x) ? '☑' : '□'}${x}`).join('  ');
}

/** A yes/no choice shown as an option list; unknown ticks neither. */
export function yesNo(v: boolean | null | undefined, yes = '是', no = '否'): Options {
  return { options: [yes, no], chosen: v == null ? [] : [v ? yes : no] };
}
