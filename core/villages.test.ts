// 新增行政村 and editing a village's facts and yearly figures: saved with an audit entry each;
// a 区划代码 another village has is refused in Chinese with nothing changed; the village's
// 建档户数 counts registered households only (not every household of the village).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../db/open.ts';
import { generateDemo } from './demo/index.ts';
import { archiveChecksum, createTestArchive, tempDir, TEST_OPERATOR } from './testing.ts';
import { listVillages, saveVillage, saveVillageYear } from './villages.ts';
import { REGISTERED_STATUSES } from '../shared/status.ts';
import { sqlAll } from '../db/testing.ts';

const DAY = '2026-11-24';
const actor = { operator: TEST_OPERATOR, now: () => new Date(`${DAY}T08:00:00Z`) };
let archive: Archive;

beforeAll(async () => {
  archive = await createTestArchive({ file: join(tempDir('villages-'), 'a.db'), name: '青山镇', code: '511922101000' });
  generateDemo(archive, { villages: 2, households: 40, seed: 'villages', asOf: DAY, actor });
});
afterAll(() => archive.close());

const audit = (table: string) => sqlAll<{ action: string; note: string }>(archive, 'SELECT action, note FROM audit_log WHERE table_name = ? ORDER BY id', table);

describe('villages', () => {
  it('counts 建档户 apart from all households', () => {
    const [v] = listVillages(archive.db);
    const registered = sqlAll<{ n: number }>(archive, `SELECT count(*) AS n FROM households WHERE village_id = ? AND status IN (${REGISTERED_STATUSES.map(() => '?').join(',')})`, v!.id, ...REGISTERED_STATUSES)[0]!.n;
    expect(v!.registeredHouseholds).toBe(registered);
    expect(v!.registeredHouseholds).toBeLessThan(v!.households);
  });

  it('adds a village at the end of the list and edits its facts, each audited', () => {
    const form = { input: { id: null, code: '511922101099', name: '新建村', isPoorVillage: true, exitYear: 2020, firstSecretary: '王书记', firstSecretaryPhone: '13800000001', workTeam: '县农业农村局工作队' } };
    const added = saveVillage(archive.db, actor, form.input);
    expect(added).toMatchObject({ code: '511922101099', name: '新建村', isPoorVillage: true, exitYear: 2020, households: 0, registeredHouseholds: 0 });
    expect(listVillages(archive.db).at(-1)!.id).toBe(added.id);
    const edited = saveVillage(archive.db, actor, { ...form.input, id: added.id, name: '新建村（更名）', firstSecretary: null });
    expect(edited).toMatchObject({ name: '新建村（更名）', firstSecretary: null, version: 2 });
    expect(audit('villages').slice(-2)).toEqual([
      { action: 'insert', note: '新增行政村新建村' },
      { action: 'update', note: '修改行政村新建村（更名）' },
    ]);
  });

  it('refuses a code another village has, in Chinese, changing nothing', () => {
    const [first, second] = listVillages(archive.db);
    const before = archiveChecksum(archive.sqlite);
    expect(() => saveVillage(archive.db, actor, { id: second!.id, code: first!.code, name: second!.name, isPoorVillage: false, exitYear: null, firstSecretary: null, firstSecretaryPhone: null, workTeam: null })).toThrow(`区划代码 ${first!.code} 已是“${first!.name}”的代码`);
    expect(archiveChecksum(archive.sqlite)).toBe(before);
  });

  it('records a year’s figures and checklist, then replaces them', () => {
    const v = listVillages(archive.db)[0]!;
    const form = { input: { villageId: v.id, year: 2026, ruralHouseholds: null, ruralPopulation: 1234, perCapitaIncomeFen: 1_234_550, collectiveIncomeFen: 5_600_000, checklist: { 主导产业: true, 卫生室: false } } };
    const saved = saveVillageYear(archive.db, actor, form.input);
    const y = saved.years.find((x) => x.year === 2026)!;
    expect(y).toMatchObject({ ruralPopulation: 1234, collectiveIncomeFen: 5_600_000, perCapitaIncomeFen: 1_234_550 });
    expect(y.checklist).toMatchObject({ 主导产业: true, 卫生室: false });
    const again = saveVillageYear(archive.db, actor, { ...form.input, collectiveIncomeFen: 6_000_000 });
    expect(again.years.filter((x) => x.year === 2026)).toHaveLength(1);
    expect(again.years.find((x) => x.year === 2026)!.collectiveIncomeFen).toBe(6_000_000);
    expect(audit('village_years').map((a) => a.note).slice(-2)).toEqual([`${v.name}2026年村情数据`, `${v.name}2026年村情数据`]);
  });
});
