// 3 预览: what the import would do (counts, changed households field by field, households the
// file no longer has, every problem). A refused file says why, offers its rows with errors as a
// workbook to fix, and — when only some households are wrong — importing the others.
import { Alert, App, Button, Card, Checkbox, Space, Statistic, Tabs, Typography } from 'antd';
import type { ImportResultView } from '../../../shared/api/index.ts';
import { firstPreviewTab, isReimport, notInFileText, previewCounts, removeMissingText } from '../../editor/import-preview.ts';
import { canSkipRejected, confirmText, importSummary, refusalReason, rejectedFileName, summaryText } from '../../editor/import-view.ts';
import ImportProblems from '../ImportProblems.tsx';
import ChangesTable from './ChangesTable.tsx';
import { useImportFlow } from './flow.ts';
import NotInFileTable from './NotInFileTable.tsx';
import { QualityRows, QualitySummary } from './QualityPreview.tsx';
import { saveBase64 } from './save-file.ts';

function Counts({ result }: { result: ImportResultView }) {
  if (!result.preview) return null;
  return (
    <Space wrap size={[32, 8]} data-testid="import-counts">
      {previewCounts(result.preview).map((c) => (
        <Statistic key={c.key} title={c.label} value={c.value} suffix={c.unit} styles={{ content: c.attention && c.value > 0 ? { color: '#d46b08' } : {} }} />
      ))}
    </Space>
  );
}

/** Beside 导入: whether the file's hints or the check after the import found anything (neither stops the import). */
function importNote(warnings: number, quality: ImportResultView['quality']): string {
  const found = quality ? quality.errors + quality.warnings : 0;
  if (warnings === 0 && found === 0) return '没有发现问题。';
  return `${warnings > 0 ? '提示' : ''}${warnings > 0 && found > 0 ? '和' : ''}${found > 0 ? '导入后数据检查的问题' : ''}不影响导入，导入后可以在数据检查中逐条核对、整改。`;
}

export default function PreviewStep() {
  const { modal } = App.useApp();
  const result = useImportFlow((s) => s.checked);
  const file = useImportFlow((s) => s.file);
  const removeMissing = useImportFlow((s) => s.removeMissing);
  const skipRejected = useImportFlow((s) => s.skipRejected);
  const busy = useImportFlow((s) => s.running !== null);
  const checkNo = useImportFlow((s) => s.checkNo);
  const { setRemoveMissing, setSkipRejected, apply, goTo, restart, exportQuality } = useImportFlow.getState();
  if (!result || !file) return null;

  const summary = importSummary(result);
  const preview = result.preview;
  const skippable = canSkipRejected(result);
  const canApply = !busy && (!result.refused || (skippable && skipRejected));

  const askApply = (): void => {
    modal.confirm({
      title: '导入花名册',
      content: confirmText(result, { removeMissing, skipRejected: result.refused && skipRejected }),
      okText: '导入',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'import-confirm' },
      onOk: () => {
        void apply();
      },
    });
  };

  const tabs = [
    ...(preview && isReimport(preview)
      ? [
          { key: 'changes', label: `有变更的户 ${preview.updated}`, children: <ChangesTable preview={preview} removeMissing={removeMissing} /> },
          { key: 'notInFile', label: `文件中没有的户 ${preview.notInFile.length}`, children: <NotInFileTable rows={preview.notInFile} note={notInFileText(preview.notInFile.length)} /> },
        ]
      : []),
    ...(result.quality ? [{ key: 'quality', label: `导入后数据检查 ${result.quality.errors + result.quality.warnings}`, children: <QualityRows quality={result.quality} /> }] : []),
    {
      key: 'problems',
      label: `问题 ${result.problems.length}`,
      children:
        result.problems.length === 0 ? (
          <Typography.Text type="secondary">没有发现问题。</Typography.Text>
        ) : (
          <ImportProblems key={checkNo} problems={result.problems} summary={summary} initialLevel={result.refused ? 'error' : 'all'} />
        ),
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text strong data-testid="import-summary">
            {file.fileName}：{summaryText(summary)}
          </Typography.Text>
          <Counts result={result} />
        </Space>
      </Card>

      {result.quality && <QualitySummary quality={result.quality} removeMissing={removeMissing} busy={busy} onExport={() => void exportQuality()} />}

      {result.refused && (
        <Alert
          type="error"
          showIcon
          data-testid="import-refused"
          title={refusalReason(result)}
          description={
            <Space orientation="vertical" size={8} style={{ marginTop: 8 }}>
              <Space wrap>
                {result.rejectedBase64 && (
                  <Button data-testid="import-save-rejected" onClick={() => saveBase64(rejectedFileName(result.fileName), result.rejectedBase64!)}>
                    保存有问题的行（Excel）
                  </Button>
                )}
                {result.columns.length > 0 && <Button onClick={() => goTo('columns')}>核对列的对应</Button>}
              </Space>
              {skippable && (
                <Checkbox data-testid="import-skip-rejected" checked={skipRejected} disabled={busy} onChange={(e) => setSkipRejected(e.target.checked)}>
                  只导入没有问题的户（有问题的户留在“待改正”工作簿中，改正后再导入）
                </Checkbox>
              )}
            </Space>
          }
        />
      )}

      {preview && preview.membersMissing > 0 && (
        <Alert
          type="warning"
          showIcon
          title={
            <Checkbox data-testid="import-remove-missing" checked={removeMissing} disabled={busy} onChange={(e) => setRemoveMissing(e.target.checked)}>
              把不在新名单中的 {preview.membersMissing} 名成员标记为转出
            </Checkbox>
          }
          description={removeMissingText(preview.membersMissing, removeMissing)}
        />
      )}

      <Space wrap>
        <Button type="primary" data-testid="import-apply" disabled={!canApply} onClick={askApply}>
          {result.refused ? '导入没有问题的户' : '导入'}
        </Button>
        {!result.refused && <Typography.Text type="secondary">{importNote(summary.warnings, result.quality)}</Typography.Text>}
        <Button disabled={busy} onClick={restart}>
          重新选择文件
        </Button>
      </Space>

      {tabs.length > 1 || result.problems.length > 0 ? <Tabs key={checkNo} items={tabs} defaultActiveKey={firstPreviewTab(result)} /> : null}
    </Space>
  );
}
