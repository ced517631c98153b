// The changed households of a re-import: one row each (户编号, 户主, what changes), opened to
// show every field before → after and the members added, changed or no longer listed.
import { Input, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ImportPreview } from '../../../shared/api/index.ts';
import { changeRows, changesNote, filterChangeRows } from '../../editor/import-preview.ts';
import type { ChangeLine, ChangeRow } from '../../editor/import-preview.ts';

function ChangeDetail({ row, removeMissing }: { row: ChangeRow; removeMissing: boolean }) {
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="import-change-detail">
      {row.fields.length > 0 && (
        <Table<ChangeLine>
          size="small"
          rowKey="key"
          dataSource={row.fields}
          pagination={false}
          columns={[
            { title: '对象', dataIndex: 'who', width: 120 },
            { title: '项目', dataIndex: 'label', width: 160 },
            { title: '原来', dataIndex: 'before', render: (v: string) => <Typography.Text type="secondary" delete>{v}</Typography.Text> },
            { title: '改为', dataIndex: 'after', render: (v: string) => <Typography.Text strong style={{ color: '#1677ff' }}>{v}</Typography.Text> },
          ]}
        />
      )}
      {row.membersAdded.length > 0 && (
        <Space wrap size={4} style={{ paddingInlineStart: 40 }}>
          <Typography.Text>新增成员：</Typography.Text>
          {row.membersAdded.map((n, i) => (
            <Tag key={`${n}-${i}`} color="green">
              {n}
            </Tag>
          ))}
        </Space>
      )}
      {row.membersMissing.length > 0 && (
        <Space wrap size={4} style={{ paddingInlineStart: 40 }}>
          <Typography.Text>不在新名单：</Typography.Text>
          {row.membersMissing.map((n, i) => (
            <Tag key={`${n}-${i}`} color={removeMissing ? 'red' : 'default'}>
              {n}
              {removeMissing ? '（将标记转出）' : '（保持不变）'}
            </Tag>
          ))}
        </Space>
      )}
    </Space>
  );
}

export default function ChangesTable({ preview, removeMissing }: { preview: ImportPreview; removeMissing: boolean }) {
  const [search, setSearch] = useState('');
  const all = useMemo(() => changeRows(preview), [preview]);
  const rows = useMemo(() => filterChangeRows(all, search), [all, search]);
  const note = changesNote(preview);
  if (all.length === 0) return <Typography.Text type="secondary">档案中已有的户在文件中都没有变化。</Typography.Text>;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search aria-label="查找有变更的户" allowClear placeholder="户编号、户主或成员姓名" style={{ width: 260 }} value={search} onChange={(e) => setSearch(e.target.value)} />
        <Typography.Text type="secondary">点击一行左侧的“+”查看逐项变更。{note}</Typography.Text>
      </Space>
      <Table<ChangeRow>
        data-testid="import-changes"
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 户` }}
        expandable={{ expandedRowRender: (r) => <ChangeDetail row={r} removeMissing={removeMissing} />, expandRowByClick: true }}
        columns={[
          { title: '户编号', dataIndex: 'no', width: 180 },
          { title: '户主', dataIndex: 'head', width: 120 },
          { title: '变更', dataIndex: 'summary' },
        ]}
      />
    </Space>
  );
}
