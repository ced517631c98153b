// 县级审核 → 数据质量: the data check's rules over each township's latest snapshot, one row per
// township; a row opens that township's findings (read-only; the township's 已核实无误 apart, with
// its reason and operator); both export to Excel. Above, what only the county sees: the same
// person registered in two townships (Q105X).
import { Alert, Button, Card, Drawer, Input, Progress, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { AckView, TownshipQualityView } from '../../../shared/api/index.ts';
import type { CountyFinding } from '../../../shared/api/county-quality.ts';
import type { Problem } from '../../../shared/quality/types.ts';
import { SEVERITY_LABELS } from '../../../shared/quality/types.ts';
import { api } from '../../api.ts';
import ExportListButton from '../../components/ExportListButton.tsx';
import QueryState from '../../components/QueryState.tsx';
import { useJobQuery } from '../../hooks/use-job-query.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { canCancel, progressLabel } from '../../editor/import-job.ts';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

interface Row {
  p: Problem;
  ack: AckView | null;
}

/** What only the county sees: one person registered in two townships (each side's member a row). */
function CountyFindings(props: { findings: CountyFinding[] }) {
  const [open, setOpen] = useState(false);
  const people = new Set(props.findings.map((f) => f.person)).size;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="county-findings"
      title={
        <span>
          同一人在两个乡镇建档（Q105X）：{people} 人，涉及 {props.findings.length} 户次，已列入相关乡镇的问题清单。
          <Typography.Link style={{ marginLeft: 12 }} onClick={() => setOpen(!open)}>
            {open ? '收起' : '查看'}
          </Typography.Link>
        </span>
      }
      description={
        open && (
          <Table<CountyFinding>
            size="small"
            rowKey={(f) => `${f.townshipId}|${f.memberId ?? ''}`}
            dataSource={props.findings}
            pagination={props.findings.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
            columns={[
              { title: '乡镇', dataIndex: 'township', width: 90 },
              { title: '行政村', dataIndex: 'village', width: 90 },
              { title: '户编号', dataIndex: 'household', width: 160 },
              { title: '成员', dataIndex: 'member', width: 70 },
              { title: '说明', dataIndex: 'message', ellipsis: { showTitle: true } },
            ]}
          />
        )
      }
    />
  );
}

function Findings(props: { township: TownshipQualityView; onClose: () => void }) {
  const { township } = props;
  const query = useQuery(() => api.exchange.townshipProblems({ townshipId: township.townshipId }), [township.townshipId]);
  const [severity, setSeverity] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [showAcked, setShowAcked] = useState(false);
  const rows = useMemo((): Row[] => {
    const q = text.trim();
    const d = query.data;
    if (!d) return [];
    const all: Row[] = [...d.countyFindings.map((p) => ({ p, ack: null })), ...d.problems.map((p) => ({ p, ack: null })), ...(showAcked ? d.acknowledged.map((a) => ({ p: a.problem, ack: a.ack })) : [])];
    return all.filter(({ p }) => (!severity || p.severity === severity) && (!q || `${p.code}${p.title}${p.household}${p.member ?? ''}${p.message}`.includes(q)));
  }, [query.data, severity, text, showAcked]);
  return (
    <Drawer open size={1180} title={`${township.name} 数据质量问题（只读）`} onClose={props.onClose} className="township-findings" data-testid="township-findings">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label="级别" allowClear placeholder="全部级别" style={{ width: 110 }} value={severity ?? undefined} onChange={(v: string | undefined) => setSeverity(v ?? null)} options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))} />
        <Input.Search aria-label="查找问题" allowClear placeholder="规则、户编号、姓名或说明" style={{ width: 240 }} value={text} onChange={(e) => setText(e.target.value)} />
        <Space size={4}>
          <Switch size="small" checked={showAcked} onChange={setShowAcked} aria-label="显示乡镇已核实无误" data-testid="county-show-acked" />
          <span style={{ whiteSpace: 'nowrap' }}>乡镇已核实（{query.data?.acknowledged.length ?? 0}）</span>
        </Space>
        <ExportListButton name={`${township.name}数据质量问题清单`} request={{ kind: 'township-problems', townshipId: township.townshipId }} disabled={!query.data?.problems.length && !query.data?.countyFindings.length} testId="export-township-problems" />
        {query.data && (
          <Typography.Text type="secondary">
            错误 {query.data.counts.error} 项 · 疑点 {query.data.counts.warning} 项{query.data.countyFindings.length ? ` · 同一人在两个乡镇 ${query.data.countyFindings.length} 项` : ''}{query.data.year != null ? ` · 收入年度 ${query.data.year}` : ''} · 检查日期 {query.data.asOf}
          </Typography.Text>
        )}
      </Space>
      <QueryState query={query}>
        {() => (
          <Table<Row>
            size="small"
            virtual
            scroll={{ y: Math.max(300, window.innerHeight - 220), x: 1100 }}
            rowKey={({ p, ack }) => `${ack ? 'ack|' : ''}${p.code}|${p.householdId}|${p.memberId ?? ''}|${p.field ?? ''}|${p.message}`}
            dataSource={rows}
            pagination={false}
            rowClassName={(r) => (r.ack ? 'finding-acked' : '')}
            locale={{ emptyText: '没有发现问题' }}
            columns={[
              { title: '级别', dataIndex: ['p', 'severity'], width: 70, render: (s: Problem['severity']) => <Tag color={s === 'error' ? 'red' : 'gold'}>{SEVERITY_LABELS[s]}</Tag> },
              { title: '规则', dataIndex: ['p', 'code'], width: 70 },
              { title: '问题', dataIndex: ['p', 'title'], width: 170 },
              { title: '行政村', dataIndex: ['p', 'village'], width: 100 },
              { title: '户编号', dataIndex: ['p', 'household'], width: 165 },
              { title: '成员', dataIndex: ['p', 'member'], width: 80, render: (m: string | null) => m ?? '—' },
              { title: '说明', dataIndex: ['p', 'message'], ellipsis: { showTitle: true } },
              { title: '乡镇核实', dataIndex: 'ack', width: 180, ellipsis: { showTitle: true }, render: (a: AckView | null) => (a ? `核实无误：${a.reason}（${a.acknowledgedBy} ${a.acknowledgedOn}）` : '') },
            ]}
          />
        )}
      </QueryState>
    </Drawer>
  );
}

