// Saving a household page: refuse what the archive would refuse, then write the household,
// its members and its incomes in one transaction with an audit entry holding the before and
// after images (which is also what undo puts back).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { households, incomes, members } from '../../db/schema/index.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { nameInitials } from '../../shared/pinyin.ts';
import { snapshotOf } from './snapshot.ts';
import type { HouseholdSnapshot } from './snapshot.ts';
import { checkDraft, normaliseMembers } from './validate.ts';
import type { ParsedDraft } from './validate.ts';

/** Whether any of `next`'s values differs from the stored row (stamps and order aside). */
function differs(prev: object, next: object): boolean {
  const ignore = new Set(['updatedAt', 'updatedBy', 'version', 'seq']);
  return Object.entries(next).some(([k, v]) => !ignore.has(k) && JSON.stringify((prev as Record<string, unknown>)[k] ?? null) !== JSON.stringify(v ?? null));
}

function describeChange(before: HouseholdSnapshot | null, after: HouseholdSnapshot): string {
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
  const now = actor.now().toISOString();
  const stamp = { updatedAt: now, updatedBy: actor.operator };
  return db.transaction((tx) => {
    const existing = draft.id ? tx.select().from(households).where(eq(households.id, draft.id)).get() : undefined;
    if (draft.id && !existing) throw new UserError('找不到这一户，可能已被删除或撤销。请返回列表刷新。');
    if (existing && draft.expectedVersion != null && existing.version !== draft.expectedVersion) {
      throw new UserError('这一户在您编辑期间已被别人（或另一个窗口）修改过。为免覆盖对方的修改，本次没有保存：请复制您的改动，刷新后重新填写。');
    }
    const householdId = existing?.id ?? randomUUID();
    checkDraft(tx, draft, people, existing?.id ?? null);
    const before = existing ? snapshotOf(tx, householdId) : null;

    const { members: _m, incomes: _i, id: _id, expectedVersion: _v, otherCauses, ...rest } = draft;
    const fields = { ...rest, otherCauses: otherCauses.length ? otherCauses : null };
    if (existing) {
      tx.update(households).set({ ...fields, version: existing.version + 1, ...stamp }).where(eq(households.id, householdId)).run();
    } else {
      tx.insert(households).values({ ...fields, id: householdId, version: 1, ...stamp }).run();
    }

    const old = new Map((before?.members ?? []).map((m) => [m.id, m]));
    const keep = new Set<string>();
    people.forEach((p, i) => {
      const { id: memberId, ...values } = p;
      const row = { ...values, householdId, seq: i + 1, nameInitials: nameInitials(p.name), ...stamp };
      const prev = memberId ? old.get(memberId) : undefined;
      if (prev) {
        keep.add(prev.id);
        // Only rows that really changed get a new version (what exchange packages compare).
        if (differs(prev, row)) tx.update(members).set({ ...row, version: prev.version + 1 }).where(eq(members.id, prev.id)).run();
      } else {
        tx.insert(members).values({ ...row, id: randomUUID(), version: 1 }).run();
      }
    });
    for (const id of old.keys()) if (!keep.has(id)) tx.delete(members).where(eq(members.id, id)).run();

    const oldIncomes = new Map((before?.incomes ?? []).map((r) => [r.year, r]));
    for (const r of draft.incomes) {
      const prev = oldIncomes.get(r.year);
      oldIncomes.delete(r.year);
      if (prev) {
        if (differs(prev, r)) tx.update(incomes).set({ ...r, version: prev.version + 1, ...stamp }).where(eq(incomes.id, prev.id)).run();
      } else tx.insert(incomes).values({ ...r, id: randomUUID(), householdId, version: 1, ...stamp }).run();
    }
    for (const r of oldIncomes.values()) tx.delete(incomes).where(eq(incomes.id, r.id)).run();

    const after = snapshotOf(tx, householdId)!;
    recordAudit(tx, actor, {
      action: existing ? 'update' : 'insert',
      tableName: 'households',
      recordId: householdId,
      householdId,
      before,
      after,
      note: describeChange(before, after),
    });
    return householdId;
  });
}
