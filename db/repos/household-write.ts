// The one write path for a household with its members and incomes (save, import, demo, undo):
// it checks the version the change was prepared against, writes only what differs, gives every
// changed row its next version and the household the next one whenever anything of it changed,
// keeps the members' pinyin search keys with their names, and writes the audit row — so no
// caller can forget one of them (the audit row through recordAudit, onto the hash chain).
// Status changes have their own writer (household-status.ts).
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { asc, eq } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { nameInitials } from '../../shared/pinyin.ts';
import type { HouseholdRecord, IncomeRecord, MemberRecord, Travelling } from '../../shared/records.ts';
import { inserter } from '../bulk-insert.ts';
import type { Insert } from '../bulk-insert.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
import { households, incomes, members } from '../schema/index.ts';
import { recordAudit } from './audit.ts';

export interface HouseholdSnapshot {
  household: HouseholdRecord;
  members: MemberRecord[];
  incomes: IncomeRecord[];
}

export type HouseholdFields = Partial<Omit<HouseholdRecord, keyof Travelling>>;
/** A member's fields; `seq` is its place in the household. */
export type MemberFields = Partial<Omit<MemberRecord, keyof Travelling | 'householdId' | 'nameInitials'>>;
export type IncomeFields = Partial<Omit<IncomeRecord, keyof Travelling | 'householdId' | 'year'>>;

export interface HouseholdChange {
  household?: HouseholdFields;
  /** Members written: an id updates that member (only if something differs), null adds one. */
  members?: { id: string | null; fields: MemberFields }[];
  /** Members deleted outright (a save that removed a row the clerk added by mistake). */
  removeMembers?: readonly string[];
  /** The incomes of these years written (added, or updated if something differs). */
  incomes?: { year: number; fields: IncomeFields }[];
  removeIncomeYears?: readonly number[];
}

export interface AuditSpec {
  action: string;
  /** The note; from the images when a function. */
  note: string | ((before: HouseholdSnapshot | null, after: HouseholdSnapshot) => string);
  /** 'snapshots': the whole household before and after (what undo puts back); else what the caller says. */
  images: 'snapshots' | { before: unknown; after: unknown } | null;
  undoes?: number | null;
}

export const STALE_MESSAGE = '这一户在您编辑期间已被别人（或另一个窗口）修改过。为免覆盖对方的修改，本次没有保存：请复制您的改动，刷新后重新填写。';

// One prepared insert per table and connection: the bulk paths (import, demo) write tens of
// thousands of households through here.
const cache = new WeakMap<Database.Database, Map<SQLiteTable, Insert<SQLiteTable>>>();
function insertInto<T extends SQLiteTable>(w: WriteDb, table: T): Insert<T> {
  let forDb = cache.get(w.$client);
  if (!forDb) cache.set(w.$client, (forDb = new Map<SQLiteTable, Insert<SQLiteTable>>()));
  let ins = forDb.get(table);
  if (!ins) forDb.set(table, (ins = inserter(w.$client, table) as Insert<SQLiteTable>));
  return ins as Insert<T>;
}

export function householdSnapshot(db: ReadDb, householdId: string): HouseholdSnapshot | null {
  const household = db.select().from(households).where(eq(households.id, householdId)).get();
  if (!household) return null;
  return {
    household,
    members: db.select().from(members).where(eq(members.householdId, householdId)).orderBy(asc(members.seq)).all(),
    incomes: db.select().from(incomes).where(eq(incomes.householdId, householdId)).orderBy(asc(incomes.year)).all(),
  };
}

const BOOKKEEPING = new Set(['id', 'version', 'updatedAt', 'updatedBy', 'householdId']);
/** The fields of `next` whose value differs from the stored row. */
function differing(prev: object, next: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined || BOOKKEEPING.has(k)) continue;
    if (JSON.stringify((prev as Record<string, unknown>)[k] ?? null) !== JSON.stringify(v ?? null)) out[k] = v;
  }
  return out;
}
const withKey = (f: MemberFields): MemberFields & { nameInitials?: string } => (f.name === undefined ? f : { ...f, nameInitials: nameInitials(f.name) });

function audit(w: WriteDb, actor: Actor, householdId: string, spec: AuditSpec, before: HouseholdSnapshot | null): void {
  const after = spec.images === 'snapshots' || typeof spec.note === 'function' ? householdSnapshot(w, householdId)! : null;
  const images = spec.images === 'snapshots' ? { before, after } : (spec.images ?? { before: null, after: null });
  recordAudit(w, actor, {
    action: spec.action,
    tableName: 'households',
    recordId: householdId,
    householdId,
    before: images.before,
    after: images.after,
    note: typeof spec.note === 'function' ? spec.note(before, after!) : spec.note,
    undoes: spec.undoes ?? null,
  });
}

/**
 * Adds a household with its members and incomes, all at version 1. Returns its id. Ids given
 * (the household's, a member's, an income's) are used for the new rows: the demo's are fixed.
 */
export function createHousehold(
  w: WriteDb,
  actor: Actor,
  household: HouseholdFields & { villageId: string; no: string; id?: string },
  change: { members?: { id: string | null; fields: MemberFields }[]; incomes?: { id?: string | null; year: number; fields: IncomeFields }[] },
  spec: AuditSpec | null,
): string {
  const id = household.id ?? randomUUID();
  const stamp = { version: 1, updatedAt: actor.now().toISOString(), updatedBy: actor.operator };
  insertInto(w, households)({ ...household, id, ...stamp });
  (change.members ?? []).forEach((m, i) =>
    insertInto(w, members)({ seq: i + 1, ...withKey(m.fields), name: m.fields.name ?? '', relation: m.fields.relation ?? '', nameInitials: nameInitials(m.fields.name ?? ''), id: m.id ?? randomUUID(), householdId: id, ...stamp }),
  );
  for (const r of change.incomes ?? []) insertInto(w, incomes)({ householdSize: 1, ...r.fields, year: r.year, id: r.id ?? randomUUID(), householdId: id, ...stamp });
  if (spec) audit(w, actor, id, spec, null);
  return id;
}