export default function CountyQuality(props: { version: number }) {
  const query = useJobQuery((jobId) => api.exchange.countyQuality({ jobId }), [props.version]);
  const [open, setOpen] = useState<TownshipQualityView | null>(null);
  const { progress } = query;
  return (
    <div data-testid="county-quality">
      {progress && query.data === undefined && (
        <Card size="small" data-testid="county-quality-progress" style={{ marginBottom: 12 }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text strong>{progressLabel(progress)}</Typography.Text>
            <Button danger data-testid="county-quality-cancel" disabled={!canCancel(progress)} onClick={query.cancel}>
              {progress.cancelling ? '正在取消…' : '取消'}
            </Button>
          </Space>
          <Progress percent={Math.round(progress.fraction * 100)} status="active" />
          <Typography.Text type="secondary">按各乡镇最新报送的数据逐个检查；检查不会改动档案，取消后可再点“重试”。</Typography.Text>
        </Card>
      )}
      <QueryState query={query}>
        {(q) => (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <Typography.Text>
                检查日期 {q.asOf} · {q.townships.length} 个乡镇 · {q.totals.households} 户 {q.totals.members} 人 · 错误 <Typography.Text type="danger">{q.totals.errors}</Typography.Text> 项 · 疑点 {q.totals.warnings} 项
              </Typography.Text>
              <ExportListButton name="各乡镇数据质量汇总" request={{ kind: 'county-quality' }} disabled={!q.townships.length} testId="export-county-quality" />
              <Typography.Text type="secondary">每个乡镇按其最新报送的数据检查（与乡镇“数据检查”同一套规则，乡镇已核实无误的不计入）；点击一行查看该乡镇的问题。</Typography.Text>
            </Space>
            {q.countyFindings.length > 0 && <CountyFindings findings={q.countyFindings} />}
            <Table<TownshipQualityView>
              size="small"
              rowKey="townshipId"
              dataSource={q.townships}
              pagination={false}
              data-testid="county-quality-table"
              locale={{ emptyText: '还没有任何乡镇的数据' }}
              onRow={(t) => ({ onClick: () => setOpen(t), style: { cursor: 'pointer' } })}
              columns={[
                { title: '乡镇', dataIndex: 'name', width: 110, render: (n: string) => <Typography.Link strong data-testid={`quality-${n}`}>{n}</Typography.Link> },
                { title: '户数', dataIndex: 'households', width: 70, align: 'right' },
                { title: '人数', dataIndex: 'members', width: 70, align: 'right' },
                { title: '错误', dataIndex: 'errors', width: 70, align: 'right', render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
                { title: '疑点', dataIndex: 'warnings', width: 70, align: 'right' },
                { title: '错误户占比', key: 'share', width: 100, align: 'right', render: (_: unknown, t) => `${pct(t.errorHouseholdShare)}（${t.errorHouseholds} 户）` },
                {
                  title: '最常见问题',
                  key: 'top',
                  render: (_: unknown, t) =>
                    t.top.length ? (
                      <Space orientation="vertical" size={0}>
                        {t.top.map((r) => (
                          <span key={r.code}>
                            {r.code} {r.title} <Typography.Text type="secondary">{r.count}</Typography.Text>
                          </span>
                        ))}
                      </Space>
                    ) : (
                      '—'
                    ),
                },
                { title: '检查时间', dataIndex: 'checkedAt', width: 130, render: (s: string) => s.slice(0, 16).replace('T', ' ') },
              ]}
            />
          </>
        )}
      </QueryState>
      {open && <Findings township={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
