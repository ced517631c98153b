// The village forms (新增行政村, 编辑村情, 年度数据): text as typed → the save endpoints' input,
// with the Chinese message for what cannot be sent.
import type { Api, InputOf, VillageView } from '../../shared/api/index.ts';
import { yuanToFen } from '../../shared/money.ts';

export interface VillageValues {
  code: string;
  name: string;
  isPoorVillage: boolean;
  exitYear: string;
  firstSecretary: string;
  firstSecretaryPhone: string;
  workTeam: string;
}

export interface VillageYearValues {
  year: string;
  ruralHouseholds: string;
  ruralPopulation: string;
  perCapitaIncome: string;
  collectiveIncome: string;
  checklist: Record<string, boolean>;
}

export type FormResult<T> = { ok: true; input: T } | { ok: false; message: string };

export function villageValues(v: VillageView | null): VillageValues {
  return {
    code: v?.code ?? '',
    name: v?.name ?? '',
    isPoorVillage: v?.isPoorVillage ?? false,
    exitYear: v?.exitYear == null ? '' : String(v.exitYear),
    firstSecretary: v?.firstSecretary ?? '',
    firstSecretaryPhone: v?.firstSecretaryPhone ?? '',
    workTeam: v?.workTeam ?? '',
  };
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

function wholeNumber(label: string, text: string): number | null | string {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return null;
  if (!/^\d+$/.test(t)) return `${label}应为整数（如 356），现填“${text}”。`;
  return Number(t);
}

function money(label: string, text: string): number | null | string {
  const t = text.trim().replace(/,/g, '').replace(/元$/, '');
  if (t === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return `${label}应为金额（元，最多两位小数，如 56000 或 12345.50），现填“${text}”。`;
  return yuanToFen(t);
}

export function villageInput(id: string | null, v: VillageValues): FormResult<InputOf<Api['villages']['save']>> {
  const exit = wholeNumber('出列年度', v.exitYear);
  if (typeof exit === 'string') return { ok: false, message: exit };
  return {
    ok: true,
    input: { id, code: v.code.trim(), name: v.name.trim(), isPoorVillage: v.isPoorVillage, exitYear: exit, firstSecretary: orNull(v.firstSecretary), firstSecretaryPhone: orNull(v.firstSecretaryPhone), workTeam: orNull(v.workTeam) },
  };
}

export function yearValues(v: VillageView, year: number, checklistItems: readonly string[]): VillageYearValues {
  const y = v.years.find((x) => x.year === year);
  const recorded = y?.checklist ?? {};
  const text = (n: number | null | undefined): string => (n == null ? '' : String(n));
  const yuan = (fen: number | null | undefined): string => (fen == null ? '' : (fen / 100).toFixed(2));
  return {
    year: String(year),
    ruralHouseholds: text(y?.ruralHouseholds),
    ruralPopulation: text(y?.ruralPopulation),
    perCapitaIncome: yuan(y?.perCapitaIncomeFen),
    collectiveIncome: yuan(y?.collectiveIncomeFen),
    checklist: Object.fromEntries([...checklistItems, ...Object.keys(recorded)].map((k) => [k, recorded[k] ?? false])),
  };
}

export function villageYearInput(villageId: string, v: VillageYearValues): FormResult<InputOf<Api['villages']['saveYear']>> {
  const year = wholeNumber('年度', v.year);
  if (typeof year === 'string' || year === null) return { ok: false, message: typeof year === 'string' ? year : '请填写年度。' };
  const fields = {
    ruralHouseholds: wholeNumber('农村户数', v.ruralHouseholds),
    ruralPopulation: wholeNumber('农村人口', v.ruralPopulation),
    perCapitaIncomeFen: money('人均可支配收入', v.perCapitaIncome),
    collectiveIncomeFen: money('村集体经营性收入', v.collectiveIncome),
  };
  for (const value of Object.values(fields)) if (typeof value === 'string') return { ok: false, message: value };
  const numbers = fields as Record<keyof typeof fields, number | null>;
  return { ok: true, input: { villageId, year, ...numbers, checklist: v.checklist } };
}
