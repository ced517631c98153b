// The batch page's step timeline and, above it, what is due and what blocks the next step —
// the archive's own reasons and the day from which it becomes possible.
import { Alert, Button, Space, Steps, Tag, Typography } from 'antd';
import { API } from '../../../shared/api/index.ts';
import type { BatchDetail, StepView } from '../../../shared/api/index.ts';
import { useMay } from '../../hooks/use-may.ts';
import { countsText, dueOf, openObjections, stepDates, stepVisual } from '../../editor/workflow-timeline.ts';
import Attachments from './Attachments.tsx';
import type { Dialog } from './dialogs.ts';

const STEP_COLORS = { pending: 'default', open: 'processing', closed: 'success' } as const;

export function DueBanner({ detail, show }: { detail: BatchDetail; show: (d: Dialog) => void }) {
  const due = dueOf(detail);
  const mayWork = useMay(API.workflows.closeStep);
  const a = mayWork ? due.action : null;
  return (
    <Alert
      type={due.tone}
      showIcon
      data-testid="batch-due"
      title={<Typography.Text strong style={{ fontSize: 16 }}>{due.headline}</Typography.Text>}
      description={
        due.blockers.length || due.fromText ? (
          <>
            {due.blockers.map((b) => (
              <div key={b} data-testid="batch-blocker">
                · {b}
              </div>
            ))}
            {due.fromText && <Typography.Text strong>{due.fromText}</Typography.Text>}
          </>
        ) : undefined
      }
      action={
        a && (
          <Button type="primary" disabled={!a.enabled} onClick={() => show({ type: a.kind, seq: a.seq })} data-testid="due-action">
            {a.kind === 'open' ? `开始第${a.seq}步` : `完成第${a.seq}步`}
          </Button>
        )
      }
    />
  );
}

function StepBody({ step, detail, show }: { step: StepView; detail: BatchDetail; show: (d: Dialog) => void }) {
  // A role that may not work the steps sees them, without the buttons (the archive refuses them anyway).
  const mayWork = useMay(API.workflows.closeStep);
  const live = detail.status === 'open' && step.status === 'open' && mayWork;
  const dates = stepDates(step, detail.kindView.publicityDays);
  const unsettled = openObjections(step);
  return (
    <div style={{ paddingBottom: 8 }} data-testid={`step-${step.seq}`}>
      {dates && <div>{dates}</div>}
      {step.postedAt && <div>张贴于：{step.postedAt}</div>}
      {step.status !== 'pending' && (
        <div>
          <Typography.Text type="secondary">{countsText(step)}</Typography.Text>
        </div>
      )}
      {step.meetings.map((m) => (
        <div key={m.id}>
          评议会议 {m.heldOn}：到会 {m.attendeesCount ?? '?'}/{m.entitledCount ?? '?'} 人 <Tag color={m.valid ? 'green' : 'red'}>{m.valid ? '有效' : '不足三分之二'}</Tag>
        </div>
      ))}
      {step.objections.length > 0 && (
        <div>
          异议 {step.objections.length} 条{unsettled ? <Typography.Text type="danger">（{unsettled} 条未办结）</Typography.Text> : '（均已办结）'}
        </div>
      )}
      {step.note && <Typography.Text type="secondary">备注：{step.note}</Typography.Text>}
      {step.publicity && step.status !== 'pending' && (
        <div style={{ marginTop: 4 }}>
          <Attachments ownerTable="batch_steps" ownerId={step.id} what="公示照片" canAdd={detail.status !== 'cancelled'} />
        </div>
      )}
      {live && (
        <Space wrap size={4} style={{ marginTop: 6 }}>
          {step.meeting && (
            <Button size="small" onClick={() => show({ type: 'meeting', seq: step.seq, meeting: null })} data-testid="record-meeting">
              记录评议会议
            </Button>
          )}
          {step.publicity && (
            <Button size="small" onClick={() => show({ type: 'objection', seq: step.seq })} data-testid="raise-objection">
              登记异议
            </Button>
          )}
          <Button size="small" type={step.gate.canClose ? 'primary' : 'default'} onClick={() => show({ type: 'close', seq: step.seq })} data-testid={`close-step-${step.seq}`}>
            完成本环节
          </Button>
        </Space>
      )}
    </div>
  );
}

export function StepTimeline({ detail, show }: { detail: BatchDetail; show: (d: Dialog) => void }) {
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={detail.currentStep ? detail.currentStep.seq - 1 : detail.steps.length}
      items={detail.steps.map((s) => ({
        key: s.id,
        status: stepVisual(s, detail),
        title: (
          <Space size={6}>
            <span>{s.label}</span>
            <Tag color={STEP_COLORS[s.status]}>{s.statusLabel}</Tag>
            {s.publicity && <Tag>公示</Tag>}
            {s.meeting && <Tag>评议</Tag>}
          </Space>
        ),
        content: <StepBody step={s} detail={detail} show={show} />,
      }))}
    />
  );
}
