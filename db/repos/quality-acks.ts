// 已核实无误 (core/check-acks.ts): the acknowledged findings, and the rows a finding's fingerprint
// is made of (the household with its members and incomes, or one member), bookkeeping left out.
import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../shared/actor.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
import { qualityAcks } from '../schema/index.ts';
import { changeStamp } from './stamp.ts';

export type AckRow = typeof qualityAcks.$inferSelect;
export type NewAck = Omit<AckRow, 'id' | 'version' | 'updatedAt' | 'updatedBy'>;

export function allAcks(db: ReadDb): AckRow[] {
  return db.select().from(qualityAcks).orderBy(asc(qualityAcks.acknowledgedOn)).all();
}

export function ackById(db: ReadDb, id: string): AckRow | undefined {
  return db.select().from(qualityAcks).where(eq(qualityAcks.id, id)).get();
}

export function acksOfFinding(db: ReadDb, householdId: string, findingKey: string): AckRow[] {
  return db
    .select()
    .from(qualityAcks)
    .where(eq(qualityAcks.householdId, householdId))
    .all()
    .filter((a) => a.findingKey === findingKey);
}

export function insertAck(w: WriteDb, actor: Actor, ack: NewAck): AckRow {
  const row: AckRow = { ...ack, id: randomUUID(), version: 1, ...changeStamp(actor) };
  w.insert(qualityAcks).values(row).run();
  return row;
}

export function deleteAck(w: WriteDb, id: string): void {
  w.delete(qualityAcks).where(eq(qualityAcks.id, id)).run();
}

const BOOKKEEPING = new Set(['version', 'updated_at', 'updated_by']);
const content = (row: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(row).filter(([k]) => !BOOKKEEPING.has(k)));

export interface FingerprintRows {
  /** Household id → its row, its members' rows (by seq) and its incomes' rows (by year), as stored. */
  households: Map<string, unknown[]>;
  /** Member id → its row, as stored. */
  members: Map<string, unknown>;
}

/** The stored content of these households (with their members and incomes) and members. */
export function fingerprintRows(db: ReadDb, householdIds: readonly string[]): FingerprintRows {
  const out: FingerprintRows = { households: new Map(), members: new Map() };
  const ids = [...new Set(householdIds)];
  const c = db.$client;
  for (let i = 0; i < ids.length; i += 400) {
    const part = ids.slice(i, i + 400);
    const marks = part.map(() => '?').join(',');
    const hs = c.prepare(`SELECT * FROM households WHERE id IN (${marks})`).all(...part) as Record<string, unknown>[];
    const ms = c.prepare(`SELECT * FROM members WHERE household_id IN (${marks}) ORDER BY seq`).all(...part) as Record<string, unknown>[];
    const is = c.prepare(`SELECT * FROM incomes WHERE household_id IN (${marks}) ORDER BY year`).all(...part) as Record<string, unknown>[];
    for (const h of hs) out.households.set(h.id as string, [content(h)]);
    for (const m of ms) {
      out.members.set(m.id as string, content(m));
      out.households.get(m.household_id as string)?.push(content(m));
    }
    for (const r of is) out.households.get(r.household_id as string)?.push(content(r));
  }
  return out;
}

export const ackIdsOf = (db: ReadDb, ids: readonly string[]): AckRow[] => (ids.length ? db.select().from(qualityAcks).where(inArray(qualityAcks.id, [...ids])).all() : []);
