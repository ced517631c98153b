// 行政村: the township's villages.
import { Button, Space, Table, Tag, Typography } from 'antd';
import { api } from '../api.ts';
import ExportListButton from '../components/ExportListButton.tsx';
import QueryState from '../components/QueryState.tsx';
import { useQuery } from '../hooks/use-query.ts';
import { useState } from 'react';
import { API } from '../../shared/api/index.ts';
import { useMay } from '../hooks/use-may.ts';
import { useStore } from '../store/index.ts';
import { VillageModal } from './VillageModals.tsx';

export default function VillagesScreen() {
  const query = useQuery(() => api.villages.list({}), []);
  const navigate = useStore((s) => s.navigate);
  const mayEdit = useMay(API.villages.save);
  const [adding, setAdding] = useState(false);
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
            {mayEdit && (
              <Button size="small" type="primary" onClick={() => setAdding(true)} data-testid="village-add">
                新增行政村
              </Button>
            )}
            <ExportListButton size="small" name="行政村名单" request={{ kind: 'villages' }} disabled={!villages.length} testId="export-villages" />
          </Space>
          {adding && (
            <VillageModal
              village={null}
              onClose={() => setAdding(false)}
              onSaved={(v) => {
                setAdding(false);
                void useStore.getState().loadVillages();
                navigate({ name: 'village', id: v.id });
              }}
            />
          )}
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
              { title: '总户数', dataIndex: 'households', align: 'right' },
              { title: '人数', dataIndex: 'members', align: 'right' },
              { title: '建档户数', dataIndex: 'registeredHouseholds', align: 'right' },
              { title: '第一书记', dataIndex: 'firstSecretary', render: (s: string | null) => s ?? '—' },
            ]}
          />
        </Space>
      )}
    </QueryState>
  );
}
