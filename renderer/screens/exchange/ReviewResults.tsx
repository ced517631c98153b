// Township side: what the county said, per batch — returned households first, with the county's
// reason large and red, then what passed; the exports still waiting for an answer. With a
// `batchId` it shows that batch only (for a batch page).
import { Alert, Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { TownshipReviewView } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { EFFECT_TAG } from '../../editor/exchange-import.ts';
import { shortTime } from '../../editor/exchange-keys.ts';
import { groupReceived, householdLabel, OPINION_TAG } from '../../editor/exchange-review.ts';
import type { ReceivedBatch } from '../../editor/exchange-review.ts';
import { useStore } from '../../store/index.ts';

function BatchResult({ g }: { g: ReceivedBatch }) {
  const navigate = useStore((s) => s.navigate);
  const returnedAll = g.step?.opinion === 'return';
  return (
    <Card
      size="small"
      data-testid={`review-batch-${g.batchId}`}
      className="review-batch"
      style={{ marginBottom: 12, borderColor: g.returned.length || returnedAll ? '#ffa39e' : undefined }}
      title={
        <Space wrap>
          <Typography.Link onClick={() => navigate({ name: 'batch', id: g.batchId })}>{g.batchTitle}</Typography.Link>
          <Typography.Text type="secondary">{g.stepLabel}</Typography.Text>
          <Tag color={EFFECT_TAG[g.effect].color}>{EFFECT_TAG[g.effect].text}</Tag>
          {g.returned.length > 0 && <Tag color="red">退回 {g.returned.length} 户</Tag>}
        </Space>
      }
      extra={<Typography.Text type="secondary">收到于 {shortTime(g.receivedAt)}</Typography.Text>}
    >
      {g.note && <Alert type={g.effect === 'skipped' ? 'warning' : 'info'} showIcon title={g.note} style={{ marginBottom: 8 }} />}
      {g.step && (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          整批意见：<Tag color={OPINION_TAG[g.step.opinion].color}>{OPINION_TAG[g.step.opinion].text}</Tag>
          {g.step.reason && <span className={g.step.opinion === 'return' ? 'returned-reason' : undefined}>{g.step.reason}</span>}
          <Typography.Text type="secondary">
            （{g.step.reviewer}，{g.step.reviewedOn}）
          </Typography.Text>
        </Typography.Paragraph>
      )}
      {g.returned.length > 0 && (
        <List
          size="small"
          bordered
          data-testid="review-returned"
          header={<Typography.Text type="danger" strong>退回 {g.returned.length} 户：请按县级意见改正后重新报送</Typography.Text>}
          dataSource={g.returned}
          renderItem={(r) => (
            <List.Item data-testid={`review-returned-${r.householdNo ?? r.id}`}>
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{householdLabel(r)}</Typography.Text>
                <span className="returned-reason">退回理由：{r.reason}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.reviewer}，{r.reviewedOn}
                  {r.note ? `；${r.note}` : ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {g.passed.length > 0 && (
        <Typography.Paragraph style={{ margin: '8px 0 0' }}>
          通过 {g.passed.length} 户：{g.passed.map(householdLabel).join('、')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

export default function ReviewResults({ review, batchId }: { review: TownshipReviewView; batchId?: string }) {
  const groups = groupReceived(review.received).filter((g) => !batchId || g.batchId === batchId);
  return (
    <div data-testid="review-results">
      {!batchId && review.awaiting.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`等待县级审核：${review.awaiting.map((a) => `第 ${a.seq} 号（${shortTime(a.at).slice(0, 10)}，${a.scope === 'all' ? '全部档案' : `${a.batches} 个批次`}）`).join('；')}`}
        />
      )}
      {groups.length === 0 ? <Empty description="还没有收到县级审核结果" /> : groups.map((g) => <BatchResult key={g.batchId} g={g} />)}
    </div>
  );
}

/**
 * For a batch page (township side): what the county said about this batch, loading it itself;
 * nothing at all while the county has not answered about it.
 */
export function BatchReviewResults({ batchId }: { batchId: string }) {
  const query = useQuery(() => api.exchange.reviewResults({ batchId }), [batchId]);
  if (!query.data || query.data.received.length === 0) return null;
  return <ReviewResults review={query.data} batchId={batchId} />;
}
