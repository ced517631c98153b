// The bar of a document being written to a file or printed (a village's or the township's forms
// take a while): what is being done, how far, and 取消 — a cancelled document leaves no file, a
// cancelled batch print sends no further household.
import { Button, Card, Progress, Space, Typography } from 'antd';
import { progressLabel } from '../../editor/import-job.ts';
import type { RunningSave } from './state.ts';

export default function DocumentJobProgress({ running, onCancel }: { running: RunningSave; onCancel: () => void }) {
  const { progress } = running;
  return (
    <Card size="small" data-testid="doc-progress">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text strong data-testid="doc-progress-label">
            {running.what === 'print' ? '正在打印' : '正在保存'}：{progressLabel(progress)}
          </Typography.Text>
          <Button danger data-testid="doc-cancel" disabled={progress.cancelling} onClick={onCancel}>
            {progress.cancelling ? '正在取消…' : '取消'}
          </Button>
        </Space>
        <Progress percent={Math.round(progress.fraction * 100)} status="active" />
        <Typography.Text type="secondary">
          {running.what === 'print' ? '取消后不再送出下一户；已送往打印机的不能撤回。' : '文档写完才会出现在保存位置；取消则不留下任何文件。'}
        </Typography.Text>
      </Space>
    </Card>
  );
}
