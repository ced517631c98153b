// 行政村: the township's villages.
import { Button, Space, Table, Tag, Typography } from 'antd';
import { api } from '../api.ts';
import QueryState from '../components/QueryState.tsx';
import { useQuery } from '../hooks/use-query.ts';
import { useStore } from '../store/index.ts';

export default function VillagesScreen() {
  const query = useQuery(() => api.villages.list({}), []);
  const navigate = useStore((s) => s.navigate);
  return (
    <QueryState query={query}>
      {(villages) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space>
            <Typography.Title level={3} style={{ margin: 0 }}>
              行政村
            </Typography.Title>
            <Typography.Text type="secondary">共 {villages.length} 个</Typography.Text>
            <Button size="small" onClick={query.reload}>
              刷新
            </Button>
          </Space>
          <Table
            size="small"
            rowKey="id"
            dataSource={villages}
            pagination={false}
            onRow={(v) => ({ onClick: () => navigate({ name: 'village', id: v.id }), style: { cursor: 'pointer' } })}
            columns={[
              { title: '区划代码', dataIndex: 'code', width: 140 },
              { title: '行政村', dataIndex: 'name', render: (n: string, v) => <a onClick={() => navigate({ name: 'village', id: v.id })}>{n}</a> },
              { title: '贫困村', dataIndex: 'isPoorVillage', render: (p: boolean) => (p ? <Tag color="red">贫困村</Tag> : '—') },
              { title: '出列年度', dataIndex: 'exitYear', render: (y: number | null) => y ?? '—' },
              { title: '户数', dataIndex: 'households', align: 'right' },
              { title: '人数', dataIndex: 'members', align: 'right' },
              { title: '第一书记', dataIndex: 'firstSecretary', render: (s: string | null) => s ?? '—' },
            ]}
          />
        </Space>
      )}
    </QueryState>
  );
}
