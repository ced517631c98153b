// The problems the archive found in a roster file: where (sheet / row / column), what, and how
// serious (red 错误 must be corrected before importing; orange 提示 may be checked afterwards).
import { Segmented, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { ImportProblemView } from '../../shared/api/index.ts';
import { LEVEL_TAGS, problemRows } from '../editor/import-view.ts';
import type { ImportSummary, LevelFilter, ProblemRow } from '../editor/import-view.ts';

export default function ImportProblems({ problems, summary, initialLevel = 'all' }: { problems: ImportProblemView[]; summary: ImportSummary; initialLevel?: LevelFilter }) {
  const [level, setLevel] = useState<LevelFilter>(initialLevel);
  const rows = useMemo(() => problemRows(problems, level), [problems, level]);
  if (problems.length === 0) return null;

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Segmented<LevelFilter>
        aria-label="级别"
        value={level}
        onChange={setLevel}
        options={[
          { value: 'all', label: `全部 ${problems.length}` },
          { value: 'error', label: `错误 ${summary.errors}` },
          { value: 'warning', label: `提示 ${summary.warnings}` },
        ]}
      />
      <Table<ProblemRow>
        data-testid="import-problems"
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 条` }}
        columns={[
          { title: '工作表', dataIndex: 'sheet', width: 120 },
          { title: '行', dataIndex: 'row', width: 70, render: (r: number) => (r > 0 ? r : '') },
          { title: '列', dataIndex: 'column', width: 120 },
          { title: '问题', dataIndex: 'message' },
          {
            title: '级别',
            dataIndex: 'severity',
            width: 80,
            render: (s: ImportProblemView['severity']) => <Tag color={LEVEL_TAGS[s].color}>{LEVEL_TAGS[s].label}</Tag>,
          },
        ]}
      />
    </Space>
  );
}