export interface UpdateOptions {
  /**
   * The version the change was prepared against: always given. Both callers (the editor's save,
   * the import) prepared their change from a read made before the write transaction, so either
   * could be stale; there is no caller that may skip the check.
   */
  expectedVersion: number;
  /** Bump the household's version even when nothing differs (a save the clerk made). */
  touch?: boolean;
}

/** Writes a change to an existing household. Refused (nothing written) when it moved on since `expectedVersion`. */
export function updateHousehold(w: WriteDb, actor: Actor, id: string, change: HouseholdChange, opts: UpdateOptions, spec: AuditSpec | null): { changed: boolean } {
  const before = householdSnapshot(w, id);
  if (!before) throw new UserError('找不到这一户，可能已被删除或撤销。请返回列表刷新。');
  if (before.household.version !== opts.expectedVersion) throw new UserError(STALE_MESSAGE);
  const stamp = { updatedAt: actor.now().toISOString(), updatedBy: actor.operator };
  let changed = false;

  const oldMembers = new Map(before.members.map((m) => [m.id, m]));
  for (const m of change.members ?? []) {
    const prev = m.id ? oldMembers.get(m.id) : undefined;
    if (prev) {
      const diff = differing(prev, withKey(m.fields));
      if (Object.keys(diff).length === 0) continue;
      w.update(members).set({ ...diff, version: prev.version + 1, ...stamp }).where(eq(members.id, prev.id)).run();
    } else {
      insertInto(w, members)({ seq: before.members.length + 1, ...withKey(m.fields), name: m.fields.name ?? '', relation: m.fields.relation ?? '', nameInitials: nameInitials(m.fields.name ?? ''), id: randomUUID(), householdId: id, version: 1, ...stamp });
    }
    changed = true;
  }
  for (const memberId of change.removeMembers ?? []) {
    if (!oldMembers.has(memberId)) continue;
    w.delete(members).where(eq(members.id, memberId)).run();
    changed = true;
  }

  const oldIncomes = new Map(before.incomes.map((r) => [r.year, r]));
  for (const r of change.incomes ?? []) {
    const prev = oldIncomes.get(r.year);
    if (prev) {
      const diff = differing(prev, r.fields);
      if (Object.keys(diff).length === 0) continue;
      w.update(incomes).set({ ...diff, version: prev.version + 1, ...stamp }).where(eq(incomes.id, prev.id)).run();
    } else {
      insertInto(w, incomes)({ householdSize: 1, ...r.fields, year: r.year, id: randomUUID(), householdId: id, version: 1, ...stamp });
    }
    changed = true;
  }
  for (const year of change.removeIncomeYears ?? []) {
    const prev = oldIncomes.get(year);
    if (!prev) continue;
    w.delete(incomes).where(eq(incomes.id, prev.id)).run();
    changed = true;
  }

  const fields = differing(before.household, change.household ?? {});
  if (Object.keys(fields).length) changed = true;
  // Whatever of the household changed — its own fields, a member, an income — its version moves,
  // so an editor opened before this change cannot save over it.
  if (changed || opts.touch) w.update(households).set({ ...fields, version: before.household.version + 1, ...stamp }).where(eq(households.id, id)).run();
  if (spec && (changed || opts.touch)) audit(w, actor, id, spec, before);
  return { changed };
}

/** Puts a snapshot back in place of the household (undo); every row gets its next version. */
export function restoreHousehold(w: WriteDb, actor: Actor, snap: HouseholdSnapshot, spec: AuditSpec): void {
  const id = snap.household.id;
  const now = householdSnapshot(w, id);
  const stamp = { updatedAt: actor.now().toISOString(), updatedBy: actor.operator };
  // Versions only ever go up (exchange packages compare them): a restored row gets the next
  // version after whatever the row had, even though its content is the older one.
  const versions = new Map([...(now?.members ?? []), ...(now?.incomes ?? [])].map((r) => [r.id, r.version]));
  const bump = <T extends { id: string; version: number }>(r: T): T => ({ ...r, ...stamp, version: Math.max(versions.get(r.id) ?? 0, r.version) + 1 });
  w.delete(members).where(eq(members.householdId, id)).run();
  w.delete(incomes).where(eq(incomes.householdId, id)).run();
  const row = { ...snap.household, version: (now?.household.version ?? snap.household.version) + 1, ...stamp };
  if (now) w.update(households).set(row).where(eq(households.id, id)).run();
  else w.insert(households).values(row).run();
  for (const m of snap.members) insertInto(w, members)(bump(m));
  for (const r of snap.incomes) insertInto(w, incomes)(bump(r));
  audit(w, actor, id, spec, now);
}

/** Removes a household that an undo takes back entirely (its members and incomes go with it). */
export function removeHousehold(w: WriteDb, actor: Actor, id: string, spec: AuditSpec): void {
  const before = householdSnapshot(w, id);
  w.delete(households).where(eq(households.id, id)).run();
  recordAudit(w, actor, {
    action: spec.action,
    tableName: 'households',
    recordId: id,
    householdId: id,
    before: spec.images === 'snapshots' ? before : (spec.images?.before ?? null),
    after: spec.images === 'snapshots' ? null : (spec.images?.after ?? null),
    note: typeof spec.note === 'function' ? '' : spec.note,
    undoes: spec.undoes ?? null,
  });
}
