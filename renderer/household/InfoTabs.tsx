// Read-only tabs of the household page: 帮扶, 状态记录, 问题.
import { Alert, Card, Table, Tag } from 'antd';
import type { HouseholdDetail, PairingView } from '../../shared/api/index.ts';
import { formatYuan } from '../../shared/money.ts';
import type { Problem } from '../../shared/quality/types.ts';
import { SEVERITY_LABELS } from '../../shared/quality/types.ts';
import type { MeasureRecord, StatusHistoryRecord } from '../../shared/records.ts';
import { StatusTag } from '../components/status-tag.tsx';
import { useStore } from '../store/index.ts';

const dash = (v: string | number | null | undefined): string | number => (v == null || v === '' ? '—' : v);

export function HelpTab({ detail }: { detail: HouseholdDetail }) {
  return (
    <>
      <Card size="small" title="结对帮扶" style={{ marginBottom: 12 }}>
        <Table<PairingView>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={detail.pairings}
          locale={{ emptyText: '没有结对帮扶记录' }}
          columns={[
            { title: '帮扶责任人', dataIndex: 'helperName' },
            { title: '单位', dataIndex: 'helperUnit', render: dash },
            { title: '联系电话', dataIndex: 'helperPhone', render: dash },
            { title: '开始日期', dataIndex: 'startOn' },
            { title: '结束日期', dataIndex: 'endOn', render: dash },
          ]}
        />
      </Card>
      <Card size="small" title="帮扶措施">
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
          ]}
        />
      </Card>
    </>
  );
}

export function HistoryTab({ detail }: { detail: HouseholdDetail }) {
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="户状态只能通过工作流程（识别、退出、监测等程序）或有记录的决定改变，不能在这里直接修改。"
      />
      <Table<StatusHistoryRecord>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...detail.history].sort((a, b) => b.effectiveOn.localeCompare(a.effectiveOn))}
        locale={{ emptyText: '没有状态记录' }}
        columns={[
          { title: '生效日期', dataIndex: 'effectiveOn', width: 110 },
          { title: '状态', dataIndex: 'status', width: 150, render: (s: string) => <StatusTag status={s} /> },
          { title: '年度', dataIndex: 'year', width: 70, render: dash },
          { title: '依据', key: 'basis', render: (_: unknown, h) => h.decision ?? (h.batchId ? '工作流程' : '—') },
          { title: '原因', dataIndex: 'reason', render: dash },
          { title: '操作员', dataIndex: 'updatedBy', width: 90 },
        ]}
      />
    </>
  );
}

/** The editor path of a problem, to put the cursor on it. */
function problemField(p: Problem, memberIds: (string | null)[]): string | null {
  if (p.memberId) {
    const row = memberIds.indexOf(p.memberId);
    return row === -1 ? null : `members.${row}.${p.field ?? 'name'}`;
  }
  return p.field;
}

export function ProblemsTab({ detail }: { detail: HouseholdDetail }) {
  const requestFocus = useStore((s) => s.requestFocus);
  const go = (p: Problem): void => {
    const ids = useStore.getState().editor.draft?.members.map((m) => m.id) ?? [];
    const field = problemField(p, ids);
    if (field) requestFocus(field);
  };
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="这是上次保存时的检查结果；改正后保存，结果会更新。点击一行可以跳到相关的内容。" />
      <Table<Problem>
        size="small"
        rowKey={(p) => `${p.code}|${p.memberId ?? ''}|${p.field ?? ''}|${p.message}`}
        pagination={false}
        dataSource={detail.problems}
        locale={{ emptyText: '没有发现问题' }}
        onRow={(p) => ({ onClick: () => go(p), style: { cursor: 'pointer' } })}
        columns={[
          { title: '级别', dataIndex: 'severity', width: 70, render: (s: Problem['severity']) => <Tag color={s === 'error' ? 'red' : 'gold'}>{SEVERITY_LABELS[s]}</Tag> },
          { title: '规则', dataIndex: 'code', width: 80 },
          { title: '问题', dataIndex: 'title', width: 200 },
          { title: '成员', dataIndex: 'member', width: 90, render: dash },
          { title: '说明', dataIndex: 'message' },
        ]}
      />
    </>
  );
}
