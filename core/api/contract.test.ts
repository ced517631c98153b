// Every endpoint of the contract, through the core's dispatcher (the path both shells use):
// bad input is refused with a Chinese message before any handler runs; a sample of good input
// gets an answer (or a Chinese refusal), never an internal error.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../db/testing.ts';
import { CHANNELS, ENDPOINTS } from '../../shared/api/index.ts';
import { fixedDayClock } from '../../shared/clock.ts';
import { generateDemo } from '../demo/index.ts';
import { createSession } from '../session.ts';
import type { Session } from '../session.ts';
import { createCoreDispatch } from './index.ts';
import type { Dispatch } from './dispatch.ts';
import { TEST_PASSWORD } from '../testing.ts';

let session: Session;
let dispatch: Dispatch;
let householdId: string;
let villageId: string;
let batchId = 'no-such-batch';
// The 8-byte PNG signature plus a little: enough for the type check.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');

const samples: Record<string, () => unknown> = {
  'archive.session': () => ({}),
  'archive.choices': () => ({}),
  'archive.settings': () => ({}),
  'archive.saveSettings': () => ({ code: '511922101000', county: '示例县', province: '四川省' }),
  'lists.export': () => ({ kind: 'households', filter: { search: 'z' } }),
  'archive.create': () => ({ name: '白马镇', code: '511922102000', file: join(session.dataDir, 'other.db'), admin: { name: '站长', password: TEST_PASSWORD } }),
  'archive.open': () => ({ file: join(session.dataDir, 'main.db') }),
  'archive.login': () => ({ name: '测试', password: TEST_PASSWORD }),
  'archive.recover': () => ({ recoveryCode: 'AAAAA-BBBBB', name: '测试', password: `${TEST_PASSWORD}新` }),
  'archive.upgrade': () => ({ admin: { name: '测试', password: TEST_PASSWORD }, jobId: null }),
  'archive.deletePlainBackup': () => ({ file: join(session.dataDir, '备份', 'none.db') }),
  'archive.changePassword': () => ({ oldPassword: TEST_PASSWORD, newPassword: `${TEST_PASSWORD}新` }),
  'archive.lock': () => ({}),
  'archive.close': () => ({}),
  'accounts.list': () => ({}),
  'accounts.add': () => ({ name: '王查看', role: 'viewer', password: TEST_PASSWORD }),
  'accounts.resetPassword': () => ({ name: '王查看', password: `${TEST_PASSWORD}新` }),
  'accounts.setDisabled': () => ({ name: '王查看', disabled: true }),
  'accounts.setIdleMinutes': () => ({ minutes: 20 }),
  'households.list': () => ({ search: 'z', limit: 3 }),
  'households.get': () => ({ id: householdId }),
  'households.save': () => ({ id: householdId, expectedVersion: 1, villageId, no: 'X1', members: [{ name: '甲', relation: '户主' }] }),
  'households.groups': () => ({ villageId }),
  'villages.list': () => ({}),
  'villages.get': () => ({ id: villageId }),
  'villages.save': () => ({ id: villageId, code: '511922101099', name: '改名村' }),
  'villages.saveYear': () => ({ villageId, year: 2026, collectiveIncomeFen: 6_000_000, checklist: { 主导产业: true } }),
  'overview.get': () => ({ year: null }),
  'overview.problems': () => ({ jobId: 'chk-contract' }),
  'audit.ofHousehold': () => ({ id: householdId }),
  'audit.last': () => ({}),
  'audit.undoLast': () => ({}),
  'audit.verify': () => ({}),
  'quality.check': () => ({ villageId }),
  'quality.ack': () => ({ householdId, code: 'Q311', reason: '经入户核实无误' }),
  'quality.unack': () => ({ id: 'no-such-ack' }),
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
  'documents.contacts': () => ({}),
  'documents.saveContacts': () => ({ supervisionPhones: ['0838-6212317'], officeAddress: '青山镇人民政府', villages: [] }),
  'documents.kinds': () => ({}),
  'documents.preview': () => ({ kind: 'enrollment' }),
  'documents.render': () => ({ kind: 'wallchart', format: 'xlsx' }),
  'documents.wallchart': () => ({ year: null }),
  'imports.check': () => ({ fileName: '花名册.xlsx', dataBase64: Buffer.from('not a workbook').toString('base64') }),
  'imports.apply': () => ({ fileName: '花名册.xlsx', dataBase64: Buffer.from('not a workbook').toString('base64') }),
  'workflows.kinds': () => ({}),
  'workflows.saveSettings': () => ({ kind: 'monitoring', publicityDays: 5 }),
  'workflows.list': () => ({ year: null }),
  'workflows.get': () => ({ id: batchId }),
  'workflows.create': () => ({ kind: 'edge', year: 2026, villageIds: [villageId], createdOn: '2026-01-05' }),
  'workflows.setStart': () => ({ batchId, createdOn: '2026-01-05', reason: '纸质流程已于当日开始' }),
  'workflows.candidates': () => ({ batchId, filter: { preset: 'below-monitoring' } }),
  'workflows.addHouseholds': () => ({ batchId, on: '2026-01-05', householdIds: [householdId] }),
  'workflows.removeHousehold': () => ({ batchId, householdId, on: '2026-01-05', reason: '农户撤回申请' }),
  'workflows.recordOutcome': () => ({ batchId, seq: 1, householdIds: [householdId], outcome: 'pass', decidedOn: '2026-01-05' }),
  'workflows.openStep': () => ({ batchId, seq: 2, startedOn: '2026-01-05' }),
  'workflows.closeStep': () => ({ batchId, seq: 1, closedOn: '2026-01-05' }),
  'workflows.saveMeeting': () => ({ batchId, seq: 2, heldOn: '2026-01-05', attendeesCount: 20, entitledCount: 30 }),
  'workflows.raiseObjection': () => ({ batchId, seq: 4, raisedOn: '2026-01-05', content: '反映该户有稳定收入' }),
  'workflows.settleObjection': () => ({ id: 'no-such-objection', handling: '入户核实', result: '异议不成立', settledOn: '2026-01-05' }),
  'workflows.reopen': () => ({ batchId, decision: '镇党委会议纪要', reason: '更正', decidedOn: '2026-01-05' }),
  'workflows.cancel': () => ({ batchId, decision: '镇党委会议纪要', reason: '重复建批', decidedOn: '2026-01-05' }),
  'workflows.quotas': () => ({ year: 2026 }),
  'workflows.saveQuota': () => ({ villageId, year: 2026, kind: 'edge', households: 5 }),
  'workflows.exitCheck': () => ({ year: 2025, batchId }),
  'monitoring.board': () => ({}),
  'monitoring.get': () => ({ householdId }),
  'monitoring.recordCheck': () => ({ householdId, checkedOn: '2026-01-05', predictedPerCapitaFen: 600_000 }),
  'monitoring.saveRemedy': () => ({ householdId, shortfall: '收入', action: '安排公益性岗位' }),
  'monitoring.setRisks': () => ({ householdId, risks: ['因病'] }),
  'monitoring.removeRisk': () => ({ householdId, method: '帮扶消除', removedOn: '2026-01-05', decision: '青山镇〔2026〕1号' }),
  'screening.departments': () => ({}),
  'screening.check': () => ({ fileName: '医保名单.xlsx', dataBase64: PNG }),
  'screening.apply': () => ({ fileName: '医保名单.xlsx', dataBase64: PNG, department: 'medical' }),
  'screening.list': () => ({ overdue: true }),
  'screening.county': () => ({}),
  'screening.exportXlsx': () => ({ department: 'medical' }),
  'screening.verify': () => ({ id: 'no-such-alert', outcome: 'no_risk', result: '入户核实无风险' }),
  'screening.dismiss': () => ({ id: 'no-such-alert', reason: '名单有误' }),
  'screening.startMonitoring': () => ({ id: 'no-such-alert', year: 2026, createdOn: '2026-11-24' }),
  'exchange.keyStatus': () => ({}),
  'exchange.newKey': () => ({ name: '青山镇扶贫工作站' }),
  'exchange.savePublicKey': () => ({ out: join(session.dataDir, 'public-copy.json') }),
  'exchange.exportKeyPair': () => ({ out: join(session.dataDir, 'key-export.age'), passphrase: '青山镇密钥导出口令二〇二六' }),
  'exchange.importKeyPair': () => ({ file: join(session.dataDir, 'key-export.age'), passphrase: '青山镇密钥导出口令二〇二六' }),
  'exchange.inspectKey': () => ({ file: join(session.dataDir, 'no-such-public.json') }),
  'exchange.trustKey': () => ({ file: join(session.dataDir, 'no-such-public.json'), checkedBy: '李会计' }),
  'exchange.revokeKey': () => ({ fingerprint: '12345 67890 12345 67890 12345 67890', reason: '密钥遗失' }),
  'exchange.packages': () => ({}),
  'exchange.packCheck': () => ({ scope: { type: 'all' } }),
  'exchange.pack': () => ({ out: join(session.dataDir, 'export.fpkg') }),
  'exchange.inspect': () => ({ file: join(session.dataDir, 'no-such.fpkg') }),
  'exchange.unpack': () => ({ file: join(session.dataDir, 'no-such.fpkg'), dryRun: true }),
  'exchange.townships': () => ({}),
  'exchange.townshipHouseholds': () => ({ townshipId: 'no-such-township' }),
  'exchange.townshipBatches': () => ({ townshipId: 'no-such-township' }),
  'exchange.opinions': () => ({ townshipId: 'no-such-township' }),
  'exchange.recordOpinion': () => ({ batchId, householdIds: [householdId], opinion: 'return', reason: '收入核算有误', reviewer: '县复审组', reviewedOn: '2026-01-05' }),
  'exchange.deleteOpinion': () => ({ id: 'no-such-opinion' }),
  'exchange.packReview': () => ({ townshipId: 'no-such-township', out: join(session.dataDir, 'review.fpkg') }),
  'exchange.reviewResults': () => ({}),
  'exchange.countyQuality': () => ({}),
  'exchange.townshipProblems': () => ({ townshipId: 'no-such-township' }),
  'files.choose': () => ({ mode: 'save', kind: 'package', title: '保存数据包', defaultPath: '' }),
  'print.printers': () => ({}),
  'print.document': () => ({ kind: 'card', scope: { householdNo: '0001' } }),
  'print.households': () => ({ kind: 'card', scope: { villageCode: null }, deviceName: '办公室打印机' }),
};

