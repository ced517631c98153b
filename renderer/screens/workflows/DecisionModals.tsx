// Recorded decisions: reopening the last completed step (undoing an announcement's status
// changes, with history) or cancelling the batch; and taking one household out of the batch.
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { BatchDetail } from '../../../shared/api/index.ts';
import type { DecisionAction } from '../../../shared/workflows/index.ts';
import { api } from '../../api.ts';
import { decisionInputFrom, removeInputFrom } from '../../editor/workflow-forms.ts';
import { DateInput, ErrorAlert, Row, errorOf, fieldError } from './shared.tsx';
import type { ShownError } from './shared.tsx';
import type { Done } from './StepModal.tsx';
import { useToday } from '../../hooks/use-today.ts';

interface Props {
  detail: BatchDetail;
  onClose: () => void;
  onDone: (d: Done) => void;
}

function reopenEffect(d: BatchDetail): string {
  const last = d.steps.filter((s) => s.status === 'closed').at(-1);
  if (!last) return '本批次还没有完成任何环节，不需要重新开启。';
  const what = `重新开启第${last.seq}步“${last.label}”`;
  return d.status === 'closed' ? `${what}，并撤回公告时改变的户状态（各户状态记录中留下撤回记录；公告后已有变动的户会被拒绝）。` : `${what}，可更正该环节的结果后再完成。`;
}

export function DecisionModal({ detail, action, onClose, onDone }: Props & { action: DecisionAction }) {
  const today = useToday();
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const [decidedOn, setDecidedOn] = useState(today);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const reopen = action === 'reopen';

  const submit = async (): Promise<void> => {
    const c = decisionInputFrom({ decision, reason, decidedOn }, detail.id, today);
    if (!c.ok) {
      setError(fieldError(c));
      return;
    }
    setBusy(true);
    try {
      const d = reopen ? await api.workflows.reopen(c.input) : await api.workflows.cancel(c.input);
      onDone({ detail: d, message: reopen ? '已按决定重新开启' : '已按决定撤销本批次' });
      onClose();
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={reopen ? '重新开启（须有记录的决定）' : '撤销批次（须有记录的决定）'} onCancel={onClose} onOk={() => void submit()} okText={reopen ? '重新开启' : '撤销批次'} okButtonProps={{ danger: !reopen, 'data-testid': 'decision-ok' }} confirmLoading={busy} width={580}>
      <ErrorAlert error={error} />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={reopen ? reopenEffect(detail) : '撤销后本批次停止办理，已登记的记录保留；各户可以加入新的批次。'} />
      <Form layout="horizontal" labelCol={{ span: 5 }} size="small">
        <Row label="决定" field="decision" error={error} required>
          <Input aria-label="决定文号或会议" maxLength={200} placeholder="文号或会议名称，如“青山镇党委会议纪要〔2026〕12号”" value={decision} onChange={(e) => setDecision(e.target.value)} />
        </Row>
        <Row label="理由" field="reason" error={error} required>
          <Input.TextArea aria-label="决定理由" maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Row>
        <Row label="决定日期" field="decidedOn" error={error} required>
          <DateInput aria-label="决定日期" value={decidedOn} onChange={setDecidedOn} />
        </Row>
      </Form>
    </Modal>
  );
}

export function RemoveModal({ detail, householdId, onClose, onDone }: Props & { householdId: string }) {
  const today = useToday();
  const h = detail.households.find((x) => x.householdId === householdId)!;
  const [on, setOn] = useState(today);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    const c = removeInputFrom({ on, reason }, detail.id, householdId, today);
    if (!c.ok) {
      setError(fieldError(c));
      return;
    }
    setBusy(true);
    try {
      onDone({ detail: await api.workflows.removeHousehold(c.input), message: `已将 ${h.no} 移出本批次` });
      onClose();
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={`移出本批次：${h.no} ${h.head ?? ''}`} onCancel={onClose} onOk={() => void submit()} okText="移出" okButtonProps={{ danger: true, 'data-testid': 'remove-ok' }} confirmLoading={busy} width={520}>
      <ErrorAlert error={error} />
      <Form layout="horizontal" labelCol={{ span: 5 }} size="small">
        <Row label="移出日期" field="on" error={error} required>
          <DateInput aria-label="移出日期" value={on} onChange={setOn} />
        </Row>
        <Row label="移出理由" field="reason" error={error} required>
          <Input.TextArea aria-label="移出理由" maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Row>
      </Form>
    </Modal>
  );
}
