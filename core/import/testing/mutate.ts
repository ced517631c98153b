// Test helper: mutations of roster workbooks for the import fuzz tests — cells changed to odd
// values and types, columns dropped, renamed, swapped or duplicated, rows shuffled, duplicated
// or removed, the header moved, sheets emptied, added, hidden or reordered — and, on the
// written bytes, truncation and corruption. Everything is drawn from one seeded generator, so
// a case is reproduced from its seed alone.
import { COLUMNS } from '../columns.ts';
import { Rng } from '../../demo/random.ts';
import { cloneBook, renumber, writeBook } from './book.ts';
import type { BookSpec, Cell, SheetSpec } from './book.ts';

const LABELS = COLUMNS.map((c) => c.label);
const ALIASES = COLUMNS.flatMap((c) => c.aliases);
const HAN = ['张', '王', '户主', '之子', '𠀀', '𪚥', '龘', '鑫', '　', 'a', '0', ' '];

/** A value no clean export would hold in this place. */
function oddValue(rng: Rng, sheet: SheetSpec, row: number, col: number): Cell {
  const same = (r: number) => sheet.rows[r]?.[col] ?? null;
  const id = (sheet.rows.find((r) => r.some((c) => typeof c === 'string' && /^\d{17}[\dX]$/.test(c))) ?? []).find((c) => typeof c === 'string' && /^\d{17}[\dX]$/.test(c)) as string | undefined;
  const choices: (() => Cell)[] = [
    () => null,
    () => '',
    () => '  \t  ',
    () => '\u3000',
    () => rng.pick(HAN).repeat(rng.int(2, 40)),
    () => rng.pick(HAN).repeat(rng.int(1_000, 40_000)),
    () => 'x'.repeat(rng.int(32_000, 33_000)),
    () => `${rng.pick(HAN)}\u0001\u0008${rng.pick(HAN)}`,
    () => '\u0000',
    () => '\uD800孤',
    () => '\uFFFD\uFFFD',
    () => '\u202E户主',
    () => rng.pick([0, -1, 1.5, -0.0001, 1e21, -1e308, 2 ** 53 + 1, 123456789012345680000, 0.1 + 0.2, 12, 13, 100000000]),
    () => rng.pick([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]),
    () => rng.chance(0.5),
    () => new Date(rng.int(-2_208_988_800_000, 4_102_444_800_000)),
    () => new Date(Date.UTC(1899, 11, 30)),
    () => ({ formula: 'SUM(A1:A3)', result: rng.int(-5, 5) }),
    () => ({ formula: 'A4&B4', result: '户主' }),
    () => ({ formula: 'NOW()', result: new Date(Date.UTC(2021, 2, 15)) }),
    () => ({ formula: 'TEXT(1,"0")' }),
    () => ({ formula: '1/0', result: { error: '#DIV/0!' } }),
    () => ({ error: rng.pick(['#N/A', '#REF!', '#VALUE!', '#NAME?', '#NULL!', '#NUM!', '#DIV/0!']) }),
    () => ({ richText: [{ text: '户' }, { text: '主', font: { bold: true } }] }),
    () => ({ richText: [] }),
    () => ({ text: '户主', hyperlink: 'https://example.invalid/x' }),
    () => ({ text: '', hyperlink: 'mailto:a@b' }),
    () => '=1+1',
    () => '=cmd|\' /C calc\'!A0',
    () => '<b>&amp;</b>]]>"\'',
    () => 'NULL',
    () => 'undefined',
    () => '\r\n\r\n',
    () => rng.pick(LABELS),
    () => rng.pick(ALIASES.length ? ALIASES : LABELS),
    () => rng.pick(['户主', '配偶', '之子', '之女', '户主 ', '户 主', '户主户主', '本人']),
    () => rng.pick(['是', '否', '√', '×', '有', '无', 'Y', 'maybe']),
    () => rng.pick(['202103', '2021-03', '2021年3月', '2021/13', '0000', '99999999']),
    () => rng.pick(['5851.31', '5,851.31元', '１２３', '-0', '1e3', '0x10', '∞', '12亩']),
    () => (id ? id.slice(0, 17) + (id[17] === '0' ? '1' : '0') : '513722195007085610'),
    () => (id ? id.toLowerCase().replace('X', 'x') : 'x'),
    () => (id ? ` ${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)} ` : ' '),
    () => (id ? id.slice(0, 6) + id.slice(8, 17) : '513722500708561'),
    () => Number((id ?? '51372219500708561').slice(0, 17)), // an ID typed as a number: digits lost
    () => (id ? id.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : '５'),
    () => (id ? `${id}${id}` : '1'),
    () => same(rng.int(0, Math.max(0, sheet.rows.length - 1))),
    () => same(row + (rng.chance(0.5) ? 1 : -1)),
    () => sheet.rows[row]?.[rng.int(0, Math.max(0, (sheet.rows[row]?.length ?? 1) - 1))] ?? null,
  ];
  return rng.pick(choices)();
}