beforeAll(async () => {
  session = createSession({ dataDir: tempDir(), clock: fixedDayClock('2026-11-24') });
  dispatch = createCoreDispatch(session, (e) => {
    throw e;
  });
  const created = await dispatch('archive.create', { name: '青山镇', code: '511922101000', province: '四川省', file: join(session.dataDir, 'main.db'), admin: { name: '测试', password: TEST_PASSWORD } });
  expect(created.ok).toBe(true);
  generateDemo(session.requireArchive(), { villages: 2, households: 20, seed: 'contract', asOf: '2026-11-24', actor: session.actor() });
  const list = await dispatch('households.list', { limit: 1 });
  if (!list.ok) throw new Error(list.error.message);
  const first = (list.value as { items: { id: string; villageId: string }[] }).items[0]!;
  householdId = first.id;
  villageId = first.villageId;
  const batches = await dispatch('workflows.list', { status: 'open' });
  if (batches.ok) batchId = (batches.value as { id: string }[])[0]?.id ?? batchId;
});
afterAll(() => session.close());

describe('the API contract through the dispatcher', () => {
  it('has a sample for every channel (so a new endpoint cannot go untested)', () => {
    expect(Object.keys(samples).sort()).toEqual([...CHANNELS].sort());
  });

  it('declares every long endpoint offThread, so the shells run it on a worker thread (core/worker/runner.ts)', () => {
    const LONG = ['exchange.countyQuality', 'exchange.townshipProblems', 'exchange.packCheck', 'imports.check', 'imports.apply', 'quality.check', 'documents.preview', 'documents.render', 'exchange.pack', 'exchange.unpack', 'exchange.packReview', 'lists.export'];
    const routed = [...ENDPOINTS.values()].filter((e) => e.worker).map((e) => e.channel);
    expect(routed.sort()).toEqual(LONG.sort());
    // Whatever reports progress under a job id is long work. The exceptions: the upgrade of a plain
    // archive makes the session's archive anew (encrypts, then logs in), which a worker cannot; the
    // overview's problems come from the check the session keeps per household (core/derived.ts),
    // computed in slices that give the shell's thread back between them; printing drives the
    // shell's own printer (Electron main), which a worker has no hold of.
    const withJob = [...ENDPOINTS.values()].filter((e) => 'jobId' in ((e.input as { shape?: object }).shape ?? {})).map((e) => e.channel);
    expect(withJob.filter((c) => !routed.includes(c)).sort()).toEqual(['archive.upgrade', 'overview.problems', 'print.document', 'print.households']);
    // Answers kept until the next write: only pure reads (a document written to a file is not one).
    expect([...ENDPOINTS.values()].filter((e) => e.worker?.cache).map((e) => e.channel).sort()).toEqual(['exchange.countyQuality', 'exchange.townshipProblems', 'quality.check']);
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

  it('refuses calls before an archive is open, and a new archive without its station chief', async () => {
    const bare = createSession({ dataDir: tempDir(), clock: fixedDayClock('2026-11-24') });
    const d = createCoreDispatch(bare);
    const r = await d('households.list', {});
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/还没有打开档案/) as unknown } });
    const c = await d('archive.create', { name: '某镇' });
    expect(c).toMatchObject({ ok: false, error: { kind: 'usage', message: expect.stringMatching(/管理员/) as unknown } });
    bare.close();
  });
});
