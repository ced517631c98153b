// 导入花名册: a national roster export in five steps — 选择文件 → 核对列 (how each header is
// read; the clerk corrects it) → 预览 (nothing written yet: counts, changes field by field,
// problems) → 导入 (all or nothing after a backup, with a progress bar and 取消) → 完成.
// The state lives in ./import/flow.ts so a running job survives a visit to another screen.
import { Alert, Space, Steps, Typography } from 'antd';
import { useEffect } from 'react';
import { draftDiffers } from '../editor/import-mapping.ts';
import { STEPS, stepIndex } from '../editor/import-view.ts';
import type { StepKey } from '../editor/import-view.ts';
import { useStore } from '../store/index.ts';
import ColumnsStep from './import/ColumnsStep.tsx';
import DoneStep from './import/DoneStep.tsx';
import { useImportFlow } from './import/flow.ts';
import JobProgress from './import/JobProgress.tsx';
import PickStep from './import/PickStep.tsx';
import PreviewStep from './import/PreviewStep.tsx';

function StepBody({ step }: { step: StepKey }) {
  switch (step) {
    case 'pick':
      return <PickStep />;
    case 'columns':
      return <ColumnsStep />;
    case 'preview':
      return <PreviewStep />;
    case 'import':
      return null;
    case 'done':
      return <DoneStep />;
  }
}

export default function ImportScreen() {
  const archiveFile = useStore((s) => s.session?.archive?.file ?? null);
  const flow = useImportFlow();
  const { bindArchive, loadImportable } = flow;

  useEffect(() => {
    bindArchive(archiveFile);
    void loadImportable();
  }, [archiveFile, bindArchive, loadImportable]);

  const { step, checked, running, notice, draft } = flow;
  const reachable = (k: StepKey): boolean => {
    if (running || step === 'done' || step === 'import') return false;
    if (k === 'pick') return true;
    if (k === 'columns') return checked !== null && checked.columns.length > 0;
    if (k === 'preview') return checked !== null && !draftDiffers(checked.columns, draft);
    return false;
  };
  const refused = step === 'preview' && checked?.refused === true;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        导入花名册
      </Typography.Title>
      <Steps
        data-testid="import-steps"
        current={stepIndex(step)}
        status={refused ? 'error' : running ? 'process' : step === 'done' ? 'finish' : 'process'}
        onChange={(i) => {
          const k = STEPS[i]?.key;
          if (k && reachable(k)) flow.goTo(k);
        }}
        items={STEPS.map((s) => ({ title: s.title, disabled: s.key !== step && !reachable(s.key) }))}
      />
      {notice && <Alert type={notice.type} showIcon title={notice.text} data-testid="import-notice" />}
      {running && <JobProgress running={running} onCancel={flow.cancel} />}
      <StepBody step={step} />
    </Space>
  );
}
