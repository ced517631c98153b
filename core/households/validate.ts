// What the archive refuses on save, each with the field to highlight and a Chinese message.
// (What is merely suspicious is the quality check's business, not a refusal.)
import type { ReadDb } from '../../db/handles.ts';
import { householdIdByNo, memberElsewhere, villageExists } from '../../db/repos/household-page.ts';
import type { ParsedInputOf } from '../../shared/api/index.ts';
import type { householdsApi } from '../../shared/api/households.ts';
import { UserError } from '../../shared/errors.ts';
import { parseIdNumber } from '../../shared/id-number.ts';
import { maskIdNumber } from '../../shared/mask.ts';

export type ParsedDraft = ParsedInputOf<typeof householdsApi.save>;
export type ParsedMember = ParsedDraft['members'][number];

const refuse = (message: string, field: string): never => {
  throw new UserError(message, { field });
};

/** Normalises ID numbers and fills gender and birth date from valid ones; refuses bad ones. */
export function normaliseMembers(draft: ParsedDraft, today: Date): ParsedMember[] {
  return draft.members.map((m, i) => {
    const where = `第${i + 1}名家庭成员${m.name}`;
    if (!m.idNumber) return m;
    const r = parseIdNumber(m.idNumber, today);
    if (!r.ok) return refuse(`${where}的${r.message}。请对照身份证或户口簿改正后再保存。`, `members.${i}.idNumber`);
    return { ...m, idNumber: r.info.normalized, gender: r.info.gender, birthDate: r.info.birthDate };
  });
}

export function checkDraft(db: ReadDb, draft: ParsedDraft, people: ParsedMember[], householdId: string | null): void {
  if (!villageExists(db, draft.villageId)) refuse('所选的行政村不存在，请重新选择。', 'villageId');
  const sameNo = householdIdByNo(db, draft.no);
  if (sameNo && sameNo !== householdId) refuse(`户编号 ${draft.no} 已被另一户使用，请核对户编号。`, 'no');

  const current = people.map((m, i) => ({ m, i })).filter(({ m }) => !m.leftReason);
  const heads = current.filter(({ m }) => m.relation === '户主');
  if (heads.length === 0) refuse('这一户没有户主：请把一名成员的“与户主关系”设为“户主”。', 'members');
  if (heads.length > 1) refuse(`这一户有${heads.length}名户主（${heads.map(({ m }) => m.name).join('、')}）：一户只能有一个户主。`, `members.${heads[1]!.i}.relation`);

  const seen = new Map<string, number>();
  for (const { m, i } of current) {
    if (!m.idNumber) continue;
    const prev = seen.get(m.idNumber);
    if (prev !== undefined) refuse(`第${prev + 1}名和第${i + 1}名成员的身份证号相同（${maskIdNumber(m.idNumber)}），请核对。`, `members.${i}.idNumber`);
    seen.set(m.idNumber, i);
  }
  const elsewhere = memberElsewhere(db, [...seen.keys()], householdId);
  if (elsewhere) {
    refuse(
      `身份证号 ${maskIdNumber(elsewhere.idNumber)} 已登记在户编号 ${elsewhere.no}（${elsewhere.name}）中，同一人只能属于一户。请先在那一户办理减员。`,
      `members.${seen.get(elsewhere.idNumber)!}.idNumber`,
    );
  }
  if (draft.mainCause && draft.otherCauses.includes(draft.mainCause)) refuse('其他致贫原因不能与主要致贫原因相同。', 'otherCauses');
  const years = draft.incomes.map((r) => r.year);
  const dup = years.find((y, i) => years.indexOf(y) !== i);
  if (dup !== undefined) refuse(`${dup}年的收入填了两次，请合并为一条。`, `incomes.${years.lastIndexOf(dup)}.year`);
}
