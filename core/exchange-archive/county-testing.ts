// Test fixture: a county holding two small generated townships with problems of their own —
// 青山镇 (30 households, two departments' lists screened, one hit dismissed) and 白水乡 (25) —
// and one person registered in both (not 同一人在两户 for either township's own check).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Archive } from '../../db/open.ts';
import { sqlRun, sqlValue, tempDir } from '../../db/testing.ts';
import { writeSampleLists } from '../demo/screening-lists.ts';
import { alertRegister, dismissAlert, importList } from '../screening/index.ts';
import { packTownship } from './export.ts';
import { countyActor, exchangeKeys, makePair, makeTownship, townshipActor } from './testing.ts';
import type { Pair } from './testing.ts';
import { unpackPackage } from './unpack.ts';

export interface CountyOfTwo extends Pair {
  second: Archive;
  /** Packs a township's whole archive and imports it into the county. */
  send(t: Archive, name: string): Promise<void>;
  close(): void;
}

/** Problems the rules find, planted by plain SQL (the package accepts them: logic, no bad ID digits). */
function plant(a: Archive, n: number): void {
  sqlRun(a, `UPDATE members SET labour_ability = '普通劳动力' WHERE id IN (SELECT id FROM members WHERE birth_date < '1960-01-01' AND left_reason IS NULL ORDER BY id LIMIT ?)`, n);
  sqlRun(a, `UPDATE members SET education = '学前教育' WHERE id IN (SELECT id FROM members WHERE birth_date < '2010-01-01' AND left_reason IS NULL ORDER BY id LIMIT ?)`, n + 1);
}

/** `login`: protected archives the command line can log in to (as 王科长 on the county side). */
export async function countyOfTwo(prefix: string, opts: { login?: boolean } = {}): Promise<CountyOfTwo> {
  const p = await makePair(tempDir(prefix), 30, opts);
  const second = await makeTownship(p.dir, { name: '白水乡', code: '511923102000', households: 25, seed: 'county-quality' });
  exchangeKeys(second, p.county);
  plant(p.township, 2);
  plant(second, 4);
  const id = sqlValue(p.township, 'SELECT id_number FROM members WHERE left_reason IS NULL ORDER BY id LIMIT 1') as string;
  sqlRun(second, 'UPDATE members SET id_number = ? WHERE id = (SELECT id FROM members WHERE left_reason IS NULL ORDER BY id LIMIT 1)', id);
  const lists = await writeSampleLists(p.township.db, join(p.dir, 'lists'), ['medical', 'civil']);
  for (const l of lists) await importList(p.township.db, townshipActor, l.file, { department: l.department, listDate: '2026-11-20', medicalThresholdFen: null, today: '2026-11-20', planStamp: null });
  const first = alertRegister(p.township.db, '2026-11-20', { department: null, status: null, villageId: null, overdue: false, householdId: null }).alerts[0]!;
  dismissAlert(p.township.db, townshipActor, '2026-11-21', { id: first.id, reason: '名单有误' });
  const send = async (t: Archive, name: string): Promise<void> => {
    const out = join(p.dir, `${name}.fpkg`);
    await packTownship(t, townshipActor, { type: 'all' }, { out });
    await unpackPackage(p.county, countyActor, out);
  };
  await send(p.township, '青山镇');
  await send(second, '白水乡');
  return {
    ...p,
    second,
    send,
    close() {
      p.township.close();
      second.close();
      p.county.close();
      rmSync(p.dir, { recursive: true, force: true });
    },
  };
}
