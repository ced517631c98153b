// Contact settings printed on notices and 明白卡: the township's supervision phones, office
// address (投诉监督地址) and phone, and each village's 村委会电话.
import { asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../shared/actor.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
import { townships, villages } from '../schema/index.ts';
import { changeStamp } from './stamp.ts';

export interface TownshipContactsRow {
  id: string;
  name: string;
  supervisionPhones: string[] | null;
  officeAddress: string | null;
  officePhone: string | null;
}

/** The archive's township (the first by name, as townshipNaming reads it). */
export function townshipContacts(db: ReadDb): TownshipContactsRow | undefined {
  return db
    .select({ id: townships.id, name: townships.name, supervisionPhones: townships.supervisionPhones, officeAddress: townships.officeAddress, officePhone: townships.officePhone })
    .from(townships)
    .orderBy(asc(townships.name))
    .limit(1)
    .get();
}

export function saveTownshipContacts(w: WriteDb, actor: Actor, id: string, values: Pick<TownshipContactsRow, 'supervisionPhones' | 'officeAddress' | 'officePhone'>): void {
  w.update(townships)
    .set({ ...values, ...changeStamp(actor), version: sql`${townships.version} + 1` })
    .where(eq(townships.id, id))
    .run();
}

export interface VillageContactRow {
  id: string;
  code: string;
  name: string;
  committeePhone: string | null;
}

export function villageContacts(db: ReadDb): VillageContactRow[] {
  return db.select({ id: villages.id, code: villages.code, name: villages.name, committeePhone: villages.committeePhone }).from(villages).orderBy(asc(villages.sortOrder), asc(villages.code)).all();
}

export function saveVillagePhone(w: WriteDb, actor: Actor, id: string, committeePhone: string | null): void {
  w.update(villages)
    .set({ committeePhone, ...changeStamp(actor), version: sql`${villages.version} + 1` })
    .where(eq(villages.id, id))
    .run();
}