const dataRows = (s: SheetSpec): number[] => {
  const out: number[] = [];
  for (let r = Math.max(0, s.header + 1); r < s.rows.length; r++) out.push(r);
  return out;
};
const width = (s: SheetSpec) => Math.max(1, ...s.rows.map((r) => r.length));
const pickRow = (rng: Rng, s: SheetSpec) => {
  const d = dataRows(s);
  return d.length && rng.chance(0.9) ? rng.pick(d) : rng.int(0, Math.max(0, s.rows.length - 1));
};
const dropMerges = (s: SheetSpec) => {
  delete s.merges;
};
const insertRows = (s: SheetSpec, at: number, rows: Cell[][]) => {
  s.rows.splice(at, 0, ...rows);
  if (s.header >= at) s.header += rows.length;
  dropMerges(s);
};
const removeRows = (s: SheetSpec, at: number, n: number) => {
  s.rows.splice(at, n);
  if (s.header >= at + n) s.header -= n;
  else if (s.header >= at) s.header = -1;
  dropMerges(s);
};
const SHEET_NAMES = ['Sheet1', '说明', '花名册 (2)', '附表1', '村级汇总', '2019', ' 花名册', '花名册', 'x'.repeat(31), '引号\'内', '空'];

type Op = (rng: Rng, book: BookSpec, s: SheetSpec) => string;

