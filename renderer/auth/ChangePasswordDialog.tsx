// 修改密码: the logged-in operator's own password (the old one, the new one twice).
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { changePasswordInput } from '../editor/account-forms.ts';
import type { ChangeValues } from '../editor/account-forms.ts';
import { useStore } from '../store/index.ts';
import NewPasswordFields from './NewPasswordFields.tsx';
import { markInvalid, placeFailure } from './form-errors.ts';

const FIELDS: Record<string, string> = { oldPassword: 'oldPassword', newPassword: 'newPassword', password: 'newPassword' };

export default function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const changePassword = useStore((s) => s.changePassword);
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (): Promise<void> => {
    const v = form.getFieldsValue();
    setError(null);
    const r = changePasswordInput({ oldPassword: v.oldPassword ?? '', newPassword: v.newPassword ?? '', newPassword2: v.newPassword2 ?? '' });
    if (!r.ok) {
      markInvalid(form, r);
      return;
    }
    setBusy(true);
    try {
      await changePassword(r.input);
      void message.success('密码已修改，下次登录请用新密码');
      onClose();
    } catch (e) {
      setError(placeFailure(form, e, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title="修改密码" okText="修改" cancelText="取消" confirmLoading={busy} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Form<ChangeValues> form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item name="oldPassword" label="原密码">
          <Input.Password aria-label="原密码" autoComplete="current-password" maxLength={200} autoFocus data-testid="old-password" />
        </Form.Item>
        <NewPasswordFields name="newPassword" name2="newPassword2" label="新密码" testId="change-password" />
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
