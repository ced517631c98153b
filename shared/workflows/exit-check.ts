// 脱贫退出 check of one household against the year's standard (seed 000, seed 002):
// per-capita net income above the standard; 两不愁三保障 and safe water from the year's
// assessment; the one-vote-veto items (人均收入、易地扶贫搬迁、低保兜底、大病救助); and,
// where the archive asks for it, the standard met two years running. Every unmet item says why.
import { formatYuan } from '../money.ts';

export interface GuaranteeAssessment {
  foodOk: boolean | null;
  clothingOk: boolean | null;
  educationOk: boolean | null;
  medicalOk: boolean | null;
  housingOk: boolean | null;
  waterOk: boolean | null;
}

export interface YearIncome {
  year: number;
  /** The standard in force that year (fen); null when the archive has no figure. */
  standardFen: number | null;
  perCapitaFen: number | null;
}

export interface ExitCheckInput {
  current: YearIncome;
  /** The year before, when the two-consecutive-years rule (seed 002) applies; else null. */
  previous: YearIncome | null;
  assessment: GuaranteeAssessment | null;
  /** 易地搬迁方式, null when the household was not relocated. */
  relocation: string | null;
  housingArea: number | null;
  size: number;
  /** Per-capita transfer (保障性) income, for households with 低保 or 特困 members; null otherwise. */
  welfarePerCapitaFen: number | null;
  /** Current members with 患有大病 and whether they have both basic and 大病 insurance. */
  seriouslyIll: readonly { name: string; insured: boolean }[];
}

export interface ExitItem {
  code: string;
  label: string;
  met: boolean;
  /** One-vote veto item (一票否决). */
  veto: boolean;
  detail: string;
}

export interface ExitCheckResult {
  qualifies: boolean;
  items: ExitItem[];
  /** The unmet items, in Chinese, veto items first. */
  reasons: string[];
}

/** Seed 000: 人均25平方米的安全保障房. */
export const RELOCATION_AREA_PER_PERSON = 25;

const ASSESSMENT_ITEMS: readonly [keyof GuaranteeAssessment, string, string][] = [
  ['foodOk', 'food', '不愁吃'],
  ['clothingOk', 'clothing', '不愁穿'],
  ['educationOk', 'education', '义务教育有保障'],
  ['medicalOk', 'medical', '基本医疗有保障'],
  ['housingOk', 'housing', '住房安全有保障'],
  ['waterOk', 'water', '饮水安全有保障'],
];

function incomeItem(code: string, label: string, y: YearIncome, veto: boolean): ExitItem {
  const item = (met: boolean, detail: string): ExitItem => ({ code, label, met, veto, detail });
  if (y.standardFen == null) return item(false, `档案中没有${y.year}年的脱贫标准，请在政策参数中填写`);
  if (y.perCapitaFen == null) return item(false, `没有${y.year}年的收入记录，请先录入收入`);
  const figures = `${y.year}年人均纯收入 ${formatYuan(y.perCapitaFen)} 元，脱贫标准 ${formatYuan(y.standardFen)} 元`;
  return y.perCapitaFen > y.standardFen ? item(true, `${figures}，高于标准`) : item(false, `${figures}，未高于标准`);
}

function assessmentItems(a: GuaranteeAssessment | null, year: number): ExitItem[] {
  if (a == null) {
    return [{ code: 'assessment', label: '“两不愁三保障”及饮水安全', met: false, veto: false, detail: `没有${year}年“两不愁三保障”评估记录，请先入户评估` }];
  }
  return ASSESSMENT_ITEMS.map(([key, code, label]) => {
    const v = a[key];
    return { code, label, met: v === true, veto: false, detail: v === true ? '达标' : v === false ? '未达标' : '评估记录中未填写，请补填' };
  });
}

function relocationItem(i: ExitCheckInput): ExitItem {
  const base = { code: 'relocation', label: '易地扶贫搬迁', veto: true };
  if (i.relocation == null) return { ...base, met: true, detail: '非易地搬迁户，不适用' };
  const perPerson = i.housingArea != null && i.size > 0 ? i.housingArea / i.size : null;
  const housingOk = i.assessment?.housingOk === true;
  const areaOk = perPerson != null && perPerson >= RELOCATION_AREA_PER_PERSON;
  if (housingOk && areaOk) return { ...base, met: true, detail: `搬迁户，安全住房人均 ${perPerson.toFixed(1)} ㎡` };
  const why: string[] = [];
  if (!housingOk) why.push('住房安全未评估为达标');
  if (!areaOk) why.push(perPerson == null ? '缺少住房面积' : `安全住房人均 ${perPerson.toFixed(1)} ㎡，不足 ${RELOCATION_AREA_PER_PERSON} ㎡`);
  return { ...base, met: false, detail: `搬迁户：${why.join('；')}` };
}

function welfareItem(i: ExitCheckInput): ExitItem {
  const base = { code: 'welfare', label: '低保兜底', veto: true };
  if (i.welfarePerCapitaFen == null) return { ...base, met: true, detail: '家中没有低保或特困供养人员，不适用' };
  const std = i.current.standardFen;
  if (std == null) return { ...base, met: false, detail: '缺少脱贫标准，无法判断' };
  const figures = `人均保障性（转移性）收入 ${formatYuan(i.welfarePerCapitaFen)} 元，脱贫标准 ${formatYuan(std)} 元`;
  return i.welfarePerCapitaFen > std ? { ...base, met: true, detail: `${figures}，高于标准` } : { ...base, met: false, detail: `${figures}，未高于标准` };
}

function illnessItem(i: ExitCheckInput): ExitItem {
  const base = { code: 'illness', label: '大病救助', veto: true };
  if (i.seriouslyIll.length === 0) return { ...base, met: true, detail: '家中没有患大病的成员，不适用' };
  const uncovered = i.seriouslyIll.filter((m) => !m.insured).map((m) => m.name);
  if (uncovered.length === 0) return { ...base, met: true, detail: '患大病成员均参加基本医保和大病保险' };
  return { ...base, met: false, detail: `${uncovered.join('、')}患有大病，未同时参加基本医保和大病保险` };
}

export function exitCheck(i: ExitCheckInput): ExitCheckResult {
  const items: ExitItem[] = [incomeItem('income', '人均纯收入', i.current, true)];
  if (i.previous) items.push(incomeItem('two-years', '连续两年达到脱贫标准', i.previous, false));
  items.push(...assessmentItems(i.assessment, i.current.year), relocationItem(i), welfareItem(i), illnessItem(i));
  const unmet = items.filter((x) => !x.met).sort((a, b) => Number(b.veto) - Number(a.veto));
  return {
    qualifies: unmet.length === 0,
    items,
    reasons: unmet.map((x) => `${x.veto ? '【一票否决】' : ''}${x.label}：${x.detail}`),
  };
}