const OPS: readonly (readonly [Op, number])[] = [
  // cells
  [
    (rng, _b, s) => {
      const r = pickRow(rng, s);
      const c = rng.int(0, width(s) - 1);
      (s.rows[r] ??= [])[c] = oddValue(rng, s, r, c);
      return `cell ${r + 1}:${c + 1}`;
    },
    30,
  ],
  [
    (rng, _b, s) => {
      const c = rng.int(0, width(s) - 1);
      const v = oddValue(rng, s, s.header + 1, c);
      for (const r of dataRows(s)) if (rng.chance(0.5)) (s.rows[r] ??= [])[c] = v;
      return `column ${c + 1} half set`;
    },
    4,
  ],
  [
    (rng, _b, s) => {
      const r = pickRow(rng, s);
      const row = s.rows[r] ?? [];
      const a = rng.int(0, width(s) - 1);
      const b = rng.int(0, width(s) - 1);
      [row[a], row[b]] = [row[b] ?? null, row[a] ?? null];
      s.rows[r] = row;
      return `swap cells ${r + 1}:${a + 1}/${b + 1}`;
    },
    4,
  ],
  // columns
  [
    (rng, _b, s) => {
      const c = rng.int(0, width(s) - 1);
      for (const row of s.rows) row.splice(c, 1);
      dropMerges(s);
      return `drop column ${c + 1}`;
    },
    6,
  ],
  [
    (rng, _b, s) => {
      if (s.header < 0) return 'rename: no header';
      const head = (s.rows[s.header] ??= []);
      const c = rng.int(0, width(s) - 1);
      const was = typeof head[c] === 'string' ? head[c] : '';
      head[c] = rng.pick<() => Cell>([
        () => rng.pick(LABELS),
        () => rng.pick(ALIASES.length ? ALIASES : LABELS),
        () => `${was} `,
        () => `（${was}）`,
        () => was.replace(/[（(]/g, '(').replace(/[）)]/g, ')'),
        () => `${was}${was}`,
        () => '',
        () => null,
        () => '列1',
        () => head[rng.int(0, head.length - 1)] ?? null,
        () => oddValue(rng, s, s.header, c),
      ])();
      return `rename header ${c + 1}`;
    },
    8,
  ],
  [
    (rng, _b, s) => {
      const a = rng.int(0, width(s) - 1);
      const b = rng.int(0, width(s) - 1);
      for (const row of s.rows) [row[a], row[b]] = [row[b] ?? null, row[a] ?? null];
      dropMerges(s);
      return `swap columns ${a + 1}/${b + 1}`;
    },
    3,
  ],
  [
    (rng, _b, s) => {
      const a = rng.int(0, width(s) - 1);
      const to = rng.int(0, width(s));
      for (const row of s.rows) row.splice(to, 0, row[a] ?? null);
      dropMerges(s);
      return `duplicate column ${a + 1} at ${to + 1}`;
    },
    3,
  ],
  // rows
  [
    (rng, _b, s) => {
      const d = dataRows(s).map((r) => s.rows[r]!);
      rng.shuffle(d);
      s.rows.splice(Math.max(0, s.header + 1), d.length, ...d);
      return 'shuffle rows';
    },
    4,
  ],
  [
    (rng, _b, s) => {
      const n = rng.int(0, Math.max(0, s.rows.length - 1));
      const at = rng.int(0, s.rows.length);
      insertRows(s, at, [[...(s.rows[n] ?? [])]]);
      return `duplicate row ${n + 1} at ${at + 1}`;
    },
    6,
  ],
  [
    (rng, _b, s) => {
      const at = pickRow(rng, s);
      const n = rng.chance(0.8) ? 1 : rng.int(2, 5);
      removeRows(s, at, n);
      return `delete rows ${at + 1}+${n}`;
    },
    5,
  ],
  [
    (rng, _b, s) => {
      const at = rng.int(0, s.rows.length);
      insertRows(s, at, [rng.chance(0.5) ? [] : Array.from({ length: rng.int(1, width(s) + 3) }, (_, c) => oddValue(rng, s, at, c))]);
      return `insert row at ${at + 1}`;
    },
    4,
  ],
  [
    (rng, _b, s) => {
      if (s.header < 0) return 'move header: no header';
      const n = rng.pick([1, 2, 5, 11, 12, 13, 14, 20]);
      insertRows(s, 0, Array.from({ length: n }, (_, i) => (i % 2 ? [] : [`标题${i}`])));
      return `header down ${n}`;
    },
    3,
  ],
  [
    (_rng, _b, s) => {
      if (s.header <= 0) return 'header up: none above';
      removeRows(s, 0, s.header);
      return 'header to row 1';
    },
    2,
  ],
  [
    (rng, _b, s) => {
      if (s.header < 0) return 'header copy: no header';
      const at = rng.int(s.header + 1, s.rows.length);
      s.rows.splice(at, 0, [...(s.rows[s.header] ?? [])]);
      return `header copied to ${at + 1}`;
    },
    2,
  ],
  [
    (rng, _b, s) => {
      const d = dataRows(s);
      if (!d.length) return 'cut: no rows';
      const keep = rng.int(0, d.length);
      s.rows.length = (d[0] ?? 0) + keep;
      return `keep ${keep} data rows`;
    },
    2,
  ],
  // sheets
  [
    (rng, _b, s) => {
      s.rows = rng.chance(0.5) ? [] : [[], ['']];
      s.header = -1;
      dropMerges(s);
      return 'empty sheet';
    },
    2,
  ],
  [
    (rng, b) => {
      const name = uniqueName(b, rng.pick(SHEET_NAMES));
      const kind = rng.int(0, 3);
      const main = b.sheets[0]!;
      const rows: Cell[][] =
        kind === 0 ? [] : kind === 1 ? [['说明：本表由系统导出'], ['请勿修改']] : kind === 2 ? main.rows.map((r) => [...r]) : main.rows.slice(0, main.header + 1 + rng.int(1, 6)).map((r) => [...r]);
      b.sheets.splice(rng.int(0, b.sheets.length), 0, { name, rows, header: kind >= 2 ? main.header : -1, ...(rng.chance(0.2) ? { state: 'hidden' as const } : {}) });
      return `add sheet ${name} (${kind})`;
    },
    5,
  ],
  [
    (rng, b, s) => {
      s.name = uniqueName(b, rng.pick(SHEET_NAMES));
      return `rename sheet ${s.name}`;
    },
    2,
  ],
  [
    (rng, _b, s) => {
      if (s.header < 0 || !s.rows[s.header]) return 'merge: no header';
      const r = rng.chance(0.5) ? s.header : Math.max(0, s.header - 1);
      const a = rng.int(1, 6);
      const range = `${String.fromCharCode(64 + a)}${r + 1}:${String.fromCharCode(64 + a + rng.int(1, 3))}${r + 1 + rng.int(0, 1)}`;
      s.merges = [...(s.merges ?? []), range];
      return `merge ${range}`;
    },
    2,
  ],
];

