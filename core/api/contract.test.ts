// Every endpoint of the contract, through the core's dispatcher (the path both shells use):
// bad input is refused with a Chinese message before any handler runs; a sample of good input
// gets an answer (or a Chinese refusal), never an internal error.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../db/testing.ts';
import { CHANNELS } from '../../shared/api/index.ts';
import { generateDemo } from '../demo/index.ts';
import { createSession } from '../session.ts';
import type { Session } from '../session.ts';
import { createCoreDispatch } from './index.ts';
import type { Dispatch } from './dispatch.ts';

let session: Session;
let dispatch: Dispatch;
let householdId: string;
let villageId: string;
// The 8-byte PNG signature plus a little: enough for the type check.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');

const samples: Record<string, () => unknown> = {
  'archive.session': () => ({}),
  'archive.setOperator': () => ({ name: '李会计' }),
  'archive.create': () => ({ name: '白马镇', code: '511922102000', file: join(session.dataDir, 'other.db') }),
  'archive.open': () => ({ file: join(session.dataDir, 'main.db') }),
  'archive.close': () => ({}),
  'households.list': () => ({ search: 'z', limit: 3 }),
  'households.get': () => ({ id: householdId }),
  'households.save': () => ({ id: householdId, villageId, no: 'X1', members: [{ name: '甲', relation: '户主' }] }),
  'households.groups': () => ({ villageId }),
  'villages.list': () => ({}),
  'villages.get': () => ({ id: villageId }),
  'overview.get': () => ({ year: null }),
  'audit.ofHousehold': () => ({ id: householdId }),
  'audit.last': () => ({}),
  'audit.undoLast': () => ({}),
  'quality.check': () => ({ villageId }),
  'attachments.list': () => ({ ownerTable: 'households', ownerId: householdId }),
  'attachments.add': () => ({ ownerTable: 'households', ownerId: householdId, originalName: '入户照片.png', dataBase64: PNG }),
  'attachments.content': () => ({ id: 'no-such-attachment' }),
  'help.helpers': () => ({}),
  'help.saveHelper': () => ({ name: '王干部', unit: '县农业农村局', phone: '13800000000' }),
  'help.pair': () => ({ householdId, helperId: 'no-such-helper', startOn: '2026-11-24' }),
  'help.endPairing': () => ({ pairingId: 'no-such-pairing', endOn: '2026-11-24' }),
  'help.saveMeasure': () => ({ householdId, year: 2026, category: '产业帮扶', amountFen: 150000 }),
  'help.deleteMeasure': () => ({ id: 'no-such-measure' }),
  'imports.columns': () => ({}),
  'jobs.status': () => ({ id: 'job-123456' }),
  'jobs.cancel': () => ({ id: 'job-123456' }),
  'imports.check': () => ({ fileName: '花名册.xlsx', dataBase64: Buffer.from('not a workbook').toString('base64') }),
  'imports.apply': () => ({ fileName: '花名册.xlsx', dataBase64: Buffer.from('not a workbook').toString('base64') }),
};

beforeAll(async () => {
  session = createSession({ dataDir: tempDir(), operator: '测试' });
  dispatch = createCoreDispatch(session, (e) => {
    throw e;
  });
  const created = await dispatch('archive.create', { name: '青山镇', code: '511922101000', province: '四川省', file: join(session.dataDir, 'main.db') });
  expect(created.ok).toBe(true);
  generateDemo(session.requireArchive(), { villages: 2, households: 20, seed: 'contract', asOf: '2026-11-24', actor: session.actor() });
  const list = await dispatch('households.list', { limit: 1 });
  if (!list.ok) throw new Error(list.error.message);
  const first = (list.value as { items: { id: string; villageId: string }[] }).items[0]!;
  householdId = first.id;
  villageId = first.villageId;
});
afterAll(() => session.close());

describe('the API contract through the dispatcher', () => {
  it('has a sample for every channel (so a new endpoint cannot go untested)', () => {
    expect(Object.keys(samples).sort()).toEqual([...CHANNELS].sort());
  });

  it.each([...CHANNELS])('%s refuses malformed input in Chinese', async (channel) => {
    const r = await dispatch(channel, 'not an object');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('usage');
      expect(r.error.message).toMatch(/^填写的内容有误：/);
      expect(r.error.message).toMatch(/[\u4e00-\u9fa5]{4}/);
    }
  });

  it.each([...CHANNELS])('%s answers a sample input without an internal error', async (channel) => {
    const r = await dispatch(channel, samples[channel]!());
    if (!r.ok) {
      expect(r.error.kind).not.toBe('internal');
      expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('refuses writes when no operator is set, and calls before an archive is open', async () => {
    const bare = createSession({ dataDir: tempDir() });
    const d = createCoreDispatch(bare);
    const r = await d('households.list', {});
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/还没有打开档案/) as unknown } });
    const c = await d('archive.create', { name: '某镇' });
    expect(c).toMatchObject({ ok: false, error: { message: expect.stringMatching(/操作员/) as unknown } });
    bare.close();
  });
});
