import { describe, expect, it } from 'vitest';
import { accountRows, addAccountInput, changePasswordInput, createInput, loginInput, recoverInput, recoveryGroups, repeatProblem, resetInput, rolesFor, upgradeAdmin } from './account-forms.ts';

const newArchive = { role: 'township' as const, name: ' 青山镇 ', code: '', adminName: ' 张站长 ', password: 'abcd1234', password2: 'abcd1234' };

describe('the account forms', () => {
  it('turns a new archive with its chief into the contract input', () => {
    expect(createInput(newArchive)).toEqual({
      ok: true,
      input: { name: '青山镇', code: null, county: null, province: null, role: 'township', file: null, admin: { name: '张站长', password: 'abcd1234' } },
    });
  });

  it('names the field to fix', () => {
    expect(createInput({ ...newArchive, name: ' ' })).toMatchObject({ ok: false, field: 'name', message: '请填写乡镇名称' });
    expect(createInput({ ...newArchive, role: 'county', adminName: '' })).toMatchObject({ ok: false, field: 'adminName', message: '请填写县级审核员的姓名' });
    expect(createInput({ ...newArchive, password2: 'abcd12345' })).toMatchObject({ ok: false, field: 'password2', message: '两次输入的密码不一样，请重新输入' });
    expect(loginInput({ name: '张站长', password: '' })).toMatchObject({ ok: false, field: 'password' });
    expect(recoverInput({ recoveryCode: ' ', name: 'a', password: 'x', password2: 'x' })).toMatchObject({ ok: false, field: 'recoveryCode' });
    expect(upgradeAdmin({ name: '张', password: 'x', password2: '' })).toMatchObject({ ok: false, field: 'password2', message: '请再输入一次密码' });
    expect(addAccountInput({ name: '王', role: null, password: 'x', password2: 'x' })).toMatchObject({ ok: false, field: 'role' });
    expect(resetInput('王', { password: 'a', password2: 'b' })).toMatchObject({ ok: false, field: 'password2' });
    expect(changePasswordInput({ oldPassword: 'same1234', newPassword: 'same1234', newPassword2: 'same1234' })).toMatchObject({ ok: false, field: 'newPassword' });
    expect(repeatProblem('a', 'a')).toBeNull();
  });

  it('passes what was typed on', () => {
    expect(loginInput({ name: ' 王 ', password: ' p ' })).toEqual({ ok: true, input: { name: '王', password: ' p ' } });
    expect(recoverInput({ recoveryCode: ' ABCDE-FGHIJ ', name: '张', password: 'x', password2: 'x' })).toEqual({ ok: true, input: { recoveryCode: 'ABCDE-FGHIJ', name: '张', password: 'x' } });
    expect(addAccountInput({ name: '王', role: 'viewer', password: 'x', password2: 'x' })).toEqual({ ok: true, input: { name: '王', role: 'viewer', password: 'x' } });
  });

  it('offers the roles of the archive’s side', () => {
    expect(rolesFor('township').map((r) => r.label)).toEqual(['管理员', '录入员', '审核员', '只读']);
    expect(rolesFor('county').map((r) => r.label)).toEqual(['县级审核员', '县级只读']);
  });

  it('shows the recovery code in groups', () => {
    expect(recoveryGroups('ABCDE-FGHIJ-KLMNO')).toEqual(['ABCDE', 'FGHIJ', 'KLMNO']);
    expect(recoveryGroups('ABCDEFGHIJKL')).toEqual(['ABCDE', 'FGHIJ', 'KL']);
  });

  it('marks the accounts’ rows', () => {
    const base = { roleLabel: '', createdAt: '', lastLoginAt: null, passwordChangedAt: '' };
    const rows = accountRows(
      [
        { ...base, name: '张', role: 'admin', disabled: false },
        { ...base, name: '王', role: 'viewer', disabled: true },
      ],
      '张',
    );
    expect(rows.map((r) => [r.statusLabel, r.toggle, r.self])).toEqual([
      ['在用', '停用', true],
      ['已停用', '启用', false],
    ]);
  });
});
