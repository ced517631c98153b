// One batch: what is due and what blocks the next step, the step timeline, the households with
// their outcomes, objections, meetings, decisions and (脱贫退出) the exit check. Every write
// answers with the fresh batch, shown at once.
import { Alert, App, Badge, Button, Card, Col, Row, Space, Tabs, Tag, Typography } from 'antd';
import { BatchReviewResults } from '../exchange/ReviewResults.tsx';
import { useState } from 'react';
import { API } from '../../../shared/api/index.ts';
import { START_DATE_ACTION } from '../../../shared/workflows/index.ts';
import type { BatchDetail } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import QueryState from '../../components/QueryState.tsx';
import { batchPapers } from '../../editor/paper-print.ts';
import { openObjections } from '../../editor/workflow-timeline.ts';
import PaperButtons from '../documents/PaperButtons.tsx';
import { useQuery } from '../../hooks/use-query.ts';
import { useMay } from '../../hooks/use-may.ts';
import { useStore } from '../../store/index.ts';
import AddHouseholdsModal from './AddHouseholdsModal.tsx';
import BatchHouseholds from './BatchHouseholds.tsx';
import { DecisionsTab, ExitCheckTab, MeetingsTab, ObjectionsTab } from './BatchRecords.tsx';
import { DecisionModal, RemoveModal } from './DecisionModals.tsx';
import type { Dialog } from './dialogs.ts';
import MeetingModal from './MeetingModal.tsx';
import { ObjectionModal, SettleModal } from './ObjectionModals.tsx';
import OutcomeModal from './OutcomeModal.tsx';
import StartModal from './StartModal.tsx';
import StepModal from './StepModal.tsx';
import type { Done } from './StepModal.tsx';
import { DueBanner, StepTimeline } from './Timeline.tsx';

function Dialogs({ dialog, detail, close, done, show }: { dialog: Dialog | null; detail: BatchDetail; close: () => void; done: (d: Done) => void; show: (d: Dialog) => void }) {
  if (!dialog) return null;
  const common = { detail, onClose: close, onDone: done };
  switch (dialog.type) {
    case 'open':
    case 'close':
      return (
        <StepModal
          {...common}
          kind={dialog.type}
          seq={dialog.seq}
          date={dialog.date ?? null}
          onStart={(date) => show({ type: 'start', date, then: { type: 'open', seq: dialog.seq, date } })}
          onDone={(d) => { done(d); close(); }}
        />
      );
    case 'start': {
      const then = dialog.then;
      return <StartModal {...common} date={dialog.date} onDone={(d) => { done(d); if (then) show(then); else close(); }} />;
    }
    case 'outcome':
      return <OutcomeModal {...common} seq={dialog.seq} outcome={dialog.outcome} householdIds={dialog.householdIds} onDone={(d) => { done(d); close(); }} />;
    case 'add':
      return <AddHouseholdsModal {...common} />;
    case 'remove':
      return <RemoveModal {...common} householdId={dialog.householdId} />;
    case 'meeting':
      return <MeetingModal {...common} seq={dialog.seq} meeting={dialog.meeting} />;
    case 'objection':
      return <ObjectionModal {...common} seq={dialog.seq} />;
    case 'settle':
      return <SettleModal {...common} objection={dialog.objection} />;
    case 'decision':
      return <DecisionModal {...common} action={dialog.action} />;
  }
}

