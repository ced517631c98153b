// The recovery code, shown once after an archive is created or encrypted: in big monospace, to
// be written down for the station chief's safe; the clerk must confirm before going on. After an
// encryption the plain copy taken first is then offered for deletion (it holds personal data in clear).
import { Alert, App, Button, Card, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api.ts';
import { recoveryGroups } from '../editor/account-forms.ts';
import { useStore } from '../store/index.ts';
import type { RecoveryNotice } from '../store/session-slice.ts';
import { messageOf } from './form-errors.ts';

function CodeStep({ code, onDone }: { code: string; onDone: () => void }) {
  const { message } = App.useApp();
  const [written, setWritten] = useState(false);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(code);
      void message.success('恢复码已复制；请仍然抄写在纸上保管，不要存在电脑里');
    } catch {
      void message.warning('无法复制，请直接抄写');
    }
  };
  return (
    <>
      <Typography.Paragraph>这是本档案的恢复码，只显示这一次：</Typography.Paragraph>
      <div className="recovery-code" data-testid="recovery-code">
        {recoveryGroups(code).map((g, i) => (
          <span key={i}>{g}</span>
        ))}
      </div>
      <Space style={{ marginBottom: 16 }}>
        <Button onClick={() => void copy()} data-testid="recovery-copy">
          复制
        </Button>
      </Space>
      <Alert type="warning" showIcon title="请抄写后交站长保管在保险柜；丢失密码时只能用它打开档案" style={{ marginBottom: 16 }} />
      <Checkbox checked={written} onChange={(e) => setWritten(e.target.checked)} data-testid="recovery-written">
        我已抄写保存
      </Checkbox>
      <div style={{ marginTop: 16 }}>
        <Button type="primary" disabled={!written} onClick={onDone} data-testid="recovery-continue">
          继续
        </Button>
      </div>
    </>
  );
}

function BackupStep({ file, onDone }: { file: string; onDone: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.archive.deletePlainBackup({ file });
      void message.success(`已删除明文备份：${r.deleted}`);
      onDone();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Typography.Paragraph>档案已加密。加密前留下的备份还在：</Typography.Paragraph>
      <Typography.Paragraph code copyable data-testid="plain-backup">
        {file}
      </Typography.Paragraph>
      <Alert
        type="error"
        showIcon
        title="这个备份没有加密：里面的身份证号、银行账号、健康和残疾信息任何人都能读出。"
        description="确认加密后的档案能正常使用后，请尽快删除它；删除前不要拷贝或外传。"
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Space>
        <Button danger type="primary" loading={busy} onClick={() => void remove()} data-testid="delete-plain-backup">
          删除明文备份
        </Button>
        <Button onClick={onDone} disabled={busy} data-testid="keep-plain-backup">
          稍后删除
        </Button>
      </Space>
    </>
  );
}

export default function RecoveryCodeScreen({ notice }: { notice: RecoveryNotice }) {
  const dismiss = useStore((s) => s.dismissRecovery);
  const [step, setStep] = useState<'code' | 'backup'>('code');
  return (
    <div className="auth-page">
      <Card className="auth-card wide" title={step === 'code' ? '恢复码' : '删除加密前的明文备份'} data-testid="recovery-screen">
        {step === 'code' ? (
          <CodeStep code={notice.code} onDone={() => (notice.plainBackup ? setStep('backup') : dismiss())} />
        ) : (
          <BackupStep file={notice.plainBackup ?? ''} onDone={dismiss} />
        )}
      </Card>
    </div>
  );
}
