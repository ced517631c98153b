// The 帮扶措施 form: its values as typed (money in 元, dates as text) ↔ the API input (integer 分).
import type { Api, HelperView, InputOf } from '../../shared/api/index.ts';
import { yuanToFen } from '../../shared/money.ts';
import type { MeasureRecord } from '../../shared/records.ts';
import { fenToYuanInput } from './money-input.ts';

export type MeasureInput = InputOf<Api['help']['saveMeasure']>;

export interface MeasureFormValues {
  year: number | null;
  category: string | null;
  content: string;
  startOn: string;
  endOn: string;
  /** 元 as typed. */
  amount: string;
  result: string;
  helperId: string | null;
}

export type MeasureConversion =
  | { ok: true; input: MeasureInput }
  | { ok: false; field: keyof MeasureFormValues; message: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 'YYYY-MM-DD' of a local date. */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** "姓名 · 单位 · 电话", leaving out what is not known. */
export function helperLabel(h: Pick<HelperView, 'name' | 'unit' | 'phone'>): string {
  return [h.name, h.unit, h.phone].filter((v): v is string => !!v && v.trim() !== '').join(' · ');
}

/** The form filled from a measure, or blank (year `thisYear`) for a new one. */
export function measureFormFrom(m: MeasureRecord | null, thisYear: number): MeasureFormValues {
  if (!m) return { year: thisYear, category: null, content: '', startOn: '', endOn: '', amount: '', result: '', helperId: null };
  return {
    year: m.year,
    category: m.category,
    content: m.content ?? '',
    startOn: m.startOn ?? '',
    endOn: m.endOn ?? '',
    amount: fenToYuanInput(m.amountFen),
    result: m.result ?? '',
    helperId: m.helperId,
  };
}

const orNull = (s: string | null | undefined): string | null => {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
};

/** 元 text → 分; blank is null (no amount). */
function amountFen(raw: string | null | undefined): { ok: true; fen: number | null } | { ok: false; message: string } {
  const s = (raw ?? '').replace(/[,，\s元]/g, '');
  if (s === '') return { ok: true, fen: null };
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(s)) return { ok: false, message: s.startsWith('-') ? '金额不能为负数' : '金额只能填数字（元）' };
  if (/\.\d{3,}$/.test(s)) return { ok: false, message: '金额最多保留两位小数（元）' };
  return { ok: true, fen: yuanToFen(s) };
}

export function measureInputFrom(v: MeasureFormValues, householdId: string, id: string | null): MeasureConversion {
  if (v.year == null || !Number.isInteger(v.year)) return { ok: false, field: 'year', message: '请填写年度' };
  const category = orNull(v.category);
  if (!category) return { ok: false, field: 'category', message: '请选择帮扶措施类别' };
  const startOn = orNull(v.startOn);
  const endOn = orNull(v.endOn);
  if (startOn && !isIsoDate(startOn)) return { ok: false, field: 'startOn', message: '开始日期格式应为 YYYY-MM-DD' };
  if (endOn && !isIsoDate(endOn)) return { ok: false, field: 'endOn', message: '结束日期格式应为 YYYY-MM-DD' };
  if (startOn && endOn && endOn < startOn) return { ok: false, field: 'endOn', message: '结束日期不能早于开始日期' };
  const amount = amountFen(v.amount);
  if (!amount.ok) return { ok: false, field: 'amount', message: amount.message };
  return {
    ok: true,
    input: {
      id,
      householdId,
      helperId: v.helperId ?? null,
      year: v.year,
      category,
      content: orNull(v.content),
      startOn,
      endOn,
      amountFen: amount.fen,
      result: orNull(v.result),
    },
  };
}

/** Select options for the helper pickers, labelled "姓名 · 单位 · 电话". */
export function helperOptions(helpers: HelperView[]): { value: string; label: string }[] {
  return helpers.map((h) => ({ value: h.id, label: helperLabel(h) }));
}

/** The form field an API error is about ('amountFen' is typed as 元 in 'amount'). */
export function measureFormField(apiField: string | undefined): keyof MeasureFormValues | null {
  if (!apiField) return null;
  if (apiField === 'amountFen') return 'amount';
  const known: (keyof MeasureFormValues)[] = ['year', 'category', 'content', 'startOn', 'endOn', 'result', 'helperId'];
  return (known as string[]).includes(apiField) ? (apiField as keyof MeasureFormValues) : null;
}
