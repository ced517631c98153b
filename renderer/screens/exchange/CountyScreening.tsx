// 县级审核 → 部门预警: the 预警 the townships sent, per township — by department and status,
// overdue — and one township's register (read-only), exportable.
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AlertView, CountyScreeningView } from '../../../shared/api/index.ts';
import { ALERT_STATUSES, ALERT_STATUS_LABELS } from '../../../shared/screening/departments.ts';
import { api } from '../../api.ts';
import QueryState from '../../components/QueryState.tsx';
import { useQuery } from '../../hooks/use-query.ts';
import { saveBase64 } from '../import/save-file.ts';

type TownshipRow = CountyScreeningView['townships'][number];
const STATUS_COLORS: Record<string, string> = { pending: 'orange', monitor: 'red', no_risk: 'green', dismissed: 'default' };

export default function CountyScreening(props: { version: number }) {
  const summary = useQuery(() => api.screening.county({}), [props.version]);
  const [townshipId, setTownshipId] = useState<string | null>(null);
  const register = useQuery(async () => (townshipId ? api.screening.list({ townshipId }) : null), [townshipId, props.version]);
  const exportXlsx = async (): Promise<void> => {
    if (!townshipId) return;
    const r = await api.screening.exportXlsx({ townshipId });
    saveBase64(r.fileName, r.dataBase64);
  };
  return (
    <div data-testid="county-screening">
      <QueryState query={summary}>
        {(s) => (
          <>
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {s.asOf} · 各乡镇报送的部门筛查预警共 {s.totals.total} 条，待核实 {s.totals.pending} 条，其中逾期 <Typography.Text type={s.totals.overdue ? 'danger' : undefined}>{s.totals.overdue}</Typography.Text> 条。点击一行查看该乡镇的预警（只读）。
            </Typography.Paragraph>
            <Table<TownshipRow>
              size="small"
              rowKey="townshipId"
              dataSource={s.townships}
              pagination={false}
              data-testid="county-screening-table"
              onRow={(t) => ({ onClick: () => setTownshipId(t.townshipId), style: { cursor: 'pointer', background: t.townshipId === townshipId ? '#e6f4ff' : undefined } })}
              columns={[
                { title: '乡镇', dataIndex: 'name', width: 110, render: (n: string) => <Typography.Link strong>{n}</Typography.Link> },
                { title: '预警', dataIndex: 'total', width: 64, align: 'right' },
                ...ALERT_STATUSES.map((st) => ({ title: ALERT_STATUS_LABELS[st], key: st, width: 124, align: 'right' as const, render: (_: unknown, t: TownshipRow) => t.byStatus[st] })),
                { title: '逾期未核实', dataIndex: 'overdue', width: 92, align: 'right', render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
                { title: '按部门（待核实）', key: 'dept', render: (_: unknown, t) => t.byDepartment.map((d) => `${d.label} ${d.total}（${d.pending}）`).join('；') || '—' },
              ]}
            />
            <Space style={{ margin: '12px 0 8px' }} wrap>
              <Select
                aria-label="乡镇"
                placeholder="选择乡镇查看预警"
                style={{ width: 180 }}
                value={townshipId ?? undefined}
                onChange={(v: string) => setTownshipId(v)}
                options={s.townships.map((t) => ({ value: t.townshipId, label: t.name }))}
              />
              <Button disabled={!townshipId} onClick={() => void exportXlsx()} data-testid="export-county-screening">
                导出 Excel
              </Button>
            </Space>
          </>
        )}
      </QueryState>
      {townshipId && (
        <QueryState query={register}>
          {(r) =>
            r && (
              <Table<AlertView>
                size="small"
                rowKey="id"
                dataSource={r.alerts}
                scroll={{ y: 'calc(100vh - 420px)' }}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                data-testid="county-screening-alerts"
                locale={{ emptyText: '该乡镇没有预警' }}
                columns={[
                  { title: '部门', dataIndex: 'departmentLabel', width: 72 },
                  { title: '村', dataIndex: 'villageName', width: 72 },
                  { title: '户编号 / 户主', key: 'hh', width: 200, render: (_: unknown, a) => `${a.householdNo} ${a.head ?? ''}` },
                  { title: '人员', dataIndex: 'memberName', width: 64 },
                  { title: '预警原因', dataIndex: 'reason', ellipsis: true },
                  { title: '状态', key: 'status', width: 112, render: (_: unknown, a) => <Tag color={STATUS_COLORS[a.status]}>{a.statusLabel}</Tag> },
                  { title: '核实期限', key: 'due', width: 134, render: (_: unknown, a) => (a.status === 'pending' ? <span style={{ color: a.overdue ? '#cf1322' : undefined }}>{a.dueOn}{a.overdue ? ' 逾期' : ''}</span> : (a.resolvedOn ?? '')) },
                  { title: '核实情况', dataIndex: 'result', width: 140, ellipsis: true, render: (t: string | null) => t ?? '' },
                ]}
              />
            )
          }
        </QueryState>
      )}
    </div>
  );
}
