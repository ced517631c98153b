// Editor draft → the API's HouseholdDraft: trims text, turns '' into null, 元 into 分, checks
// what the API would refuse anyway (with the same field paths), and leaves out member rows
// that were added but never filled in.
import type { HouseholdDraft, IncomeDraft, MemberDraft } from '../../shared/api/index.ts';
import { isIsoDate } from '../../shared/dates.ts';
import { parseIdNumber } from '../../shared/id-number.ts';
import { INCOME_KEYS } from './draft.ts';
import { parseHouseholdSize } from './income-live.ts';
import { parseYuanInput } from './money-input.ts';
import type { EditorDraft, FieldError, MemberRow } from './types.ts';

export interface Conversion {
  draft: HouseholdDraft;
  /** Must be fixed before saving. */
  errors: FieldError[];
  /** Worth a question before saving (e.g. an ID number with a wrong check digit). */
  /** For each member sent, its row in the editor (blank rows are left out): maps API paths back. */
  memberRows: number[];
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

function decimal(raw: string, field: string, label: string, errors: FieldError[]): number | null {
  const s = raw.trim();
  if (s === '') return null;
  if (!/^\d+(\.\d+)?$/.test(s)) {
    errors.push({ field, message: `${label}应为不小于0的数字` });
    return null;
  }
  return Number(s);
}

function integer(raw: string, field: string, label: string, min: number, max: number, errors: FieldError[]): number | null {
  const s = raw.trim();
  if (s === '') return null;
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < min || n > max) {
    errors.push({ field, message: `${label}应为${min}到${max}之间的整数` });
    return null;
  }
  return n;
}

export function isBlankMember(m: MemberRow): boolean {
  return m.id == null && m.name.trim() === '' && m.idNumber.trim() === '';
}

function memberDraft(m: MemberRow, at: string, errors: FieldError[]): MemberDraft {
  const who = m.name.trim() || '未填姓名的成员';
  if (m.name.trim() === '') errors.push({ field: `${at}.name`, message: '请填写姓名' });
  if (m.relation.trim() === '') errors.push({ field: `${at}.relation`, message: `请选择${who}与户主关系` });
  const id = parseIdNumber(m.idNumber);
  // The archive refuses a wrong ID number, so it is an error here too, not a question.
  if (m.idNumber.trim() !== '' && !id.ok) errors.push({ field: `${at}.idNumber`, message: `${who}：${id.message}` });
  const birthDate = orNull(m.birthDate);
  if (birthDate && !isIsoDate(birthDate)) errors.push({ field: `${at}.birthDate`, message: '出生日期应为 YYYY-MM-DD，例如 1980-03-15' });
  const phone = orNull(m.phone);
  if (phone && !/^1\d{10}$/.test(phone)) errors.push({ field: `${at}.phone`, message: '手机号码应为11位数字' });
  return {
    id: m.id,
    name: m.name.trim(),
    idNumber: id.ok ? id.info.normalized : orNull(m.idNumber),
    relation: m.relation.trim(),
    gender: m.gender === '男' || m.gender === '女' ? m.gender : null,
    birthDate,
    ethnicity: orNull(m.ethnicity),
    education: orNull(m.education),
    schoolStatus: orNull(m.schoolStatus),
    health: orNull(m.health),
    disabilityGrade: orNull(m.disabilityGrade),
    labourAbility: orNull(m.labourAbility),
    workStatus: orNull(m.workStatus),
    workMonths: integer(m.workMonths, `${at}.workMonths`, '务工时间（月）', 0, 12, errors),
    phone,
    medicalInsurance: m.medicalInsurance,
    pensionInsurance: m.pensionInsurance,
    isDibao: m.isDibao,
    isTekun: m.isTekun,
    leftReason: orNull(m.leftReason),
    leftOn: orNull(m.leftOn),
  };
}

