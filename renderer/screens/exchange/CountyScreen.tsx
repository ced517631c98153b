// 县级审核 (county archive): the townships held, each from its latest package — how many households
// and batches, what awaits review, the opinions not yet sent back and the last review result.
import { Alert, Badge, Button, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CountyTownshipView, KeyStatusView } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import QueryState from '../../components/QueryState.tsx';
import { shortTime } from '../../editor/exchange-keys.ts';
import { townshipLastLine } from '../../editor/exchange-review.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { useStore } from '../../store/index.ts';
import './exchange.css';
import CountyQuality from './CountyQuality.tsx';
import CountyScreening from './CountyScreening.tsx';
import Fingerprint from './Fingerprint.tsx';
import { useExchange } from './state.ts';

export default function CountyScreen() {
  const navigate = useStore((s) => s.navigate);
  const version = useExchange((s) => s.version);
  const [tab, setTab] = useState('townships');
  const query = useQuery(async (): Promise<{ townships: CountyTownshipView[]; status: KeyStatusView }> => {
    const [townships, status] = await Promise.all([api.exchange.townships({}), api.exchange.keyStatus({})]);
    return { townships, status };
  }, [version]);
  return (
    <div className="exchange-screen" data-testid="county-screen">
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          县级审核
        </Typography.Title>
        <Button type="primary" onClick={() => navigate({ name: 'receive' })}>
          导入乡镇数据包
        </Button>
      </Space>
      <QueryState query={query}>
        {({ townships, status }) => (
          <>
            {status.notReady.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title="还不能加密交换数据"
                description={
                  <>
                    {status.notReady.join(' ')}
                    <Button type="link" size="small" onClick={() => navigate({ name: 'keys' })}>
                      去“密钥与对方”
                    </Button>
                  </>
                }
              />
            )}
            {townships.length > 0 && (
              <Tabs
                activeKey={tab}
                onChange={setTab}
                data-testid="county-tabs"
                items={[
                  { key: 'townships', label: '乡镇与批次' },
                  { key: 'quality', label: '数据质量' },
                  { key: 'screening', label: '部门预警' },
                ]}
              />
            )}
            {tab === 'quality' && townships.length > 0 && <CountyQuality version={version} />}
            {tab === 'screening' && townships.length > 0 && <CountyScreening version={version} />}
            {tab !== 'townships' && townships.length > 0 ? null : townships.length === 0 ? (
              <Empty description="还没有任何乡镇的数据：请在“导入数据包”中导入乡镇报送的 .fpkg 文件。" />
            ) : (
              <Table<CountyTownshipView>
                size="small"
                rowKey="id"
                data-testid="county-townships"
                dataSource={townships}
                pagination={false}
                onRow={(t) => ({ onClick: () => navigate({ name: 'township', id: t.id }), style: { cursor: 'pointer' } })}
                columns={[
                  {
                    title: '乡镇',
                    dataIndex: 'name',
                    width: 150,
                    render: (n: string, t) => (
                      <Space orientation="vertical" size={0}>
                        <Typography.Link strong data-testid={`township-${t.name}`}>
                          {n}
                        </Typography.Link>
                        {t.code && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t.code}</Typography.Text>}
                      </Space>
                    ),
                  },
                  { title: '村 / 户 / 人', key: 'size', width: 130, render: (_: unknown, t) => `${t.villages} / ${t.households} / ${t.members}` },
                  {
                    title: '批次',
                    key: 'batches',
                    width: 120,
                    render: (_: unknown, t) => (
                      <Space size={4}>
                        <span>{t.batches}</span>
                        {t.awaitingReview > 0 && <Tag color="orange">待审 {t.awaitingReview}</Tag>}
                      </Space>
                    ),
                  },
                  { title: '最近报送', key: 'last', render: (_: unknown, t) => townshipLastLine(t) },
                  { title: '签发密钥指纹', dataIndex: 'senderFingerprint', width: 230, render: (f: string | null) => (f ? <Fingerprint value={f} size="small" /> : '—') },
                  { title: '未发送的意见', dataIndex: 'opinionsPending', width: 110, render: (n: number) => (n ? <Badge count={n} color="#fa8c16" /> : '—') },
                  {
                    title: '已发审核结果',
                    dataIndex: 'lastReviewSent',
                    width: 150,
                    render: (s: CountyTownshipView['lastReviewSent']) => (s ? `第 ${s.seq} 号，${shortTime(s.at).slice(0, 10)}` : '尚未发送'),
                  },
                ]}
              />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
