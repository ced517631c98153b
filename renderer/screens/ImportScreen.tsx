// 导入花名册: pick the national system's roster export, let the archive check it (nothing is
// written), read the problems, then import it in one go (all or nothing).
import { Alert, App, Button, Result, Space, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportResultView } from '../../shared/api/index.ts';
import { api } from '../api.ts';
import { appliedText, confirmText, fileRefusal, importSummary, refusedText, summaryText } from '../editor/import-view.ts';
import { toBase64 } from '../file-base64.ts';
import { useStore } from '../store/index.ts';
import ImportProblems from './ImportProblems.tsx';

interface RosterFile {
  fileName: string;
  dataBase64: string;
}

type Phase = { step: 'pick' } | { step: 'checked'; upload: RosterFile; result: ImportResultView } | { step: 'done'; result: ImportResultView };

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export default function ImportScreen() {
  const { message, modal } = App.useApp();
  const navigate = useStore((s) => s.navigate);
  const [phase, setPhase] = useState<Phase>({ step: 'pick' });
  const [busy, setBusy] = useState<string | null>(null);

  const check = async (file: File): Promise<void> => {
    const refusal = fileRefusal(file);
    if (refusal) {
      void message.error(refusal, 6);
      return;
    }
    setBusy('正在检查…');
    try {
      const upload = { fileName: file.name, dataBase64: await toBase64(file) };
      setPhase({ step: 'checked', upload, result: await api.imports.check(upload) });
    } catch (e) {
      setPhase({ step: 'pick' });
      void message.error(errorText(e), 6);
    } finally {
      setBusy(null);
    }
  };

  const apply = async (upload: RosterFile): Promise<void> => {
    setBusy('正在导入…');
    try {
      const result = await api.imports.apply(upload);
      const st = useStore.getState();
      st.markListStale();
      await Promise.all([st.loadVillages().catch(() => undefined), st.refreshLastAudit()]);
      setPhase({ step: 'done', result });
    } catch (e) {
      void message.error(errorText(e), 8);
    } finally {
      setBusy(null);
    }
  };

  const askApply = (upload: RosterFile, result: ImportResultView): void => {
    modal.confirm({
      title: '导入花名册',
      content: confirmText(importSummary(result)),
      okText: '导入',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'import-confirm' },
      onOk: () => {
        void apply(upload);
      },
    });
  };

  if (phase.step === 'done') {
    return (
      <Result
        status="success"
        title={appliedText(phase.result)}
        subTitle={`文件：${phase.result.fileName}。可在数据检查中继续核对提示。`}
        extra={[
          <Button key="list" type="primary" data-testid="import-open-households" onClick={() => navigate({ name: 'households' })}>
            查看农户档案
          </Button>,
          <Button key="again" onClick={() => setPhase({ step: 'pick' })}>
            继续导入其他文件
          </Button>,
        ]}
      />
    );
  }

  const checked = phase.step === 'checked' ? phase : null;
  const summary = checked ? importSummary(checked.result) : null;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        导入花名册
      </Typography.Title>
      <Typography.Text type="secondary">国家系统导出的花名册 .xlsx：每行一人，按户编号分户；标题行在表头上方也可以。</Typography.Text>
      <Space wrap>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          disabled={busy !== null}
          beforeUpload={(file) => {
            void check(file);
            return false;
          }}
        >
          <Button type={checked ? 'default' : 'primary'} disabled={busy !== null} data-testid="import-pick">
            {checked ? '重新选择文件' : '选择文件'}
          </Button>
        </Upload>
        {checked && <Typography.Text>文件：{checked.upload.fileName}</Typography.Text>}
      </Space>
      <Spin spinning={busy !== null} description={busy ?? undefined}>
        {checked && summary ? (
          <Space orientation="vertical" size={12} style={{ width: '100%', minHeight: 80 }}>
            <Typography.Text strong data-testid="import-summary">
              {summaryText(summary)}
            </Typography.Text>
            {checked.result.refused ? (
              <Alert type="error" showIcon title={refusedText(summary)} data-testid="import-refused" />
            ) : (
              <Space>
                <Button type="primary" data-testid="import-apply" disabled={busy !== null} onClick={() => askApply(checked.upload, checked.result)}>
                  导入
                </Button>
                <Typography.Text type="secondary">{summary.warnings > 0 ? '提示不影响导入，导入后可以在数据检查中核对。' : '没有发现问题。'}</Typography.Text>
              </Space>
            )}
            <ImportProblems key={`${checked.upload.fileName}:${checked.upload.dataBase64.length}`} problems={checked.result.problems} summary={summary} />
          </Space>
        ) : (
          <div style={{ minHeight: busy ? 80 : 0 }} />
        )}
      </Spin>
    </Space>
  );
}
