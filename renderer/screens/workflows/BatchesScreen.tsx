// 流程批次: every batch with where it stands and what is due or blocks it (in the archive's
// words), filtered by kind, year, status and village; a batch over quota shows the numbers.
import { Button, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { HTMLAttributes } from 'react';
import { API } from '../../../shared/api/index.ts';
import type { BatchListItem, QuotaView } from '../../../shared/api/index.ts';
import type { BatchStatus, WorkflowKind } from '../../../shared/workflows/index.ts';
import { api } from '../../api.ts';
import ExportListButton from '../../components/ExportListButton.tsx';
import QueryState from '../../components/QueryState.tsx';
import { quotaNotes } from '../../editor/workflow-households.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { useMay } from '../../hooks/use-may.ts';
import { useStore } from '../../store/index.ts';
import CreateBatchModal from './CreateBatchModal.tsx';
import { KIND_OPTIONS } from './options.ts';
import QuotaModal from './QuotaModal.tsx';

const STATUS_COLORS: Record<BatchStatus, string> = { open: 'processing', closed: 'success', cancelled: 'default' };

interface Listed {
  batches: BatchListItem[];
  quotas: QuotaView[];
}

/** The batches, and the quotas of the years where one is over quota (for the numbers). */
async function load(q: { kind: WorkflowKind | null; year: number | null; status: BatchStatus | null; villageId: string | null }): Promise<Listed> {
  const batches = await api.workflows.list(q);
  const years = [...new Set(batches.filter((b) => b.overQuota).map((b) => b.year))];
  const quotas = (await Promise.all(years.map((year) => api.workflows.quotas({ year })))).flat();
  return { batches, quotas };
}

export default function BatchesScreen() {
  const villages = useStore((s) => s.villages);
  const navigate = useStore((s) => s.navigate);
  const [kind, setKind] = useState<WorkflowKind | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [status, setStatus] = useState<BatchStatus | null>(null);
  const [villageId, setVillageId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [quotas, setQuotas] = useState(false);
  const mayCreate = useMay(API.workflows.create);
  const query = useQuery(() => load({ kind, year, status, villageId }), [kind, year, status, villageId]);

  return (
    <div data-testid="batches-screen">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          流程批次
        </Typography.Title>
        <Select aria-label="程序类型" allowClear placeholder="全部程序" style={{ width: 150 }} value={kind ?? undefined} onChange={(v: WorkflowKind | undefined) => setKind(v ?? null)} options={KIND_OPTIONS} />
        <InputNumber aria-label="年度" placeholder="全部年度" min={2000} max={2100} precision={0} style={{ width: 110 }} value={year} onChange={(v) => setYear(v ?? null)} />
        <Select
          aria-label="批次状态"
          allowClear
          placeholder="全部状态"
          style={{ width: 130 }}
          value={status ?? undefined}
          onChange={(v: BatchStatus | undefined) => setStatus(v ?? null)}
          options={[
            { value: 'open', label: '进行中' },
            { value: 'closed', label: '已公告完成' },
            { value: 'cancelled', label: '已撤销' },
          ]}
        />
        <Select
          aria-label="行政村"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部行政村"
          style={{ width: 150 }}
          value={villageId ?? undefined}
          onChange={(v: string | undefined) => setVillageId(v ?? null)}
          options={villages.map((v) => ({ value: v.id, label: v.name }))}
        />
        {mayCreate && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="new-batch">
            新建批次
          </Button>
        )}
        <Button onClick={() => setQuotas(true)} data-testid="open-quotas">
          规模与公示设置
        </Button>
        <ExportListButton name="流程批次清单" request={{ kind: 'batches', filter: { kind, year, status, villageId } }} disabled={!query.data?.batches.length} testId="export-batches" />
      </Space>
      <QueryState query={query}>
        {({ batches, quotas: qs }) => (
          <Table<BatchListItem>
            size="small"
            rowKey="id"
            dataSource={batches}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: '没有符合条件的批次' }}
            onRow={(b) => ({ onClick: () => navigate({ name: 'batch', id: b.id }), style: { cursor: 'pointer' }, 'data-testid': 'batch-row' } as HTMLAttributes<HTMLElement>)}
            columns={[
              { title: '批次', dataIndex: 'title', width: 230, render: (t: string) => <Typography.Link>{t}</Typography.Link> },
              { title: '程序', dataIndex: 'kindLabel', width: 120 },
              { title: '年度', dataIndex: 'year', width: 60 },
              { title: '行政村', dataIndex: 'village', width: 100, render: (v: string | null) => v ?? '全镇' },
              { title: '户数', dataIndex: 'householdCount', width: 55, align: 'right' },
              {
                title: '当前环节',
                key: 'step',
                width: 130,
                render: (_: unknown, b) => (b.currentStep ? `第${b.currentStep.seq}步 ${b.currentStep.label}` : '—'),
              },
              {
                title: '下一步 / 受阻原因',
                key: 'next',
                render: (_: unknown, b) => (
                  <>
                    <div>{b.next}</div>
                    {quotaNotes(b, qs).map((m) => (
                      <Typography.Text key={m} type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="quota-note">
                        {m}
                      </Typography.Text>
                    ))}
                  </>
                ),
              },
              {
                title: '状态',
                key: 'status',
                width: 110,
                render: (_: unknown, b) => (
                  <Space size={2} wrap>
                    <Tag color={STATUS_COLORS[b.status]}>{b.statusLabel}</Tag>
                    {b.overQuota && <Tag color="red">超规模</Tag>}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <CreateBatchModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate({ name: 'batch', id })} />
      <QuotaModal
        open={quotas}
        onClose={() => {
          setQuotas(false);
          query.reload();
        }}
      />
    </div>
  );
}
