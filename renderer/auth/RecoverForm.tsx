// 忘记密码: the recovery code from the safe opens the archive and sets a new password for an
// administrator (the archive says plainly what a wrong or lost code means).
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { recoverInput } from '../editor/account-forms.ts';
import type { RecoverValues } from '../editor/account-forms.ts';
import { useStore } from '../store/index.ts';
import NewPasswordFields from './NewPasswordFields.tsx';
import { markInvalid, placeFailure } from './form-errors.ts';

const FIELDS: Record<string, string> = { recoveryCode: 'recoveryCode', name: 'name', password: 'password' };

export default function RecoverForm({ onBack }: { onBack: () => void }) {
  const recover = useStore((s) => s.recover);
  const [form] = Form.useForm<RecoverValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: RecoverValues): Promise<void> => {
    setError(null);
    const r = recoverInput({ recoveryCode: v.recoveryCode ?? '', name: v.name ?? '', password: v.password ?? '', password2: v.password2 ?? '' });
    if (!r.ok) {
      markInvalid(form, r);
      return;
    }
    setBusy(true);
    try {
      await recover(r.input);
    } catch (e) {
      setError(placeFailure(form, e, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<RecoverValues> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        恢复码是新建（或加密）档案时显示的一串字符，应由站长抄写保管在保险柜。用它打开档案后，为下面的管理员设置新密码。
      </Typography.Paragraph>
      <Form.Item name="recoveryCode" label="恢复码">
        <Input aria-label="恢复码" data-testid="recover-code" className="mono" autoComplete="off" maxLength={100} />
      </Form.Item>
      <Form.Item name="name" label="管理员姓名">
        <Input aria-label="管理员姓名" data-testid="recover-name" maxLength={20} />
      </Form.Item>
      <NewPasswordFields label="新密码" testId="recover-password" />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="recover-error" />}
      <Button type="primary" htmlType="submit" block loading={busy} data-testid="recover-submit">
        用恢复码打开
      </Button>
      <div className="auth-links">
        <Button type="link" size="small" onClick={onBack}>
          返回登录
        </Button>
      </div>
    </Form>
  );
}