function Header({ d, show }: { d: BatchDetail; show: (x: Dialog) => void }) {
  const navigate = useStore((s) => s.navigate);
  // Reopening takes back the last completed step, only while the step after it has not begun.
  const lastClosed = d.steps.filter((s) => s.status === 'closed').at(-1);
  const mayDecide = useMay(API.workflows.reopen);
  const canReopen = mayDecide && (d.status === 'closed' || (d.status === 'open' && lastClosed != null && d.steps.find((s) => s.seq === lastClosed.seq + 1)?.status === 'pending'));
  return (
    <Space wrap>
      <Button onClick={() => navigate({ name: 'batches' })}>← 流程批次</Button>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="batch-title">
        {d.title}
      </Typography.Title>
      <Tag color="blue">{d.kindLabel}</Tag>
      <Tag>{d.year}年</Tag>
      <Tag>{d.village ?? '全镇'}</Tag>
      <Tag color={d.status === 'open' ? 'processing' : d.status === 'closed' ? 'success' : 'default'} data-testid="batch-status">
        {d.statusLabel}
      </Tag>
      <Typography.Text type="secondary" data-testid="batch-start">
        {d.householdCount} 户 · 实际开始日期 {d.createdOn}
      </Typography.Text>
      {mayDecide && d.status === 'open' && (
        <Button size="small" onClick={() => show({ type: 'start', date: null, then: null })} data-testid="batch-start-edit" title="纸质流程已提前进行时，改为实际开始的日期">
          {START_DATE_ACTION}
        </Button>
      )}
      {canReopen && (
        <Button size="small" onClick={() => show({ type: 'decision', action: 'reopen' })} data-testid="reopen-batch">
          重新开启…
        </Button>
      )}
      {mayDecide && d.status === 'open' && (
        <Button size="small" danger onClick={() => show({ type: 'decision', action: 'cancel' })}>
          撤销批次…
        </Button>
      )}
    </Space>
  );
}

function Page({ detail, show }: { detail: BatchDetail; show: (d: Dialog) => void }) {
  const objections = detail.steps.reduce((n, s) => n + openObjections(s), 0);
  const tabs = [
    { key: 'households', label: `农户（${detail.householdCount}）`, children: <BatchHouseholds detail={detail} show={show} /> },
    { key: 'objections', label: <Badge count={objections} size="small" offset={[8, 0]}>异议</Badge>, children: <ObjectionsTab detail={detail} show={show} /> },
    ...(detail.steps.some((s) => s.meeting) ? [{ key: 'meetings', label: '评议会议', children: <MeetingsTab detail={detail} show={show} /> }] : []),
    { key: 'decisions', label: '决定记录', children: <DecisionsTab detail={detail} /> },
    ...(detail.kindView.exitCheck ? [{ key: 'exit', label: '退出核查', children: <ExitCheckTab detail={detail} /> }] : []),
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="batch-page">
      <Header d={detail} show={show} />
      <Space wrap>
        <Typography.Text type="secondary">打印本批次：</Typography.Text>
        <PaperButtons papers={batchPapers(detail)} testId="batch-papers" />
      </Space>
      {detail.quota.filter((q) => q.message).map((q) => (
        <Alert key={q.villageId} type="error" showIcon title={`超规模：${q.message ?? ''}`} data-testid="batch-quota" />
      ))}
      <DueBanner detail={detail} show={show} />
      <BatchReviewResults batchId={detail.id} />
      <Row gutter={16}>
        <Col xs={24} xl={9}>
          <Card size="small" title={`环节（${detail.kindView.label}，公示不少于${detail.kindView.publicityDays}天）`}>
            <StepTimeline detail={detail} show={show} />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card size="small">
            <Tabs items={tabs} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

export default function BatchPage({ id }: { id: string }) {
  const { message } = App.useApp();
  const refreshLastAudit = useStore((s) => s.refreshLastAudit);
  const markListStale = useStore((s) => s.markListStale);
  const query = useQuery(() => api.workflows.get({ id }), [id]);
  const [fresh, setFresh] = useState<BatchDetail | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const done = (d: Done): void => {
    setFresh(d.detail);
    void message.success(d.message);
    markListStale();
    void refreshLastAudit();
  };
  return (
    <QueryState query={query}>
      {(loaded) => {
        const detail = fresh ?? loaded;
        return (
          <>
            <Page detail={detail} show={setDialog} />
            <Dialogs dialog={dialog} detail={detail} close={() => setDialog(null)} done={done} show={setDialog} />
          </>
        );
      }}
    </QueryState>
  );
}
