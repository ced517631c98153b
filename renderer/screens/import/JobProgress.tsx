// The bar of a running check or import: what is being done, how far, and 取消 (until writing starts).
import { Button, Card, Progress, Space, Typography } from 'antd';
import { canCancel, progressLabel } from '../../editor/import-job.ts';
import type { Running } from './flow.ts';

export default function JobProgress({ running, onCancel }: { running: Running; onCancel: () => void }) {
  const { progress, kind } = running;
  const writing = progress.label.startsWith('写入档案');
  return (
    <Card size="small" data-testid="import-progress">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text strong data-testid="import-progress-label">
            {kind === 'check' ? '正在检查文件：' : '正在导入：'}
            {progressLabel(progress)}
          </Typography.Text>
          <Button danger data-testid="import-cancel" disabled={!canCancel(progress)} onClick={onCancel}>
            {progress.cancelling ? '正在取消…' : '取消'}
          </Button>
        </Space>
        <Progress percent={Math.round(progress.fraction * 100)} status="active" />
        <Typography.Text type="secondary">
          {writing
            ? '正在写入档案，已不能取消；请稍候，不要关闭程序。'
            : kind === 'check'
              ? '检查时不会改动档案。文件较大时需要几秒到一分钟。'
              : '写入之前取消，档案不会有任何改动。'}
        </Typography.Text>
      </Space>
    </Card>
  );
}
