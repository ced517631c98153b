// 数据检查: the summary by rule and village (a count filters the list), filters, the findings; a
// row opens the household on the member and field concerned, and 返回数据检查 comes back to the
// same place. 已核实无误 with a reason takes a finding out of the counts until its data changes;
// 重新检查 says what closed since the previous result.
import { App, Alert, Button, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { Reference } from '@rc-component/table';
import { useEffect, useMemo, useRef, useState } from 'react';
import { API } from '../../shared/api/index.ts';
import type { AckView } from '../../shared/api/index.ts';
import { diffChecks, diffLine, problemKey } from '../../shared/quality/diff.ts';
import { problemMatches } from '../../shared/quality/filter.ts';
import type { Category, Problem, Severity } from '../../shared/quality/types.ts';
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../../shared/quality/types.ts';
import { api } from '../api.ts';
import ExportListButton from '../components/ExportListButton.tsx';
import QueryState from '../components/QueryState.tsx';
import { useMay } from '../hooks/use-may.ts';
import { useQuery } from '../hooks/use-query.ts';
import { useStore } from '../store/index.ts';
import AckModal from './quality/AckModal.tsx';
import QualitySummary from './quality/QualitySummary.tsx';
import { NO_FILTERS, openFinding, useQualityView } from './quality/state.ts';

interface Row {
  key: string;
  p: Problem;
  ack: AckView | null;
}

const holder = (): HTMLElement | null => document.querySelector<HTMLElement>('[data-testid="quality-list"] .ant-table-tbody-virtual-holder');

export default function QualityScreen() {
  const { modal, message } = App.useApp();
  const villages = useStore((s) => s.villages);
  const { filters, setFilters, marked, diff, setDiff } = useQualityView();
  const mayAck = useMay(API.quality.ack);
  const [acking, setAcking] = useState<Problem | null>(null);
  const [showClosed, setShowClosed] = useState(false);
  const asked = useRef(false);
  const table = useRef<Reference>(null);
  const query = useQuery(() => api.quality.check({ villageId: null }), []);
  const data = query.data;

  // A new result against the last one checked: 已整改 / 新增 / 仍存在. 重新检查 moves the baseline on;
  // coming back from a fix shows what changed against it without moving it.
  useEffect(() => {
    if (!data) return;
    const { baseline, diff: shown } = useQualityView.getState();
    if (!baseline) {
      setDiff(data.problems, null);
      return;
    }
    const d = diffChecks(baseline, data.problems, data.acknowledged.map((a) => a.problem));
    const changed = d.closed.length > 0 || d.added.length > 0;
    if (asked.current) setDiff(data.problems, d);
    else setDiff(baseline, changed ? d : shown);
    asked.current = false;
  }, [data, setDiff]);

  // The one filter object: the list below and the 问题清单 export apply it alike (shared/quality/filter.ts).
  const filter = useMemo(() => ({ category: filters.category, severity: filters.severity, village: filters.village, code: filters.code, search: filters.text.trim() }), [filters]);
  const rows = useMemo((): Row[] => {
    if (!data) return [];
    const all: Row[] = [...data.problems.map((p) => ({ key: problemKey(p), p, ack: null })), ...(filters.showAcked ? data.acknowledged.map((a) => ({ key: problemKey(a.problem), p: a.problem, ack: a.ack })) : [])];
    return all.filter(({ p }) => problemMatches(p, filter));
  }, [data, filter, filters.showAcked]);

  // Back from a household: the same scroll position, the row opened marked.
  useEffect(() => {
    if (!data) return;
    const top = useQualityView.getState().scrollTop;
    if (top > 0) setTimeout(() => table.current?.scrollTo({ top }), 0);
  }, [data]);

  const open = (r: Row): void => openFinding(r.p, r.key, holder()?.scrollTop ?? 0, data?.year ?? null);
  const recheck = (): void => {
    asked.current = true;
    query.reload();
  };
  const unack = (a: AckView): void => {
    modal.confirm({
      title: '取消核实',
      content: `取消“${a.code}”的核实无误（${a.acknowledgedBy} 于 ${a.acknowledgedOn}：${a.reason}）？这条问题会重新计入。`,
      okText: '取消核实',
      cancelText: '不取消',
      onOk: async () => {
        await api.quality.unack({ id: a.id });
        void message.success('已取消核实');
        query.reload();
      },
    });
  };
  const villageId = filters.village ? (villages.find((v) => v.name === filters.village)?.id ?? null) : null;
  const codes = useMemo(() => [...new Map((data?.problems ?? []).map((p) => [p.code, p.title])).entries()].sort(([a], [b]) => a.localeCompare(b)), [data]);

  return (
    <div className="screen-fill quality-screen">
      <Space wrap size={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          数据检查
        </Typography.Title>
        <Select aria-label="类别" allowClear placeholder="全部类别" style={{ width: 100 }} value={filters.category ?? undefined} onChange={(v: Category | undefined) => setFilters({ category: v ?? null })} options={Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }))} />
        <Select aria-label="级别" allowClear placeholder="全部级别" style={{ width: 100 }} value={filters.severity ?? undefined} onChange={(v: Severity | undefined) => setFilters({ severity: v ?? null })} options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))} />
        <Select aria-label="行政村" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部行政村" style={{ width: 124 }} value={filters.village ?? undefined} onChange={(v: string | undefined) => setFilters({ village: v ?? null })} options={villages.map((v) => ({ value: v.name, label: v.name }))} />
        <Select aria-label="规则" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部规则" style={{ width: 150 }} value={filters.code ?? undefined} onChange={(v: string | undefined) => setFilters({ code: v ?? null })} options={codes.map(([value, title]) => ({ value, label: `${value} ${title}` }))} popupMatchSelectWidth={320} />
        <Input.Search aria-label="查找问题" allowClear placeholder="户编号、姓名或说明" style={{ width: 200 }} value={filters.text} onChange={(e) => setFilters({ text: e.target.value })} />
        <Space size={4}>
          <Switch size="small" checked={filters.showAcked} onChange={(v) => setFilters({ showAcked: v })} aria-label="显示已核实无误" data-testid="show-acked" />
          <span style={{ whiteSpace: 'nowrap' }}>已核实（{data?.acknowledged.length ?? 0}）</span>
        </Space>
        {(filters.category || filters.severity || filters.village || filters.code || filters.text) && <Button size="small" onClick={() => setFilters({ ...NO_FILTERS, showAcked: filters.showAcked })}>清除筛选</Button>}
        <Button onClick={recheck} loading={query.loading} data-testid="recheck">
          重新检查
        </Button>
        <ExportListButton name="数据质量问题清单" request={{ kind: 'problems', filter: { villageId, category: filter.category, severity: filter.severity, code: filter.code, search: filter.search, showAcked: filters.showAcked } }} disabled={!rows.length} testId="export-problems" />
      </Space>
      {data && (
        <Typography.Text type="secondary" style={{ marginBottom: 6 }} data-testid="quality-counts">
          错误 {data.counts.error} 项 · 疑点 {data.counts.warning} 项 · 已核实无误 {data.acknowledged.length} 项{data.year != null ? ` · 收入年度 ${data.year}` : ''} · 检查日期 {data.asOf} · 列表 {rows.length} 条
        </Typography.Text>
      )}
      {diff && (
        <Alert
          type={diff.closed.length ? 'success' : 'info'}
          showIcon
          closable={{ onClose: () => setDiff(useQualityView.getState().baseline ?? [], null) }}
          style={{ marginBottom: 6, padding: '2px 10px' }}
          data-testid="recheck-diff"
          title={
            <span>
              与上次检查相比：{diffLine(diff)}
              {diff.closed.length > 0 && (
                <Typography.Link style={{ marginLeft: 12 }} onClick={() => setShowClosed(true)} data-testid="show-closed">
                  查看已整改的问题
                </Typography.Link>
              )}
            </span>
          }
        />
      )}
      <QueryState query={query}>
        {(d) => (
          <>
            <QualitySummary problems={d.problems} filters={filters} set={setFilters} />
            <div data-testid="quality-list" style={{ flex: 1, minHeight: 0 }}>
              <Table<Row>
                ref={table}
                size="small"
                virtual
                scroll={{ y: Math.max(220, window.innerHeight - 420), x: 1060 }}
                rowKey="key"
                dataSource={rows}
                pagination={false}
                locale={{ emptyText: d.problems.length ? '没有符合筛选条件的问题' : '没有发现问题' }}
                rowClassName={(r) => [r.ack ? 'finding-acked' : '', r.key === marked ? 'finding-marked' : ''].join(' ')}
                onRow={(r) => ({ onClick: (e) => !(e.target as HTMLElement).closest('button, a') && open(r), style: { cursor: 'pointer' } })}
                columns={[
                  { title: '级别', dataIndex: ['p', 'severity'], width: 58, fixed: 'left', render: (s: Severity) => <Tag color={s === 'error' ? 'red' : 'gold'}>{SEVERITY_LABELS[s]}</Tag> },
                  { title: '规则', dataIndex: ['p', 'code'], width: 58, fixed: 'left' },
                  { title: '户编号', dataIndex: ['p', 'household'], width: 150, fixed: 'left' },
                  { title: '成员', dataIndex: ['p', 'member'], width: 72, fixed: 'left', ellipsis: true, render: (m: string | null) => m ?? '—' },
                  { title: '行政村', dataIndex: ['p', 'village'], width: 84, ellipsis: true },
                  { title: '问题', dataIndex: ['p', 'title'], width: 170, ellipsis: true },
                  { title: '说明', dataIndex: ['p', 'message'], ellipsis: { showTitle: true } },
                  {
                    title: '核实',
                    key: 'ack',
                    width: 96,
                    fixed: 'right',
                    render: (_: unknown, r) =>
                      r.ack ? (
                        <span title={`${r.ack.acknowledgedBy} ${r.ack.acknowledgedOn}：${r.ack.reason}`}>
                          {mayAck ? (
                            <Button size="small" type="link" onClick={() => unack(r.ack!)} data-testid="unack">
                              取消核实
                            </Button>
                          ) : (
                            '已核实'
                          )}
                        </span>
                      ) : (
                        mayAck && (
                          <Button size="small" type="link" onClick={() => setAcking(r.p)} data-testid="ack">
                            核实无误
                          </Button>
                        )
                      ),
                  },
                ]}
              />
            </div>
          </>
        )}
      </QueryState>
      <AckModal
        problem={acking}
        onClose={(saved) => {
          setAcking(null);
          if (saved) query.reload();
        }}
      />
      <Modal open={showClosed} title={`已整改的问题（${diff?.closed.length ?? 0} 条）`} footer={null} width={900} onCancel={() => setShowClosed(false)}>
        <Table<Problem>
          size="small"
          rowKey={problemKey}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          dataSource={diff?.closed ?? []}
          data-testid="closed-list"
          columns={[
            { title: '规则', dataIndex: 'code', width: 64 },
            { title: '行政村', dataIndex: 'village', width: 90 },
            { title: '户编号', dataIndex: 'household', width: 160 },
            { title: '成员', dataIndex: 'member', width: 80, render: (m: string | null) => m ?? '—' },
            { title: '问题', dataIndex: 'message', ellipsis: true },
          ]}
        />
      </Modal>
    </div>
  );
}
