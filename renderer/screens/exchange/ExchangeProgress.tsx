// The bar of a running package job (packing, checking, importing) with 取消 — until the archive
// starts writing, after which a cancel is no longer possible.
import { Button, Card, Progress, Space, Typography } from 'antd';
import { canCancel, progressLabel } from '../../editor/import-job.ts';
import type { JobKey } from './state.ts';
import { useExchange } from './state.ts';

const NOTE: Record<JobKey, string> = {
  pack: '取消后不会留下任何文件（也不会留下 .part 临时文件）。',
  review: '取消后不会留下任何文件（也不会留下 .part 临时文件）。',
  preview: '检查和预览不会改动档案。',
  unpack: '写入之前取消，档案不会有任何改动。',
};

/** Shows the running job when it is one of `keys`. */
export default function ExchangeProgress({ keys }: { keys: JobKey[] }) {
  const running = useExchange((s) => s.running);
  const cancel = useExchange((s) => s.cancel);
  if (!running || !keys.includes(running.key)) return null;
  const { progress } = running;
  const writing = progress.label.startsWith('写入档案');
  return (
    <Card size="small" data-testid="exchange-progress" style={{ marginTop: 12 }}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text strong data-testid="exchange-progress-label">
            {running.title}：{progressLabel(progress)}
          </Typography.Text>
          <Button danger data-testid="exchange-cancel" disabled={!canCancel(progress) || running.cancelWanted} onClick={cancel}>
            {progress.cancelling || running.cancelWanted ? '正在取消…' : '取消'}
          </Button>
        </Space>
        <Progress percent={Math.round(progress.fraction * 100)} status="active" />
        <Typography.Text type="secondary">{writing ? '正在写入档案，已不能取消；请稍候，不要关闭程序，不要拔出U盘。' : NOTE[running.key]}</Typography.Text>
      </Space>
    </Card>
  );
}
