// What the 脱贫验收表 prints for each exit-check item: the verdict of the workflows' check
// (core/workflows/exit-checks.ts) — never a second opinion — with the archive's data as evidence
// (参保人数, 义务教育阶段在校, 危房等级 and 改造年份, 饮水, 人均纯收入 against the year's standard),
// and 不涉及 where the item does not concern the household (no school-age child, not relocated…).
import type { ExitCheckRow } from '../../shared/api/workflows.ts';
import { formatYuan } from '../../shared/money.ts';
import type { VerificationItem, Verdict } from '../../templates/verification-household/index.ts';
import type { HouseholdView, MemberView } from '../../templates/layout/household.ts';
import { NOT_IN_SCHOOL, compulsorySchoolAge, incomeOf, outOfSchoolChildren } from '../../templates/layout/household.ts';

type CheckItem = ExitCheckRow['items'][number];


const count = (ms: readonly MemberView[], pick: (m: MemberView) => boolean): number => ms.filter(pick).length;
const names = (ms: readonly MemberView[]): string => ms.map((m) => m.name).join('、');

/** The latest measure of a category, as "2019年" (the year a house was rebuilt, a water supply made safe). */
function measureYear(h: HouseholdView, category: string): number | null {
  const years = h.measures.filter((m) => m.category === category).map((m) => m.year);
  return years.length ? Math.max(...years) : null;
}

function assessedBy(h: HouseholdView): string {
  const a = h.assessment;
  if (!a) return '';
  const who = [a.assessedOn, a.assessedBy].filter(Boolean).join('，');
  return who ? `（入户评估 ${who}）` : '';
}

function incomeEvidence(h: HouseholdView, item: CheckItem, year: number): string {
  const income = incomeOf(h, year);
  const perCapita = income?.totals.perCapitaFen ?? null;
  const standard = income?.standardFen ?? null;
  if (perCapita == null || standard == null) return item.detail;
  const sign = perCapita > standard ? '＞' : '≤';
  return `${year}年人均纯收入 ${formatYuan(perCapita)} 元 ${sign} 当年标准 ${formatYuan(standard)} 元${item.met ? '' : '，未超过标准'}`;
}

function educationEvidence(h: HouseholdView): { applies: boolean; text: string } {
  const children = h.members.filter(compulsorySchoolAge);
  if (children.length === 0) return { applies: false, text: '无义务教育阶段适龄成员' };
  const inSchool = count(children, (m) => m.schoolStatus != null && m.schoolStatus !== NOT_IN_SCHOOL && m.schoolStatus !== '学龄前儿童');
  const out = outOfSchoolChildren(h);
  const unknown = children.filter((m) => m.schoolStatus == null);
  const parts = [`义务教育阶段 ${children.length} 人，在校 ${inSchool} 人`];
  if (out.length) parts.push(`${names(out)}为非在校生，请核实`);
  if (unknown.length) parts.push(`${names(unknown)}未填在校情况`);
  return { applies: true, text: parts.join('；') };
}

function medicalEvidence(h: HouseholdView): string {
  const n = h.members.length;
  const basic = h.members.filter((m) => m.medicalInsurance === true);
  const serious = count(h.members, (m) => m.seriousIllnessInsurance === true);
  const gaps = h.members.filter((m) => m.medicalInsurance !== true);
  const parts = [`基本医保 参保 ${basic.length}/${n} 人`, `大病保险 ${serious}/${n} 人`];
  if (gaps.length) parts.push(`未参保：${names(gaps)}`);
  return parts.join('；');
}

function housingEvidence(h: HouseholdView): string {
  const grade = h.living.housingSafety;
  const built = h.conditions.find((f) => f.key === 'buildYear')?.text;
  const rebuilt = measureYear(h, '住房安全保障');
  const parts = [grade == null ? '住房安全等级未填写' : grade === '安全' ? '住房安全等级：安全' : `住房安全等级：${grade}危房`];
  if (built) parts.push(`建房 ${built}年`);
  if (rebuilt != null) parts.push(`危房改造 ${rebuilt}年`);
  return parts.join('；');
}

function waterEvidence(h: HouseholdView): string {
  const safe = h.living.drinkingWaterSafe;
  const fixed = measureYear(h, '饮水安全保障');
  const text = safe == null ? '饮水安全未填写' : safe ? '饮水安全：是' : '饮水安全：否';
  return fixed == null ? text : `${text}；饮水安全保障措施 ${fixed}年`;
}

const verdictOf = (met: boolean): Verdict => (met ? '达标' : '未达标');

/** Evidence and verdict of one item; the check's own words where the data adds nothing. */
function printed(h: HouseholdView, item: CheckItem, year: number): VerificationItem {
  const base = { code: item.code, label: item.label, veto: item.veto };
  // An unmet item keeps the check's reason next to the data.
  const assessed = (evidence: string): VerificationItem => ({ ...base, verdict: verdictOf(item.met), detail: item.met ? evidence : `${evidence}；${item.detail}` });
  switch (item.code) {
    case 'income':
      return { ...base, verdict: verdictOf(item.met), detail: incomeEvidence(h, item, year) };
    case 'education': {
      const e = educationEvidence(h);
      // Nothing to guarantee without a school-age child, unless the assessment itself found a problem.
      if (!e.applies && item.met) return { ...base, verdict: '不涉及', detail: e.text };
      return assessed(e.text);
    }
    case 'medical':
      return assessed(medicalEvidence(h));
    case 'housing':
      return assessed(housingEvidence(h));
    case 'water':
      return assessed(waterEvidence(h));
    case 'food':
    case 'clothing':
      return assessed(`入户评估认定${item.met ? '达标' : '未达标'}${assessedBy(h)}`);
    case 'relocation':
      return h.relocation == null ? { ...base, verdict: '不涉及', detail: '非易地搬迁户' } : { ...base, verdict: verdictOf(item.met), detail: item.detail };
    case 'welfare':
      return h.members.some((m) => m.isDibao === true || m.isTekun === true)
        ? { ...base, verdict: verdictOf(item.met), detail: item.detail }
        : { ...base, verdict: '不涉及', detail: '家中没有低保或特困供养人员' };
    case 'illness':
      return h.members.some((m) => m.health === '患有大病')
        ? { ...base, verdict: verdictOf(item.met), detail: item.detail }
        : { ...base, verdict: '不涉及', detail: '家中没有患大病的成员' };
    default:
      return { ...base, verdict: verdictOf(item.met), detail: item.detail };
  }
}

export function evidenceItems(h: HouseholdView, check: Pick<ExitCheckRow, 'items' | 'year'>): VerificationItem[] {
  return check.items.map((item) => printed(h, item, check.year));
}
