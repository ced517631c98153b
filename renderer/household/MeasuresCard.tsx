// 帮扶措施: what was done for this household, by year; added, changed and deleted in place.
import { Button, Card, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import type { HelperView, HouseholdDetail } from '../../shared/api/index.ts';
import { formatYuan } from '../../shared/money.ts';
import type { MeasureRecord } from '../../shared/records.ts';
import { api } from '../api.ts';
import MeasureModal from './MeasureModal.tsx';
import type { HelpRun } from './use-help.ts';

const dash = (v: string | number | null | undefined): string | number => (v == null || v === '' ? '—' : v);

export default function MeasuresCard(props: { detail: HouseholdDetail; helpers: HelperView[]; run: HelpRun }) {
  const { detail, helpers, run } = props;
  const [editing, setEditing] = useState<{ open: boolean; measure: MeasureRecord | null }>({ open: false, measure: null });
  const helperName = (id: string | null): string => (id ? (helpers.find((h) => h.id === id)?.name ?? '—') : '—');

  return (
    <Card
      size="small"
      title="帮扶措施"
      extra={
        <Button size="small" type="primary" onClick={() => setEditing({ open: true, measure: null })} data-testid="add-measure">
          添加帮扶措施
        </Button>
      }
    >
      <Table<MeasureRecord>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...detail.measures].sort((a, b) => b.year - a.year)}
        locale={{ emptyText: '没有帮扶措施记录' }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 70 },
          { title: '类别', dataIndex: 'category', width: 120 },
          { title: '内容', dataIndex: 'content', render: dash },
          { title: '开始', dataIndex: 'startOn', render: dash, width: 110 },
          { title: '结束', dataIndex: 'endOn', render: dash, width: 110 },
          { title: '金额（元）', dataIndex: 'amountFen', align: 'right', width: 120, render: (f: number | null) => (f == null ? '—' : formatYuan(f)) },
          { title: '成效', dataIndex: 'result', render: dash },
          { title: '责任人', dataIndex: 'helperId', width: 90, render: helperName },
          {
            title: '',
            key: 'op',
            width: 120,
            render: (_: unknown, m) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing({ open: true, measure: m })} data-testid="edit-measure">
                  修改
                </Button>
                <Popconfirm
                  title="删除这条帮扶措施？"
                  description={`${m.year}年 ${m.category}`}
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => void run(() => api.help.deleteMeasure({ id: m.id }), '已删除帮扶措施')}
                >
                  <Button size="small" danger data-testid="delete-measure">
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <MeasureModal
        open={editing.open}
        measure={editing.measure}
        householdId={detail.household.id}
        helpers={helpers}
        run={run}
        onClose={() => setEditing((e) => ({ ...e, open: false }))}
      />
    </Card>
  );
}
