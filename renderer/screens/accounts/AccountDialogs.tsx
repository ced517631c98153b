// 账户管理's two forms: a new account (name, role, first password twice) and a new password set by
// the chief (a forgotten password, or a stopped account brought back into use).
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { OperatorView } from '../../../shared/api/index.ts';
import type { Role } from '../../../shared/roles.ts';
import { api } from '../../api.ts';
import NewPasswordFields from '../../auth/NewPasswordFields.tsx';
import { markInvalid, placeFailure } from '../../auth/form-errors.ts';
import { addAccountInput, resetInput, rolesFor } from '../../editor/account-forms.ts';
import type { AccountValues } from '../../editor/account-forms.ts';

const FIELDS: Record<string, string> = { name: 'name', role: 'role', password: 'password' };

export function AddAccountDialog(props: { side: 'township' | 'county'; onDone: (list: OperatorView[]) => void; onClose: () => void }) {
  const [form] = Form.useForm<AccountValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (): Promise<void> => {
    const v = form.getFieldsValue();
    setError(null);
    const r = addAccountInput({ name: v.name ?? '', role: v.role ?? null, password: v.password ?? '', password2: v.password2 ?? '' });
    if (!r.ok) {
      markInvalid(form, r);
      return;
    }
    setBusy(true);
    try {
      props.onDone(await api.accounts.add(r.input));
    } catch (e) {
      setError(placeFailure(form, e, FIELDS));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="新增账户" okText="新增" cancelText="取消" confirmLoading={busy} onOk={() => void submit()} onCancel={props.onClose} destroyOnHidden>
      <Form<AccountValues> form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item name="name" label="姓名">
          <Input aria-label="姓名" maxLength={20} autoFocus data-testid="account-name" />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Select<Role> aria-label="角色" options={rolesFor(props.side)} placeholder="请选择" data-testid="account-role" />
        </Form.Item>
        <NewPasswordFields label="初始密码" testId="account-password" />
        {error && <Alert type="error" showIcon title={error} data-testid="account-error" />}
      </Form>
    </Modal>
  );
}

export function ResetPasswordDialog(props: { account: OperatorView; onDone: (list: OperatorView[]) => void; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string; password2: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (): Promise<void> => {
    const v = form.getFieldsValue();
    setError(null);
    const r = resetInput(props.account.name, { password: v.password ?? '', password2: v.password2 ?? '' });
    if (!r.ok) {
      markInvalid(form, r);
      return;
    }
    setBusy(true);
    try {
      props.onDone(await api.accounts.resetPassword(r.input));
    } catch (e) {
      setError(placeFailure(form, e, { password: 'password' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`重设密码：${props.account.name}`} okText="重设" cancelText="取消" confirmLoading={busy} onOk={() => void submit()} onCancel={props.onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        {props.account.disabled && <Alert type="info" showIcon title="这个账户已停用：重设密码后即恢复使用。" style={{ marginBottom: 12 }} />}
        <NewPasswordFields label="新密码" testId="reset-password" />
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
