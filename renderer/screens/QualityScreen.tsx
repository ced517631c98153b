// 数据检查: every problem the archive's rules find, by village and severity; a row opens the household.
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Problem } from '../../shared/quality/types.ts';
import { SEVERITY_LABELS } from '../../shared/quality/types.ts';
import { api } from '../api.ts';
import ExportListButton from '../components/ExportListButton.tsx';
import QueryState from '../components/QueryState.tsx';
import { useQuery } from '../hooks/use-query.ts';
import { useStore } from '../store/index.ts';

export default function QualityScreen() {
  const villages = useStore((s) => s.villages);
  const navigate = useStore((s) => s.navigate);
  const [villageId, setVillageId] = useState<string | null>(null);
  const [severity, setSeverity] = useState<string | null>(null);
  const [text, setText] = useState('');
  const query = useQuery(() => api.quality.check({ villageId }), [villageId]);

  const rows = useMemo(() => {
    const q = text.trim();
    return (query.data?.problems ?? []).filter(
      (p) => (!severity || p.severity === severity) && (!q || `${p.code}${p.title}${p.household}${p.member ?? ''}${p.message}`.includes(q)),
    );
  }, [query.data, severity, text]);

  return (
    <div className="screen-fill">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          数据检查
        </Typography.Title>
        <Select
          aria-label="行政村"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部行政村"
          style={{ width: 160 }}
          value={villageId ?? undefined}
          onChange={(v: string | undefined) => setVillageId(v ?? null)}
          options={villages.map((v) => ({ value: v.id, label: v.name }))}
        />
        <Select
          aria-label="级别"
          allowClear
          placeholder="全部级别"
          style={{ width: 110 }}
          value={severity ?? undefined}
          onChange={(v: string | undefined) => setSeverity(v ?? null)}
          options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Input.Search aria-label="查找问题" allowClear placeholder="规则、户编号、姓名或说明" style={{ width: 240 }} value={text} onChange={(e) => setText(e.target.value)} />
        <Button onClick={query.reload} loading={query.loading}>
          重新检查
        </Button>
        <ExportListButton name="数据质量问题清单" request={{ kind: 'problems', filter: { villageId, severity: severity === 'error' || severity === 'warning' ? severity : null, search: text.trim() } }} disabled={!rows.length} testId="export-problems" />
        {query.data && (
          <Typography.Text type="secondary">
            错误 {query.data.counts.error} 项 · 疑点 {query.data.counts.warning} 项{query.data.year != null ? ` · 收入年度 ${query.data.year}` : ''} · 检查日期 {query.data.asOf}
          </Typography.Text>
        )}
      </Space>
      <QueryState query={query}>
        {() => (
          <Table<Problem>
            size="small"
            virtual
            scroll={{ y: Math.max(300, window.innerHeight - 230), x: 1000 }}
            rowKey={(p) => `${p.code}|${p.householdId}|${p.memberId ?? ''}|${p.field ?? ''}|${p.message}`}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: '没有发现问题' }}
            onRow={(p) => ({ onClick: () => navigate({ name: 'household', id: p.householdId }), style: { cursor: 'pointer' } })}
            columns={[
              { title: '级别', dataIndex: 'severity', width: 70, render: (s: Problem['severity']) => <Tag color={s === 'error' ? 'red' : 'gold'}>{SEVERITY_LABELS[s]}</Tag> },
              { title: '规则', dataIndex: 'code', width: 80 },
              { title: '问题', dataIndex: 'title', width: 180 },
              { title: '行政村', dataIndex: 'village', width: 100 },
              { title: '户编号', dataIndex: 'household', width: 170 },
              { title: '成员', dataIndex: 'member', width: 80, render: (m: string | null) => m ?? '—' },
              { title: '说明', dataIndex: 'message' },
            ]}
          />
        )}
      </QueryState>
    </div>
  );
}
