// County: one township as held from its latest package, read-only — its batches with the county
// step and the opinions recorded, its households (paged, searchable, one opened in a drawer), and
// the review result sent back to it (answering its latest package), with progress and 取消.
import { Alert, Button, Card, Checkbox, Descriptions, Drawer, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CountyBatchView, CountyHouseholdView, CountyTownshipView, OpinionView, PackageLogView } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import QueryState from '../../components/QueryState.tsx';
import { defaultPackagePath, nextSeq } from '../../editor/exchange-files.ts';
import { countyStepText, householdLabel, OPINION_TAG, reviewPackProblem, townshipLastLine } from '../../editor/exchange-review.ts';
import { useDebounced } from '../../hooks/use-debounced.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { localDay, useToday } from '../../hooks/use-today.ts';
import { useStore } from '../../store/index.ts';
import BatchReviewDrawer from './BatchReviewDrawer.tsx';
import ExchangeProgress from './ExchangeProgress.tsx';
import './exchange.css';
import { AuditChainAlert, FailureAlert, PackResultCard, PathField } from './parts.tsx';
import { useExchange } from './state.ts';

const PAGE = 50;

const mineId = (packed: ReturnType<typeof useExchange.getState>['packed'], townshipId: string): string | null =>
  packed?.key === 'review' && packed.townshipId === townshipId ? packed.result.packageId : null;

function Batches({ township, onChanged }: { township: CountyTownshipView; onChanged: () => void }) {
  const version = useExchange((s) => s.version);
  const [tick, setTick] = useState(0);
  const query = useQuery(() => api.exchange.townshipBatches({ townshipId: township.id }), [township.id, version, tick]);
  const [open, setOpen] = useState<CountyBatchView | null>(null);
  return (
    <QueryState query={query}>
      {(batches) => (
        <>
          <Table<CountyBatchView>
            size="small"
            rowKey="id"
            data-testid="county-batches"
            dataSource={batches}
            pagination={false}
            locale={{ emptyText: '这个乡镇报送的数据中没有批次' }}
            onRow={(b) => ({ onClick: () => setOpen(b), style: { cursor: 'pointer' } })}
            columns={[
              { title: '批次', dataIndex: 'title', render: (t: string) => <Typography.Link>{t}</Typography.Link> },
              { title: '程序', dataIndex: 'kindLabel', width: 150 },
              { title: '年度', dataIndex: 'year', width: 60 },
              { title: '范围', dataIndex: 'village', width: 100, render: (v: string | null) => v ?? '全乡镇' },
              { title: '农户', dataIndex: 'householdCount', width: 60 },
              {
                title: '县级环节',
                key: 'step',
                width: 200,
                render: (_: unknown, b) => {
                  const t = countyStepText(b);
                  return <Tag color={t.color}>{t.text}</Tag>;
                },
              },
              { title: '意见', dataIndex: 'opinions', width: 60, render: (n: number) => n || '—' },
              {
                title: '',
                key: 'op',
                width: 80,
                render: (_: unknown, b) => (
                  <Button size="small" data-testid={`review-${b.id}`} onClick={() => setOpen(b)}>
                    审核
                  </Button>
                ),
              },
            ]}
          />
          {open && (
            <BatchReviewDrawer
              townshipId={township.id}
              batch={open}
              onClose={() => {
                setOpen(null);
                setTick((t) => t + 1);
              }}
              onChanged={onChanged}
            />
          )}
        </>
      )}
    </QueryState>
  );
}

function HouseholdDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const query = useQuery(() => api.households.get({ id }), [id]);
  return (
    <Drawer open size={820} title="农户（只读）" onClose={onClose} data-testid="county-household">
      <QueryState query={query}>
        {(d) => (
          <>
            <Descriptions size="small" bordered column={2} style={{ marginBottom: 12 }}>
              <Descriptions.Item label="户编号">{d.household.no}</Descriptions.Item>
              <Descriptions.Item label="村 / 组">
                {d.village.name} {d.household.groupName ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label="户属性">{d.household.attribute ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="主要致贫原因">{d.household.mainCause ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="联系电话">{d.household.phone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="住址">{d.household.address ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.members.filter((m) => !m.leftReason)}
              columns={[
                { title: '姓名', dataIndex: 'name', width: 90 },
                { title: '与户主关系', dataIndex: 'relation', width: 100 },
                { title: '身份证号', dataIndex: 'idNumber', width: 190 },
                { title: '性别', dataIndex: 'gender', width: 60 },
                { title: '健康状况', dataIndex: 'health', width: 100 },
                { title: '务工状况', dataIndex: 'workStatus' },
              ]}
            />
            {d.incomes.length > 0 && (
              <Typography.Paragraph style={{ marginTop: 12 }}>
                最近收入年度：{d.incomes[0]!.year} 年
              </Typography.Paragraph>
            )}
          </>
        )}
      </QueryState>
    </Drawer>
  );
}

function Households({ township }: { township: CountyTownshipView }) {
  const version = useExchange((s) => s.version);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    setPage(1);
  }, [q]);
  const query = useQuery(
    () => api.exchange.townshipHouseholds({ townshipId: township.id, search: q || null, limit: PAGE, offset: (page - 1) * PAGE }),
    [township.id, q, page, version],
  );
  return (
    <>
      <Input.Search aria-label="查找农户" placeholder="户编号、姓名、拼音首字母或身份证号尾号" allowClear style={{ width: 360, marginBottom: 12 }} value={search} onChange={(e) => setSearch(e.target.value)} />
      <QueryState query={query}>
        {(p) => (
          <Table<CountyHouseholdView>
            size="small"
            rowKey="id"
            data-testid="county-households"
            dataSource={p.items}
            loading={query.loading}
            onRow={(h) => ({ onClick: () => setOpen(h.id), style: { cursor: 'pointer' } })}
            pagination={{ current: page, pageSize: PAGE, total: p.total, showSizeChanger: false, onChange: setPage, showTotal: (t) => `共 ${t} 户` }}
            columns={[
              { title: '户编号', dataIndex: 'no', width: 180 },
              { title: '户主', dataIndex: 'head', width: 100 },
              { title: '行政村', dataIndex: 'village', width: 120 },
              { title: '村民小组', dataIndex: 'groupName', width: 100 },
              { title: '人数', dataIndex: 'size', width: 60 },
              { title: '状态', dataIndex: 'statusLabel' },
            ]}
          />
        )}
      </QueryState>
      {open && <HouseholdDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function SendReview({ township }: { township: CountyTownshipView }) {
  const archive = useStore((s) => s.session?.archive ?? null);
  const today = useToday();
  const version = useExchange((s) => s.version);
  const running = useExchange((s) => s.running);
  const pack = useExchange((s) => s.pack);
  const packed = useExchange((s) => s.packed);
  const packError = useExchange((s) => s.packError);
  const clearPacked = useExchange((s) => s.clearPacked);
  const query = useQuery(async (): Promise<{ opinions: OpinionView[]; sent: PackageLogView[] }> => {
    const [opinions, sent] = await Promise.all([api.exchange.opinions({ townshipId: township.id }), api.exchange.packages({ direction: 'out' })]);
    return { opinions, sent };
  }, [township.id, version]);
  const [out, setOut] = useState('');
  const [touched, setTouched] = useState(false);
  const [passphrase, setPassphrase] = useState(false);
  const seq = query.data ? nextSeq(query.data.sent, 'review-result') : 1;
  const suggested = archive ? defaultPackagePath(archive.file, township.name, 'review-result', seq, localDay(today)) : '';
  useEffect(() => {
    if (!touched) setOut(suggested);
  }, [suggested, touched]);
  const packedId = mineId(packed, township.id);
  useEffect(() => {
    if (packedId) setTouched(false);
  }, [packedId]);
  const busy = running !== null;
  const mine = packed?.key === 'review' && packed.townshipId === township.id ? packed.result : null;
  const myError = packError?.key === 'review' && packError.townshipId === township.id ? packError.failure : null;

  return (
    <QueryState query={query}>
      {({ opinions }) => {
        const problem = reviewPackProblem(township, opinions);
        const current = opinions.filter((o) => !o.stale);
        const stale = opinions.length - current.length;
        const unsent = current.filter((o) => !o.sentIn).length;
        return (
          <>
            <Table<OpinionView>
              size="small"
              rowKey="id"
              data-testid="county-opinions"
              dataSource={opinions}
              pagination={false}
              locale={{ emptyText: '还没有登记审核意见：在“批次审核”中打开批次登记' }}
              columns={[
                { title: '批次', dataIndex: 'batchTitle' },
                { title: '环节', dataIndex: 'stepLabel', width: 130 },
                { title: '对象', key: 'who', width: 200, render: (_: unknown, o) => (o.householdId ? householdLabel(o) : '整个环节') },
                {
                  title: '意见',
                  key: 'op',
                  render: (_: unknown, o) => (
                    <Space size={4} wrap>
                      <Tag color={OPINION_TAG[o.opinion].color}>{OPINION_TAG[o.opinion].text}</Tag>
                      {o.reason && <span>{o.reason}</span>}
                    </Space>
                  ),
                },
                { title: '审核人', key: 'by', width: 150, render: (_: unknown, o) => `${o.reviewer} ${o.reviewedOn}` },
                {
                  title: '状态',
                  key: 'state',
                  width: 110,
                  render: (_: unknown, o) => (o.sentIn ? <Tag>已发送</Tag> : o.stale ? <Tag color="orange">针对旧数据</Tag> : <Tag color="blue">待发送</Tag>),
                },
              ]}
            />
            {stale > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 12 }}
                title={`${stale} 条意见是针对该乡镇较早报送的数据登记的，不会包含在审核结果中：请对照最新数据重新核对后再登记。`}
              />
            )}
            <Card size="small" title={`制作审核结果数据包（答复该乡镇第 ${township.lastPackage?.seq ?? '—'} 号数据包；下一个编号：第 ${seq} 号）`} style={{ marginTop: 12 }} data-testid="review-pack-card">
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                <PathField
                  label="保存位置"
                  value={out}
                  onChange={(v) => {
                    setTouched(true);
                    setOut(v);
                  }}
                  want=".fpkg"
                  testId="review-out"
                  disabled={busy}
                />
                <Checkbox checked={passphrase} disabled={busy} onChange={(e) => setPassphrase(e.target.checked)}>
                  改用口令加密（该乡镇的公钥未登记或已吊销时）
                </Checkbox>
                {problem && <Typography.Text type="secondary">{problem}</Typography.Text>}
                <Button
                  type="primary"
                  size="large"
                  disabled={busy || problem !== null || !out.trim()}
                  data-testid="review-pack"
                  onClick={() => {
                    void pack('review', township.id, '正在制作审核结果数据包', (jobId) => api.exchange.packReview({ townshipId: township.id, out: out.trim(), passphrase, jobId }));
                  }}
                >
                  制作审核结果数据包（{current.length} 条意见{unsent < current.length ? `，其中 ${unsent} 条未发送过` : ''}）
                </Button>
              </Space>
              <ExchangeProgress keys={['review']} />
              {mine && <PackResultCard result={mine} onClose={clearPacked} />}
              <FailureAlert failure={myError} title={myError?.cancelled ? undefined : '审核结果数据包没有生成'} testId="review-pack-error" onClose={clearPacked} />
            </Card>
          </>
        );
      }}
    </QueryState>
  );
}

export default function TownshipPage({ id }: { id: string }) {
  const navigate = useStore((s) => s.navigate);
  const version = useExchange((s) => s.version);
  const bump = useExchange((s) => s.bump);
  const query = useQuery(() => api.exchange.townships({}), [version]);
  const [tab, setTab] = useState('batches');
  return (
    <div className="exchange-screen" data-testid="township-page">
      <QueryState query={query}>
        {(all) => {
          const t = all.find((x) => x.id === id);
          if (!t)
            return (
              <Alert
                type="warning"
                showIcon
                title="县级档案中没有这个乡镇"
                action={<Button onClick={() => navigate({ name: 'county' })}>返回县级审核</Button>}
              />
            );
          return (
            <>
              <Space style={{ marginBottom: 8 }} wrap align="center">
                <Button onClick={() => navigate({ name: 'county' })}>← 返回</Button>
                <Typography.Title level={3} style={{ margin: 0 }} data-testid="township-title">
                  {t.name}
                </Typography.Title>
                {t.code && <Typography.Text type="secondary">{t.code}</Typography.Text>}
                <Tag color="purple">只读（来自乡镇报送）</Tag>
              </Space>
              <Typography.Paragraph type="secondary">
                {t.villages} 个村，{t.households} 户 {t.members} 人；最近报送：{townshipLastLine(t)}
              </Typography.Paragraph>
              <Space orientation="vertical" size={8} style={{ width: '100%', marginBottom: 8 }}>
                {t.audit && <AuditChainAlert audit={t.audit} testId="township-audit" />}
                {t.auditWarnings.length > 0 && (
                  <Alert type="warning" showIcon data-testid="township-audit-earlier" title="此前的报送中审计记录也有疑点" description={t.auditWarnings.map((w) => <div key={w}>{w}</div>)} />
                )}
              </Space>
              <Tabs
                activeKey={tab}
                onChange={setTab}
                items={[
                  { key: 'batches', label: `批次审核（${t.batches}）`, children: <Batches township={t} onChanged={bump} /> },
                  { key: 'households', label: `农户（${t.households}）`, children: <Households township={t} /> },
                  { key: 'send', label: `发送审核结果${t.opinionsPending ? `（待发 ${t.opinionsPending}）` : ''}`, children: <SendReview township={t} /> },
                ]}
              />
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