function uniqueName(b: BookSpec, name: string): string {
  const taken = new Set(b.sheets.map((s) => s.name.toLowerCase()));
  let n = name;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${name.slice(0, 27)}(${i})`;
  return n;
}

export type ByteOp = (rng: Rng, bytes: Buffer) => Buffer;

const BYTE_OPS: readonly (readonly [string, ByteOp])[] = [
  ['truncate', (rng, b) => b.subarray(0, rng.int(0, b.length - 1))],
  ['truncate tail', (rng, b) => b.subarray(0, b.length - rng.int(1, Math.min(200, b.length)))],
  [
    'flip bytes',
    (rng, b) => {
      const out = Buffer.from(b);
      for (let i = rng.int(1, 8); i > 0; i--) {
        const at = rng.int(0, out.length - 1);
        out[at] = (out[at] ?? 0) ^ (1 << rng.int(0, 7));
      }
      return out;
    },
  ],
  [
    'zero range',
    (rng, b) => {
      const out = Buffer.from(b);
      const at = rng.int(0, out.length - 1);
      out.fill(0, at, Math.min(out.length, at + rng.int(1, 4096)));
      return out;
    },
  ],
  [
    'random range',
    (rng, b) => {
      const out = Buffer.from(b);
      const at = rng.int(0, out.length - 1);
      const end = Math.min(out.length, at + rng.int(1, 512));
      for (let i = at; i < end; i++) out[i] = rng.int(0, 255);
      return out;
    },
  ],
  ['append garbage', (rng, b) => Buffer.concat([b, Buffer.from(Array.from({ length: rng.int(1, 2000) }, () => rng.int(0, 255)))])],
  ['duplicate chunk', (rng, b) => {
    const at = rng.int(0, b.length - 1);
    const chunk = b.subarray(at, Math.min(b.length, at + rng.int(1, 4096)));
    return Buffer.concat([b.subarray(0, at), chunk, b.subarray(at)]);
  }],
  ['empty file', () => Buffer.alloc(0)],
  ['text file', () => Buffer.from('姓名,证件号码,与户主关系\n张三,513722195007085610,户主\n')],
  ['pdf header', (_rng, b) => Buffer.concat([Buffer.from('%PDF-1.4\n'), b.subarray(9)])],
  ['only zip header', (_rng, b) => b.subarray(0, 30)],
  ['xml edits', xmlEdit],
];

/** On an uncompressed (STORE) workbook: edits inside the XML, same length, so the zip stays walkable. */
function xmlEdit(rng: Rng, b: Buffer): Buffer {
  const text = b.toString('latin1');
  const edits: [RegExp, string][] = [
    [/<c r="[A-Z]+\d+"/g, '<c r="A1"'],
    [/ t="s"/g, ' t="n"'],
    [/ t="n"/g, ' t="e"'],
    [/<v>\d/g, '<v>x'],
    [/<\/row>/g, '<!row>'],
    [/<sheetData>/g, '<sheetDat>'],
    [/<row r="\d/g, '<row r="9'],
    [/ r="\d/g, ' r="-'],
    [/&amp;/g, '&#00;'],
    [/<si>/g, '<s >'],
    // A sheet name Excel would never write (exceljs refuses to create one).
    [/<sheet name="[^"]+"/g, '<sheet name="\'*?:[]/\\\'\'\'\'\'\'\'\''],
  ];
  const [re, by] = rng.pick(edits);
  const hits = [...text.matchAll(re)];
  if (!hits.length) return b;
  const out = Buffer.from(b);
  for (const h of rng.sample(hits, rng.int(1, 3))) {
    const rep = by.padEnd(h[0].length, ' ').slice(0, h[0].length);
    out.write(rep, h.index, 'latin1');
  }
  return out;
}

// Characters XML 1.0 does not allow (a workbook holding one is rightly unreadable).
// eslint-disable-next-line no-control-regex -- these very characters are what it looks for
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const notXml = (v: unknown): boolean =>
  typeof v === 'string' ? NOT_XML.test(v) : Array.isArray(v) ? v.some(notXml) : v !== null && typeof v === 'object' && !(v instanceof Date) && Object.values(v).some(notXml);

export interface FuzzOptions {
  dryRun?: boolean;
  removeMissing?: boolean;
  skipRejected?: boolean;
  wantRejected?: boolean;
  mapping?: Record<string, string | null>;
}

export interface FuzzCase {
  seed: string;
  /** What was done, for the failure report. */
  ops: string[];
  bytes: Buffer;
  /** Whether the households were given new 户编号 (new to the archive). */
  renumbered: boolean;
  /** Written by exceljs, bytes untouched, every character allowed in XML: it must be readable. */
  wellFormed: boolean;
  /** The import's options, as the CLI would pass them (--dry-run, --remove-missing, --skip-rejected, --rejected, --map). */
  options: FuzzOptions;
}

/** The options of a case, from their own generator (so the mutations stay as they were). */
function optionsFor(seed: string, base: BookSpec): FuzzOptions {
  const rng = new Rng(`${seed}/options`);
  const o: FuzzOptions = {};
  if (rng.chance(0.1)) o.dryRun = true;
  if (rng.chance(0.2)) o.removeMissing = true;
  if (rng.chance(0.25)) o.skipRejected = true;
  if (rng.chance(0.25)) o.wantRejected = true;
  if (rng.chance(0.1)) {
    const main = base.sheets[0]!;
    const headers = (main.rows[main.header] ?? []).filter((h): h is string => typeof h === 'string');
    o.mapping = {};
    for (let i = rng.int(1, 3); i > 0; i--) o.mapping[rng.chance(0.8) ? rng.pick(headers) : '不存在的列'] = rng.pick<string | null>([...COLUMNS.map((c) => c.key), null, 'noSuchKey']);
  }
  return o;
}

/**
 * One fuzz case from one of the bases: usually 1–4 structural mutations; sometimes none
 * (a clean import); one case in six also has its bytes damaged.
 */
export async function fuzzCase(seed: string, bases: readonly BookSpec[], opts: { bytes?: number } = {}): Promise<FuzzCase> {
  const rng = new Rng(seed);
  const base = rng.pick(bases);
  const book = cloneBook(base);
  const renumbered = rng.chance(0.5);
  if (renumbered) renumber(book, seed.replace(/\D/g, '').padStart(4, '0'));
  const ops: string[] = [];
  const n = rng.weighted<number>([[0, 1], [1, 4], [2, 4], [3, 3], [4, 2], [8, 1]]);
  for (let i = 0; i < n; i++) {
    const sheet = rng.chance(0.9) ? book.sheets[0]! : rng.pick(book.sheets);
    if (!sheet) break;
    ops.push(rng.weighted(OPS)(rng, book, sheet));
  }
  if (!book.sheets.length) book.sheets.push({ name: 'Sheet1', rows: [], header: -1 });
  const damage = rng.chance(opts.bytes ?? 1 / 6);
  const [name, op] = damage ? rng.pick(BYTE_OPS) : ['', null];
  // Some tools write their zip entries uncompressed (STORE): as readable as compressed ones.
  let bytes = await writeBook(book, { store: name === 'xml edits' || rng.chance(0.25) });
  if (op) {
    bytes = op(rng, bytes);
    ops.push(`bytes: ${name}`);
  }
  const options = optionsFor(seed, base);
  if (Object.keys(options).length) ops.push(`options ${JSON.stringify(options)}`);
  return { seed, ops, bytes, renumbered, wellFormed: !op && !book.sheets.some((s) => s.rows.some((r) => r.some(notXml))), options };
}
