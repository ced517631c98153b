// Saving a household page: refuse what the archive would refuse, then write the household, its
// members and its incomes through the one household write path (db/repos/household-write.ts),
// with an audit entry holding the before and after images (which is also what undo puts back).
import { writeTransaction } from '../../db/handles.ts';
import type { Db } from '../../db/open.ts';
import { STALE_MESSAGE, createHousehold, householdSnapshot, updateHousehold } from '../../db/repos/household-write.ts';
import type { AuditSpec, HouseholdChange, HouseholdSnapshot } from '../../db/repos/household-write.ts';
import type { Actor } from '../../shared/actor.ts';
import { EXPECTED_VERSION_MISSING } from '../../shared/api/households.ts';
import { UserError } from '../../shared/errors.ts';
import { checkDraft, normaliseMembers } from './validate.ts';
import type { ParsedDraft } from './validate.ts';

export type { HouseholdSnapshot };

/** Whether any of `next`'s values differs from the stored row (stamps and order aside). */
function differs(prev: object, next: object): boolean {
  const ignore = new Set(['updatedAt', 'updatedBy', 'version', 'seq']);
  return Object.entries(next).some(([k, v]) => !ignore.has(k) && JSON.stringify((prev as Record<string, unknown>)[k] ?? null) !== JSON.stringify(v ?? null));
}

export function describeChange(before: HouseholdSnapshot | null, after: HouseholdSnapshot): string {
  const head = after.members.find((m) => m.relation === '户主' && !m.leftReason)?.name ?? '';
  if (!before) return `新增农户 ${after.household.no}（户主${head}，${after.members.length}人）`;
  const parts: string[] = [];
  const beforeMembers = new Map(before.members.map((m) => [m.id, m]));
  const added = after.members.filter((m) => !beforeMembers.has(m.id)).map((m) => m.name);
  const removed = before.members.filter((m) => !after.members.some((a) => a.id === m.id)).map((m) => m.name);
  const changed = after.members.filter((m) => {
    const b = beforeMembers.get(m.id);
    return b !== undefined && differs(b, m);
  });
  if (added.length) parts.push(`增加成员${added.join('、')}`);
  if (removed.length) parts.push(`删除成员${removed.join('、')}`);
  if (changed.length) parts.push(`修改成员${changed.map((m) => m.name).join('、')}`);
  const incomeKey = (s: HouseholdSnapshot) => JSON.stringify(s.incomes.map((r) => ({ ...r, id: '', version: 0, updatedAt: '', updatedBy: '' })));
  if (incomeKey(before) !== incomeKey(after)) parts.push('修改收入');
  const strip = (h: HouseholdSnapshot['household']) => JSON.stringify({ ...h, version: 0, updatedAt: '', updatedBy: '' });
  if (strip(before.household) !== strip(after.household)) parts.push('修改户信息');
  return `修改农户 ${after.household.no}（户主${head}）：${parts.join('；') || '无实际改动'}`;
}

export function saveHousehold(db: Db, actor: Actor, draft: ParsedDraft): string {
  const people = normaliseMembers(draft, actor.now());
  return writeTransaction(db, (w) => {
    const before = draft.id ? householdSnapshot(w, draft.id) : null;
    if (draft.id && !before) throw new UserError('找不到这一户，可能已被删除或撤销。请返回列表刷新。');
    // The contract refuses a draft of an existing household without its version; core callers too.
    const expected = draft.expectedVersion;
    if (before && expected == null) throw new UserError(EXPECTED_VERSION_MISSING);
    // Said before any refusal of the content: the clerk must first see the other's change.
    if (before && before.household.version !== expected) throw new UserError(STALE_MESSAGE);
    checkDraft(w, draft, people, before?.household.id ?? null);

    const { members: _m, incomes: _i, id: _id, expectedVersion: _v, otherCauses, ...rest } = draft;
    const keep = new Set(people.map((p) => p.id).filter((id): id is string => id != null));
    const change: HouseholdChange = {
      household: { ...rest, otherCauses: otherCauses.length ? otherCauses : null },
      members: people.map(({ id, ...fields }, i) => ({ id, fields: { ...fields, seq: i + 1 } })),
      removeMembers: (before?.members ?? []).map((m) => m.id).filter((id) => !keep.has(id)),
      incomes: draft.incomes.map(({ year, ...fields }) => ({ year, fields })),
      removeIncomeYears: (before?.incomes ?? []).map((r) => r.year).filter((y) => !draft.incomes.some((r) => r.year === y)),
    };
    const spec: AuditSpec = { action: before ? 'update' : 'insert', note: describeChange, images: 'snapshots' };
    if (!before || expected == null) {
      const { household, ...rows } = change;
      return createHousehold(w, actor, { ...household, villageId: draft.villageId, no: draft.no }, rows, spec);
    }
    updateHousehold(w, actor, before.household.id, change, { expectedVersion: expected, touch: true }, spec);
    return before.household.id;
  });
}
