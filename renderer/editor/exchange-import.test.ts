import { describe, expect, it } from 'vitest';
import type { PackageInfoView, UnpackResultView } from '../../shared/api/index.ts';
import { auditAlert, changedTables, changeHeadline, failureOutcome, inspectView, outcomeOf, passphraseProblem, previewProblems, tableLine, unpackExtras } from './exchange-import.ts';

const info = (over: Partial<PackageInfoView> = {}): PackageInfoView => ({
  file: '/u/a.fpkg',
  bytes: 9000,
  packageId: 'p1',
  kind: 'township-export',
  kindLabel: '乡镇报送数据包',
  seq: 2,
  createdAt: '2026-11-24T02:00:00Z',
  encryption: 'x25519',
  sender: { fingerprint: '1'.repeat(30), role: 'township', name: '青山镇', createdAt: '2026-11-20T00:00:00Z' },
  registered: true,
  authenticated: true,
  forUs: true,
  answersTo: null,
  alreadyImported: 'no',
  refusal: null,
  ...over,
});

const result = (over: Partial<UnpackResultView> = {}): UnpackResultView => ({
  packageId: 'p1',
  kind: 'township-export',
  seq: 2,
  sender: info().sender,
  authenticated: true,
  applied: true,
  alreadyImported: false,
  township: { id: 't', name: '青山镇', code: null },
  tables: [
    { name: 'households', label: '农户', added: 3, changed: 1, removed: 0, unchanged: 10 },
    { name: 'quotas', label: '规模控制', added: 0, changed: 0, removed: 0, unchanged: 2 },
  ],
  attachments: { added: 2, bytes: 100 },
  households: { added: 3, changed: 1, removed: 0 },
  review: [],
  backupFile: null,
  notes: [],
  audit: null,
  ...over,
});

describe('a package’s outside', () => {
  it('may go ahead when signed by a registered key', () => {
    const v = inspectView(info());
    expect(v.verdict).toBe('ok');
    expect(v.trust.text).toMatch(/^已认证/);
    expect(previewProblems(info(), { passphrase: '', accepted: false })).toEqual([]);
  });

  it('shows a refusal, the alarm of a conflicting id, and a re-import', () => {
    expect(inspectView(info({ refusal: '数据包编号不比上次新' })).verdict).toBe('refused');
    expect(previewProblems(info({ refusal: '数据包编号不比上次新' }), { passphrase: '', accepted: false })).toEqual(['数据包编号不比上次新']);
    expect(inspectView(info({ alreadyImported: 'conflict', refusal: '警告…' })).title).toMatch(/内容却不同/);
    expect(inspectView(info({ alreadyImported: 'same' }))).toMatchObject({ verdict: 'already', title: '这个数据包已导入过：再次导入不会有任何改动' });
  });

  it('asks for the passphrase and, unauthenticated, the supervisor’s confirmation', () => {
    const p = info({ encryption: 'passphrase', authenticated: false, registered: false });
    expect(inspectView(p)).toMatchObject({ verdict: 'unauthenticated', needsPassphrase: true, needsConfirmation: true });
    expect(inspectView(p).trust.text).toMatch(/^未认证/);
    expect(previewProblems(p, { passphrase: '', accepted: false })).toEqual(['请输入对方电话告知的口令（8组4位数字）。', '请负责人确认来源：电话核对发送方指纹一致后勾选。']);
    const typed = '１２３４ 5678-9012 3456 7890 1234 5678 9012';
    expect(previewProblems(p, { passphrase: typed, accepted: true })).toEqual([]);
    expect(unpackExtras(p, { passphrase: typed, accepted: true })).toEqual({ passphrase: '12345678901234567890123456789012', acceptUnauthenticated: true });
    expect(unpackExtras(info(), { passphrase: 'x', accepted: true })).toEqual({ passphrase: null, acceptUnauthenticated: false });
    expect(passphraseProblem('1234 5678')).toBe('口令应为32位数字（8组×4位），现在是8位。');
  });
});

describe('preview and result', () => {
  it('lists the tables that change', () => {
    expect(changedTables(result().tables).map((t) => t.name)).toEqual(['households']);
    expect(tableLine(result().tables[0]!)).toBe('新增 3，变更 1，不变 10');
    expect(tableLine({ name: 'x', label: 'x', added: 0, changed: 0, removed: 0, unchanged: 0 })).toBe('无变化');
    expect(changeHeadline(result())).toBe('青山镇：新增 3 户，变更 1 户，移除 0 户；新附件 2 份');
  });

  it('sums a review result’s batches', () => {
    const r = result({
      kind: 'review-result',
      township: null,
      review: [
        { batchId: 'b1', batchTitle: '甲', stepLabel: '县级复审', effect: 'returned', passed: 2, returned: 1, note: null },
        { batchId: 'b2', batchTitle: '乙', stepLabel: '县级审定', effect: 'skipped', passed: 0, returned: 0, note: '上一环节没完成' },
      ],
    });
    expect(changeHeadline(r)).toBe('县级审核意见：2 个批次，通过 2 户，退回 1 户，1 个批次未能应用（见说明）');
  });

  it('names the outcome: applied, already imported, refused, cancelled', () => {
    expect(outcomeOf(result())).toMatchObject({ kind: 'applied', title: '导入完成（第 2 号数据包）' });
    expect(outcomeOf(result({ applied: false, alreadyImported: true, notes: ['这个数据包已于 … 导入过'] }))).toEqual({
      kind: 'already',
      title: '已导入过：这个数据包以前导入过，这次没有任何改动',
      detail: '这个数据包已于 … 导入过',
    });
    expect(failureOutcome('数据包签名无效')).toEqual({ kind: 'refused', title: '已拒绝导入，档案没有任何改动', detail: '数据包签名无效' });
    expect(failureOutcome('已取消，没有写入任何内容。').kind).toBe('cancelled');
  });
});

describe('the township’s audit chain at the county', () => {
  const a = { length: 12, head: 'a'.repeat(64) };
  it('history cut or rewritten stands out as an error; other doubts as warnings; a continuous chain as success', () => {
    expect(auditAlert({ ...a, status: 'rewritten', warning: true, message: '审计记录被删改：…' })).toEqual({ type: 'error', title: '审计记录被删改：…' });
    expect(auditAlert({ ...a, status: 'cut', warning: true, message: 'x' }).type).toBe('error');
    expect(auditAlert({ ...a, status: 'unverifiable', warning: true, message: 'x' }).type).toBe('warning');
    expect(auditAlert({ ...a, status: 'continuous', warning: false, message: '审计记录连续：…' }).type).toBe('success');
    expect(auditAlert({ ...a, status: 'first', warning: false, message: 'x' }).type).toBe('info');
  });
});
