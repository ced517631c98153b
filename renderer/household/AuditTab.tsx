// 修改记录: who changed what and when, before → after.
import { Alert, Button, Table } from 'antd';
import type { AuditEntryView } from '../../shared/api/index.ts';
import { auditSummary } from '../editor/audit-summary.ts';
import { fieldLabel } from '../editor/field-labels.ts';
import { useStore } from '../store/index.ts';

const ACTIONS: Record<string, string> = { insert: '新增', create: '新增', update: '修改', delete: '删除', status: '状态变更', undo: '撤销' };

export default function AuditTab() {
  const audit = useStore((s) => s.editor.audit);
  const error = useStore((s) => s.editor.auditError);
  const loadAudit = useStore((s) => s.loadAudit);
  if (error) {
    return (
      <Alert
        type="error"
        showIcon
        title={error}
        action={
          <Button size="small" onClick={() => void loadAudit()}>
            重试
          </Button>
        }
      />
    );
  }
  return (
    <Table<AuditEntryView>
      size="small"
      rowKey="id"
      loading={audit === null}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      dataSource={audit ?? []}
      locale={{ emptyText: '没有修改记录' }}
      columns={[
        { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => new Date(at).toLocaleString('zh-CN') },
        { title: '操作员', dataIndex: 'operator', width: 90 },
        { title: '操作', key: 'action', width: 140, render: (_: unknown, e) => `${ACTIONS[e.action] ?? e.action}${e.tableName === 'households' ? '' : `（${fieldLabel(e.tableName)}）`}` },
        { title: '说明', dataIndex: 'note', width: 200, render: (n: string | null) => n ?? '—' },
        { title: '改动', key: 'diff', render: (_: unknown, e) => auditSummary(e.before, e.after) || '—' },
      ]}
    />
  );
}
