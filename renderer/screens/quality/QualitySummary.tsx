// 数据检查's summary: findings by rule and by village, 错误 and 疑点 counted apart; clicking a
// count filters the list to that rule or village (and severity).
import { Table, Typography } from 'antd';
import type { Problem } from '../../../shared/quality/types.ts';
import type { QualityFilters } from './state.ts';

interface Line {
  key: string;
  label: string;
  error: number;
  warning: number;
}

function tally(problems: readonly Problem[], keyOf: (p: Problem) => string, labelOf: (p: Problem) => string): Line[] {
  const by = new Map<string, Line>();
  for (const p of problems) {
    const k = keyOf(p);
    let l = by.get(k);
    if (!l) by.set(k, (l = { key: k, label: labelOf(p), error: 0, warning: 0 }));
    l[p.severity] += 1;
  }
  return [...by.values()];
}

function Count({ n, on, testId }: { n: number; on: () => void; testId: string }) {
  return n ? (
    <Typography.Link onClick={on} data-testid={testId}>
      {n}
    </Typography.Link>
  ) : (
    <Typography.Text type="secondary">0</Typography.Text>
  );
}

export default function QualitySummary({ problems, filters, set }: { problems: readonly Problem[]; filters: QualityFilters; set: (f: Partial<QualityFilters>) => void }) {
  const byRule = tally(problems, (p) => p.code, (p) => p.title).sort((a, b) => b.error - a.error || b.warning - a.warning || a.key.localeCompare(b.key));
  // Villages in the list's order (village order, then 户编号).
  const byVillage = tally(problems, (p) => p.village, (p) => p.village);
  const columns = (pick: (l: Line) => Partial<QualityFilters>, id: string) => [
    { title: '错误', dataIndex: 'error', width: 56, align: 'right' as const, render: (n: number, l: Line) => <Count n={n} testId={`${id}-${l.key}-error`} on={() => set({ ...pick(l), severity: 'error' })} /> },
    { title: '疑点', dataIndex: 'warning', width: 56, align: 'right' as const, render: (n: number, l: Line) => <Count n={n} testId={`${id}-${l.key}-warning`} on={() => set({ ...pick(l), severity: 'warning' })} /> },
  ];
  const rowClass = (active: boolean): string => (active ? 'summary-active' : '');
  return (
    <div className="quality-summary" data-testid="quality-summary">
      <Table<Line>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ y: 132 }}
        dataSource={byRule}
        rowClassName={(l) => rowClass(filters.code === l.key)}
        onRow={(l) => ({ onClick: (e) => !(e.target as HTMLElement).closest('a') && set({ code: filters.code === l.key ? null : l.key, severity: null }), style: { cursor: 'pointer' } })}
        columns={[
          { title: `按规则（${byRule.length} 条规则）`, dataIndex: 'key', ellipsis: true, render: (k: string, l) => `${k} ${l.label}` },
          ...columns((l) => ({ code: l.key }), 'rule'),
        ]}
      />
      <Table<Line>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ y: 132 }}
        dataSource={byVillage}
        rowClassName={(l) => rowClass(filters.village === l.key)}
        onRow={(l) => ({ onClick: (e) => !(e.target as HTMLElement).closest('a') && set({ village: filters.village === l.key ? null : l.key, severity: null }), style: { cursor: 'pointer' } })}
        columns={[{ title: '按行政村', dataIndex: 'label', ellipsis: true }, ...columns((l) => ({ village: l.key }), 'village')]}
      />
    </div>
  );
}
