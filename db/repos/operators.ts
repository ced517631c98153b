// The archive's accounts: who may open it, in which role, whether the account is in use.
import { asc, eq } from 'drizzle-orm';
import type { Role } from '../../shared/roles.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
import { archiveInfo, operators } from '../schema/index.ts';

export type OperatorRecord = typeof operators.$inferSelect;

export function operatorByName(db: ReadDb, name: string): OperatorRecord | undefined {
  return db.select().from(operators).where(eq(operators.name, name)).get();
}

export function listOperators(db: ReadDb): OperatorRecord[] {
  return db.select().from(operators).orderBy(asc(operators.createdAt), asc(operators.name)).all();
}

export function countActiveAdmins(db: ReadDb, adminRole: Role): number {
  return db.select().from(operators).where(eq(operators.role, adminRole)).all().filter((o) => !o.disabled).length;
}

export function insertOperator(w: WriteDb, row: OperatorRecord): void {
  w.insert(operators).values(row).run();
}

export function updateOperator(w: WriteDb, name: string, set: Partial<Omit<OperatorRecord, 'id' | 'name'>>): void {
  w.update(operators).set(set).where(eq(operators.name, name)).run();
}

export function idleLockMinutes(db: ReadDb): number {
  return db.select({ m: archiveInfo.idleLockMinutes }).from(archiveInfo).get()?.m ?? 15;
}

export function setIdleLockMinutes(w: WriteDb, minutes: number): void {
  w.update(archiveInfo).set({ idleLockMinutes: minutes }).run();
}
