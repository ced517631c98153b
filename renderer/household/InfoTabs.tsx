// Tabs of the household page outside the draft: 帮扶 (saved straight to the archive), and the read-only 状态记录, 问题.
import { Alert, Table, Tag, Typography } from 'antd';
import type { HouseholdDetail } from '../../shared/api/index.ts';
import type { Problem } from '../../shared/quality/types.ts';
import { SEVERITY_LABELS } from '../../shared/quality/types.ts';
import type { StatusHistoryRecord } from '../../shared/records.ts';
import { StatusTag } from '../components/status-tag.tsx';
import { useStore } from '../store/index.ts';
import MeasuresCard from './MeasuresCard.tsx';
import PairingCard from './PairingCard.tsx';
import { useHelpAction, useHelpers } from './use-help.ts';

const dash = (v: string | number | null | undefined): string | number => (v == null || v === '' ? '—' : v);

export function HelpTab({ detail }: { detail: HouseholdDetail }) {
  const run = useHelpAction();
  const { helpers, reload } = useHelpers();
  return (
    <>
      <PairingCard detail={detail} helpers={helpers} reloadHelpers={reload} run={run} />
      <MeasuresCard detail={detail} helpers={helpers} run={run} />
    </>
  );
}

export function HistoryTab({ detail }: { detail: HouseholdDetail }) {
  const navigate = useStore((s) => s.navigate);
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
          {
            title: '依据',
            key: 'basis',
            render: (_: unknown, h) =>
              h.batchId ? (
                <Typography.Link onClick={() => navigate({ name: 'batch', id: h.batchId! })} data-testid="history-batch-link">
                  {h.decision ?? '工作流程批次'}
                </Typography.Link>
              ) : (
                (h.decision ?? '—')
              ),
          },
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
