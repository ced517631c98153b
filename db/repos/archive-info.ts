// What an archive file is (its one archive_info row, its township), what a new archive is seeded
// with (township, value lists, policy defaults), and the integrity check a backup must pass.
import { asc, eq, sql } from 'drizzle-orm';
import type { Travelling } from '../../shared/records.ts';
import type { PolicyParameter } from '../../shared/policy.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
import { archiveInfo, codeLists, policyParameters, townships } from '../schema/index.ts';

export type ArchiveRole = 'township' | 'county';
/** Which side an archive is on: what the contract's role checks need first. */
export type ArchiveSide = ArchiveRole;

export interface ArchiveInfoRecord {
  role: ArchiveRole;
  /** The township this archive belongs to (township role), or null for a county archive. */
  townshipId: string | null;
  /** Display name: the township's, or the county's for a county archive. */
  name: string;
  county: string | null;
  province: string | null;
  createdAt: string;
}

/** The archive's one info row; undefined when the archive was never fully created. */
export function archiveInfoOf(db: ReadDb): ArchiveInfoRecord | undefined {
  return db
    .select({ role: archiveInfo.role, townshipId: archiveInfo.townshipId, name: archiveInfo.name, county: archiveInfo.county, province: archiveInfo.province, createdAt: archiveInfo.createdAt })
    .from(archiveInfo)
    .get();
}

/** The township's name and county as printed on papers (the first by name; a county archive has none). */
export function townshipNaming(db: ReadDb): { name: string; county: string | null } | undefined {
  return db.select({ name: townships.name, county: townships.county }).from(townships).orderBy(asc(townships.name)).limit(1).get();
}

export interface TownshipInsert extends Travelling {
  name: string;
  code: string | null;
  county: string | null;
  city: string | null;
  province: string | null;
}

export function insertTownship(w: WriteDb, t: TownshipInsert): void {
  w.insert(townships).values(t).run();
}

export function insertArchiveInfo(w: WriteDb, info: ArchiveInfoRecord): void {
  w.insert(archiveInfo).values({ id: 1, ...info }).run();
}

export interface CodeListEntryInsert {
  category: string;
  code: string | null;
  label: string;
  aliases: string[];
  era: string;
  sortOrder: number;
}

export function insertCodeListEntries(w: WriteDb, entries: readonly CodeListEntryInsert[]): void {
  for (const e of entries) w.insert(codeLists).values(e).run();
}

export interface PolicyParameterInsert extends Travelling, PolicyParameter {
  unit: 'fen' | 'day' | 'percent';
}

export function insertPolicyParameters(w: WriteDb, rows: readonly PolicyParameterInsert[]): void {
  for (const p of rows) w.insert(policyParameters).values(p).run();
}

/** SQLite's integrity check: 'ok', or what is wrong. */
export function integrityCheck(db: ReadDb): string {
  return String(db.$client.pragma('integrity_check', { simple: true }));
}

/** The side of an open archive, or null when its info row is missing. */
export function archiveSide(db: ReadDb): ArchiveSide | null {
  return db.select({ role: archiveInfo.role }).from(archiveInfo).get()?.role ?? null;
}


/** A township archive's own township (id, name, code); undefined in a county archive. */
export function ownTownship(db: ReadDb): { id: string; name: string; code: string | null; county: string | null; province: string | null } | undefined {
  const info = archiveInfoOf(db);
  if (info?.role === 'county') return undefined;
  const q = db.select({ id: townships.id, name: townships.name, code: townships.code, county: townships.county, province: townships.province }).from(townships);
  return (info?.townshipId ? q.where(eq(townships.id, info.townshipId)) : q).get();
}

/** The township's naming facts the 乡镇设置 screen edits (the archive's one township). */
export function townshipFacts(db: ReadDb): { id: string; name: string; code: string | null; county: string | null; province: string | null } | undefined {
  return db.select({ id: townships.id, name: townships.name, code: townships.code, county: townships.county, province: townships.province }).from(townships).orderBy(asc(townships.name)).limit(1).get();
}

/** 区划代码 / 县 / 省 filled in later (the create form says 可以稍后补填): the township row and archive_info. */
export function updateTownshipFacts(w: WriteDb, id: string, facts: { code: string | null; county: string | null; province: string | null }, stamp: { updatedAt: string; updatedBy: string }): void {
  w.update(townships).set({ ...facts, ...stamp, version: sql`${townships.version} + 1` }).where(eq(townships.id, id)).run();
  w.update(archiveInfo).set({ county: facts.county, province: facts.province }).run();
}
