// Households the archive has and the new file does not: kept as they are, listed to be checked.
import { Alert, Space, Table } from 'antd';
import type { ImportPreview } from '../../../shared/api/index.ts';

type Row = ImportPreview['notInFile'][number];

export default function NotInFileTable({ rows, note }: { rows: Row[]; note: string }) {
  if (rows.length === 0) return <Alert type="success" title="档案中的户在文件中都有。" />;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={note} />
      <Table<Row>
        data-testid="import-not-in-file"
        size="small"
        rowKey="no"
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 户` }}
        columns={[
          { title: '户编号', dataIndex: 'no', width: 200 },
          { title: '户主', dataIndex: 'head' },
        ]}
      />
    </Space>
  );
}
