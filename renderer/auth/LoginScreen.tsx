// 登录: the archive chosen (or locked) opens only with an operator's name and password. A wrong
// one shows the archive's own words (which never say whether the name exists). 忘记密码 leads to
// the recovery code, which sets a new password for an administrator.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { loginInput } from '../editor/account-forms.ts';
import { useStore } from '../store/index.ts';
import RecoverForm from './RecoverForm.tsx';
import { markInvalid, messageOf } from './form-errors.ts';

const LAST_NAME = 'relief-archive:operator';

function lastName(): string {
  try {
    return localStorage.getItem(LAST_NAME) ?? '';
  } catch {
    return '';
  }
}

function rememberName(name: string): void {
  try {
    localStorage.setItem(LAST_NAME, name);
  } catch {
    // storage disabled: the name is typed again next time
  }
}

interface Values {
  name: string;
  password: string;
}

const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

export default function LoginScreen({ file }: { file: string }) {
  const login = useStore((s) => s.login);
  const closeArchive = useStore((s) => s.closeArchive);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [recovering, setRecovering] = useState(false);
  const [initialName] = useState(lastName);

  const submit = async (v: Values): Promise<void> => {
    setError(null);
    const r = loginInput({ name: v.name ?? '', password: v.password ?? '' });
    if (!r.ok) {
      markInvalid(form, r);
      return;
    }
    setBusy(true);
    try {
      await login(r.input);
      rememberName(r.input.name);
    } catch (e) {
      setError(messageOf(e));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <Card className="auth-card" title={recovering ? '用恢复码打开档案' : '登录'} data-testid="login-screen">
        <Typography.Paragraph type="secondary">
          档案：<Typography.Text strong>{baseName(file)}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {file}
          </Typography.Text>
        </Typography.Paragraph>
        {recovering ? (
          <RecoverForm onBack={() => setRecovering(false)} />
        ) : (
          <Form<Values> form={form} layout="vertical" initialValues={{ name: initialName }} onFinish={(v) => void submit(v)}>
            <Form.Item name="name" label="姓名">
              <Input aria-label="姓名" data-testid="login-name" maxLength={20} autoFocus={!initialName} autoComplete="username" />
            </Form.Item>
            <Form.Item name="password" label="密码">
              <Input.Password aria-label="密码" data-testid="login-password" maxLength={200} autoFocus={!!initialName} autoComplete="current-password" />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="login-error" />}
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
              登录
            </Button>
            <div className="auth-links">
              <Button type="link" size="small" onClick={() => setRecovering(true)} data-testid="to-recover">
                忘记密码？用恢复码
              </Button>
              <Button type="link" size="small" onClick={() => void closeArchive()} data-testid="login-other">
                打开其他档案
              </Button>
            </div>
          </Form>
        )}
      </Card>
    </div>
  );
}
