// The batch's households with their outcome at every step; tick some and record 通过 / 不通过 /
// 退回 at the running step; add households (while the first step is not done) or take one out.
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { BatchDetail, BatchHouseholdView, OutcomeView } from '../../../shared/api/index.ts';
import type { Outcome } from '../../../shared/workflows/index.ts';
import ExportListButton from '../../components/ExportListButton.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { canDecideAt, progressText } from '../../editor/workflow-households.ts';
import { API } from '../../../shared/api/index.ts';
import { useMay } from '../../hooks/use-may.ts';
import { useStore } from '../../store/index.ts';
import type { Dialog } from './dialogs.ts';
import './workflows.css';

const MARKS: Record<Outcome, { text: string; color: string }> = {
  pass: { text: '✓', color: 'green' },
  fail: { text: '✗', color: 'red' },
  return: { text: '↩', color: 'orange' },
};

function OutcomeMark({ o }: { o: OutcomeView | undefined }) {
  if (!o) return <Typography.Text type="secondary">·</Typography.Text>;
  const m = MARKS[o.outcome];
  return (
    <Tooltip title={`${o.label}${o.reason ? `：${o.reason}` : ''}（${o.decidedOn}${o.decidedBy ? `，${o.decidedBy}` : ''}；${o.recordedBy} 登记）`}>
      <Tag color={m.color} style={{ marginInlineEnd: 0 }}>
        {m.text}
      </Tag>
    </Tooltip>
  );
}

export default function BatchHouseholds({ detail, show }: { detail: BatchDetail; show: (d: Dialog) => void }) {
  const navigate = useStore((s) => s.navigate);
  const [selected, setSelected] = useState<string[]>([]);
  // Buttons for calls the logged-in role may not make are not shown (the archive refuses them anyway).
  const mayDecide = useMay(API.workflows.recordOutcome);
  const mayAdd = useMay(API.workflows.addHouseholds);
  const mayRemove = useMay(API.workflows.removeHousehold);
  const open = detail.status === 'open';
  const running = open && mayDecide ? detail.steps.find((s) => s.status === 'open') : undefined;
  const joinable = open && mayAdd && detail.steps[0]?.status !== 'closed';
  const rows = useMemo(() => detail.households, [detail.households]);
  const chosen = running ? selected.filter((id) => rows.some((h) => h.householdId === id && canDecideAt(h, running.seq))) : [];

  const outcome = (o: Outcome): void => {
    if (running) show({ type: 'outcome', seq: running.seq, outcome: o, householdIds: chosen });
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        {running ? (
          <>
            <Typography.Text>
              登记第{running.seq}步“{running.label}”的结果（已选 {chosen.length} 户）：
            </Typography.Text>
            <Button size="small" type="primary" disabled={!chosen.length} onClick={() => outcome('pass')} data-testid="outcome-pass">
              通过
            </Button>
            <Button size="small" danger disabled={!chosen.length} onClick={() => outcome('fail')} data-testid="outcome-fail">
              不通过
            </Button>
            <Button size="small" disabled={!chosen.length} onClick={() => outcome('return')} data-testid="outcome-return">
              退回
            </Button>
          </>
        ) : (
          <Typography.Text type="secondary">{open ? '开始一个环节后，可在这里勾选农户登记结果。' : '本批次已结束，结果不能再修改。'}</Typography.Text>
        )}
        {joinable && (
          <Button size="small" onClick={() => show({ type: 'add' })} data-testid="add-households">
            加入农户
          </Button>
        )}
        <ExportListButton name={`${detail.title}农户名单`} request={{ kind: 'batch-households', batchId: detail.id }} disabled={!rows.length} testId="export-batch-households" />
      </Space>
      <Table<BatchHouseholdView>
        size="small"
        className="wf-nowrap"
        rowKey="householdId"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        tableLayout="fixed"
        locale={{ emptyText: joinable ? '还没有农户：点“加入农户”按姓名查找，或按条件筛选' : '没有农户' }}
        rowSelection={
          running
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (h) => ({ disabled: !canDecideAt(h, running.seq), 'aria-label': `选择${h.no}` }),
              }
            : undefined
        }
        onRow={() => ({ 'data-testid': 'batch-household' }) as object}
        columns={[
          { title: '户编号', dataIndex: 'no', width: 150, fixed: 'left', sorter: (a, b) => a.no.localeCompare(b.no), render: (no: string, h) => <Typography.Link onClick={() => navigate({ name: 'household', id: h.householdId })}>{no}</Typography.Link> },
          { title: '户主', dataIndex: 'head', width: 70, fixed: 'left', sorter: (a, b) => (a.head ?? '').localeCompare(b.head ?? '', 'zh-CN') },
          { title: '村 / 组', key: 'where', width: 110, ellipsis: true, sorter: (a, b) => `${a.villageName}${a.groupName ?? ''}`.localeCompare(`${b.villageName}${b.groupName ?? ''}`, 'zh-CN'), render: (_: unknown, h) => `${h.villageName}${h.groupName ? ` ${h.groupName}` : ''}` },
          { title: '人数', dataIndex: 'size', width: 50, align: 'right', sorter: (a, b) => a.size - b.size },
          { title: '户状态', dataIndex: 'status', width: 120, render: (s: string) => <StatusTag status={s} /> },
          ...(detail.kindView.choice ? [{ title: detail.kindView.choice.label, dataIndex: 'choice', width: 110 }] : []),
          ...detail.steps.map((s) => ({
            title: <Tooltip title={s.label}>{s.seq}</Tooltip>,
            key: `s${s.seq}`,
            width: 40,
            align: 'center' as const,
            render: (_: unknown, h: BatchHouseholdView) => <OutcomeMark o={h.outcomes[s.seq]} />,
          })),
          { title: '进展', key: 'progress', width: 150, fixed: 'right', ellipsis: true, render: (_: unknown, h) => progressText(h, detail) },
          {
            title: '',
            key: 'ops',
            width: 56,
            fixed: 'right',
            render: (_: unknown, h) =>
              open && mayRemove && h.removedOn == null ? (
                <Button size="small" type="link" onClick={() => show({ type: 'remove', householdId: h.householdId })}>
                  移出
                </Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}