function incomeDrafts(d: EditorDraft, errors: FieldError[]): IncomeDraft[] {
  return d.incomes.map((row, i) => {
    const at = `incomes.${i}`;
    const size = parseHouseholdSize(row.householdSize);
    if (size == null || size > 30) errors.push({ field: `${at}.householdSize`, message: `${row.year}年家庭人口数应为1到30之间的整数` });
    const out: Record<string, number> = { year: row.year, householdSize: size ?? 0 };
    for (const k of INCOME_KEYS) {
      const r = parseYuanInput(row.amounts[k]);
      if (!r.ok) errors.push({ field: `${at}.${k}`, message: `${row.year}年：${r.message}` });
      out[k] = r.ok ? r.fen : 0;
    }
    return out as unknown as IncomeDraft;
  });
}

export function toHouseholdDraft(d: EditorDraft): Conversion {
  const errors: FieldError[] = [];
  if (d.villageId === '') errors.push({ field: 'villageId', message: '请选择行政村' });
  const no = d.no.trim();
  if (!/^[0-9A-Za-z-]{1,30}$/.test(no)) errors.push({ field: 'no', message: no === '' ? '请填写户编号' : '户编号只能由数字和字母组成' });
  const phone = orNull(d.phone);
  if (phone && !/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(phone)) errors.push({ field: 'phone', message: '联系电话应为11位手机号或带区号的座机' });
  const bankAccount = orNull(d.bankAccount.replace(/\s/g, ''));
  if (bankAccount && !/^\d{12,23}$/.test(bankAccount)) errors.push({ field: 'bankAccount', message: '银行账号应为12到23位数字' });

  const memberRows: number[] = [];
  const members: MemberDraft[] = [];
  d.members.forEach((m, row) => {
    if (isBlankMember(m)) return;
    members.push(memberDraft(m, `members.${members.length}`, errors));
    memberRows.push(row);
  });
  if (members.length === 0) errors.push({ field: 'members.0.name', message: '至少要有一名家庭成员：请填写户主姓名' });

  const draft: HouseholdDraft = {
    id: d.id,
    expectedVersion: d.version,
    villageId: d.villageId,
    no,
    groupName: orNull(d.groupName),
    address: orNull(d.address),
    phone,
    identificationStandard: orNull(d.identificationStandard),
    identificationYear: integer(d.identificationYear, 'identificationYear', '识别年度', 2000, 2100, errors),
    attribute: orNull(d.attribute),
    mainCause: orNull(d.mainCause),
    otherCauses: d.otherCauses.filter((c) => c !== d.mainCause).slice(0, 2),
    housingSafety: orNull(d.housingSafety),
    housingArea: decimal(d.housingArea, 'housingArea', '住房面积', errors),
    drinkingWaterSafe: d.drinkingWaterSafe,
    hasElectricity: d.hasElectricity,
    roadType: orNull(d.roadType),
    distanceToRoadKm: decimal(d.distanceToRoadKm, 'distanceToRoadKm', '与村主干路距离', errors),
    hasSanitaryToilet: d.hasSanitaryToilet,
    fuelType: orNull(d.fuelType),
    farmlandMu: decimal(d.farmlandMu, 'farmlandMu', '耕地面积', errors),
    forestMu: decimal(d.forestMu, 'forestMu', '林地面积', errors),
    bankName: orNull(d.bankName),
    bankAccount,
    notes: orNull(d.notes),
    members,
    incomes: incomeDrafts(d, errors),
  };
  return { draft, errors, memberRows };
}

/** An API field path ('members.2.idNumber') in terms of the editor's rows ('members.3.idNumber'). */
export function editorField(apiField: string, memberRows: readonly number[]): string {
  const m = /^members\.(\d+)(\..*)?$/.exec(apiField);
  if (!m) return apiField;
  const row = memberRows[Number(m[1])];
  return row == null ? apiField : `members.${row}${m[2] ?? ''}`;
}

/** Which tab of the household page shows a field. */
export function tabOfField(field: string): 'basic' | 'members' | 'incomes' {
  if (field.startsWith('members')) return 'members';
  if (field.startsWith('incomes')) return 'incomes';
  return 'basic';
}
