// A plain archive from before encryption: the station chief sets the first account, then the
// archive is encrypted in place (backup, encrypt, check every row, swap) with a progress bar and
// 取消 (the long-job pattern of the import: a job id, jobs.status polled). The recovery code and
// the plain backup's deletion follow (RecoveryCodeScreen).
import { Alert, Button, Card, Form, Input, Progress, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api } from '../api.ts';
import { upgradeAdmin } from '../editor/account-forms.ts';
import type { AdminValues } from '../editor/account-forms.ts';
import { progressLabel, runJob } from '../editor/import-job.ts';
import type { JobProgress, RunningJob } from '../editor/import-job.ts';
import { useStore } from '../store/index.ts';
import NewPasswordFields from './NewPasswordFields.tsx';
import { markInvalid, placeFailure } from './form-errors.ts';

const FIELDS: Record<string, string> = { 'admin.name': 'name', 'admin.password': 'password', password: 'password' };
/** After these steps the archive is being swapped: a cancel would no longer be looked at. */
const TOO_LATE = ['替换', '完成'];

type Result = Awaited<ReturnType<typeof api.archive.upgrade>>;

export default function UpgradeScreen({ file }: { file: string }) {
  const finishUpgrade = useStore((s) => s.finishUpgrade);
  const closeArchive = useStore((s) => s.closeArchive);
  const [form] = Form.useForm<AdminValues>();
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useRef<RunningJob<Result> | null>(null);

  const submit = async (v: AdminValues): Promise<void> => {
    setError(null);
    const r = upgradeAdmin({ name: v.name ?? '', password: v.password ?? '', password2: v.password2 ?? '' });
    if (!r.ok) {
      markInvalid(form, r);
      return;
    }
    const running = runJob<Result>({
      api: { status: (id) => api.jobs.status({ id }), cancel: (id) => api.jobs.cancel({ id }) },
      kind: 'apply',
      startLabel: '准备加密',
      call: (jobId) => api.archive.upgrade({ admin: r.input, jobId }),
      onProgress: setProgress,
    });
    job.current = running;
    try {
      await finishUpgrade(await running.result);
    } catch (e) {
      setError(placeFailure(form, e, FIELDS));
    } finally {
      job.current = null;
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <div className="auth-page">
      <Card className="auth-card wide" title="加密档案" data-testid="upgrade-screen">
        <Typography.Paragraph>
          这个档案来自旧版本，还没有加密：<Typography.Text code>{file}</Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          加密后，档案文件只有登录才能打开，别人拷走文件也读不出身份证号、银行账号等个人信息。加密前会先备份原档案，加密后逐行核对无误才替换；请设置站长（管理员）的账户，以后用它登录并为其他人开设账户。
        </Typography.Paragraph>
        <Form<AdminValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={busy}>
          <Form.Item name="name" label="站长（管理员）姓名">
            <Input aria-label="站长姓名" data-testid="upgrade-name" maxLength={20} />
          </Form.Item>
          <NewPasswordFields testId="upgrade-password" />
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="upgrade-error" />}
          {!busy && (
            <Space>
              <Button type="primary" htmlType="submit" data-testid="upgrade-submit">
                开始加密
              </Button>
              <Button onClick={() => void closeArchive()}>打开其他档案</Button>
            </Space>
          )}
        </Form>
        {progress && (
          <div data-testid="upgrade-progress">
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              <Typography.Text strong>正在加密：{progressLabel(progress)}</Typography.Text>
              <Button danger disabled={progress.cancelling || TOO_LATE.includes(progress.label)} onClick={() => job.current?.cancel()}>
                {progress.cancelling ? '正在取消…' : '取消'}
              </Button>
            </Space>
            <Progress percent={Math.round(progress.fraction * 100)} status="active" />
            <Typography.Text type="secondary">取消时档案保持原样（仍未加密）。请不要关闭程序。</Typography.Text>
          </div>
        )}
      </Card>
    </div>
  );
}
