import { describe, expect, it } from 'vitest';
import type { RegisteredKeyView } from '../../shared/api/index.ts';
import {
  canRevoke,
  checkedLine,
  emptyTrustForm,
  fingerprintDigits,
  fingerprintGroups,
  keyStatusTag,
  revokeDefaults,
  revokedNote,
  revokeProblems,
  spokenMismatch,
  trustInput,
  trustProblems,
} from './exchange-keys.ts';

const FP = '12345 67890 11111 22222 33333 44444';

const registered = (over: Partial<RegisteredKeyView> = {}): RegisteredKeyView => ({
  fingerprint: FP,
  role: 'township',
  name: '青山镇',
  createdAt: '2026-11-20T02:00:00Z',
  org: null,
  townshipId: null,
  checkedBy: '王科长',
  checkedAt: '2026-11-24T06:05:00Z',
  method: '电话核对',
  status: 'active',
  revokedAt: null,
  revokedBy: null,
  revokedReason: null,
  validThroughSeq: null,
  lastAcceptedSeq: 3,
  ...over,
});

describe('fingerprints for the phone check', () => {
  it('splits into six groups of five, whatever the spacing or digit width', () => {
    expect(fingerprintGroups(FP)).toEqual(['12345', '67890', '11111', '22222', '33333', '44444']);
    expect(fingerprintGroups('123456789011111222223333344444')).toHaveLength(6);
    expect(fingerprintDigits('１２３-45 6')).toBe('123456');
  });

  it('compares the digits read out group by group', () => {
    expect(spokenMismatch('', FP)).toBeNull();
    expect(spokenMismatch('12345 678', FP)).toBe('还差 22 位数字');
    expect(spokenMismatch('12345 67890 11111 22222 33333 44444', FP)).toBeNull();
    expect(spokenMismatch('12345 67890 11112', FP)).toMatch(/^第3组不一致：对方读的是 11112，文件是 11111/);
    expect(spokenMismatch('123456789011111222223333344444 9', FP)).toMatch(/第7组不一致/);
  });
});

describe('registering the other side', () => {
  const key = { fingerprint: FP, role: 'county' as const, registered: false, status: null };

  it('needs the tick, who checked and how', () => {
    const f = emptyTrustForm('李会计');
    expect(f.checkedBy).toBe('李会计');
    expect(trustProblems(f, key, 'township')).toEqual(['请先与对方电话逐组核对指纹，一致后勾选确认。']);
    expect(trustProblems({ ...f, confirmed: true }, key, 'township')).toEqual([]);
    expect(trustProblems({ ...f, confirmed: true, checkedBy: ' ', method: '' }, key, 'township')).toEqual(['请填写核对人。', '请填写核对方式。']);
  });

  it('refuses a key of the own side, a revoked one, one already registered, and digits that differ', () => {
    const ok = { ...emptyTrustForm('李'), confirmed: true };
    expect(trustProblems(ok, { ...key, role: 'township' }, 'township')[0]).toMatch(/只需登记对方（县级）的公钥/);
    expect(trustProblems(ok, { ...key, registered: true, status: 'revoked' }, 'township')).toEqual(['这个公钥已吊销，不能再登记：请对方生成新密钥。']);
    expect(trustProblems(ok, { ...key, registered: true, status: 'active' }, 'township')).toEqual(['这个公钥已经登记过了。']);
    expect(trustProblems({ ...ok, spoken: '99999' }, key, 'township')[0]).toMatch(/第1组不一致/);
  });

  it('sends the typed digits only when there are any', () => {
    const f = { confirmed: true, checkedBy: ' 李会计 ', method: '电话核对', spoken: '' };
    expect(trustInput(f, ' /u/a.json ', ' ')).toEqual({ file: '/u/a.json', checkedBy: '李会计', method: '电话核对', fingerprint: null, org: null });
    expect(trustInput({ ...f, spoken: '12345 67890' }, 'a', '示例县').fingerprint).toBe('1234567890');
  });
});

describe('registered keys', () => {
  it('shows who checked, and the status', () => {
    expect(checkedLine(registered())).toMatch(/^王科长 · 2026-11-24 \d\d:05 · 电话核对$/);
    expect(keyStatusTag(registered())).toEqual({ text: '有效', color: 'green' });
    const revoked = registered({ status: 'revoked', revokedAt: '2026-11-25T03:00:00Z', revokedBy: '赵', revokedReason: 'U盘遗失', validThroughSeq: 3 });
    expect(keyStatusTag(revoked).text).toBe('已吊销（2026-11-25）');
    expect(revokedNote(revoked)).toBe('赵吊销：U盘遗失；第 3 号及以前的数据包仍有效');
    expect(revokedNote({ ...revoked, validThroughSeq: 0 })).toMatch(/一律不再接受/);
    expect(revokedNote(registered())).toBeNull();
  });

  it('lets only the county revoke, an active key, with a reason', () => {
    expect(canRevoke('county', registered())).toBe(true);
    expect(canRevoke('township', registered())).toBe(false);
    expect(canRevoke('county', registered({ status: 'revoked' }))).toBe(false);
    expect(revokeDefaults(registered())).toEqual({ reason: '', validThroughSeq: 3 });
    expect(revokeDefaults(registered({ lastAcceptedSeq: null })).validThroughSeq).toBe(0);
    expect(revokeProblems({ reason: '', validThroughSeq: 3 })).toEqual(['请填写吊销原因（如：U盘遗失、电脑更换）。']);
    expect(revokeProblems({ reason: '遗失', validThroughSeq: -1 })).toHaveLength(1);
    expect(revokeProblems({ reason: '遗失', validThroughSeq: null })).toEqual([]);
  });
});
