// 通过 / 不通过 / 退回 for the ticked households at one step, with reason, date and who decided.
import { Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import type { BatchDetail } from '../../../shared/api/index.ts';
import { OUTCOME_LABELS } from '../../../shared/workflows/index.ts';
import type { Outcome } from '../../../shared/workflows/index.ts';
import { api } from '../../api.ts';
import { outcomeInputFrom } from '../../editor/workflow-forms.ts';
import { DateInput, ErrorAlert, Row, errorOf, fieldError } from './shared.tsx';
import type { ShownError } from './shared.tsx';
import type { Done } from './StepModal.tsx';
import { useToday } from '../../hooks/use-today.ts';

export default function OutcomeModal(props: { detail: BatchDetail; seq: number; outcome: Outcome; householdIds: string[]; onClose: () => void; onDone: (d: Done) => void }) {
  const today = useToday();
  const { detail, seq, householdIds } = props;
  const step = detail.steps.find((s) => s.seq === seq)!;
  const [outcome, setOutcome] = useState<Outcome>(props.outcome);
  const [reason, setReason] = useState('');
  const [decidedOn, setDecidedOn] = useState(today);
  const [decidedBy, setDecidedBy] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const names = detail.households.filter((h) => householdIds.includes(h.householdId)).map((h) => `${h.no} ${h.head ?? ''}`.trim());

  const submit = async (): Promise<void> => {
    const c = outcomeInputFrom({ outcome, reason, decidedOn, decidedBy }, detail.id, seq, householdIds, today);
    if (!c.ok) {
      setError(fieldError(c));
      return;
    }
    setBusy(true);
    try {
      const d = await api.workflows.recordOutcome(c.input);
      props.onDone({ detail: d, message: `已登记第${seq}步“${step.label}”：${householdIds.length} 户${OUTCOME_LABELS[outcome]}` });
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={`登记第${seq}步“${step.label}”的结果`} onCancel={props.onClose} onOk={() => void submit()} okText="登记" confirmLoading={busy} okButtonProps={{ 'data-testid': 'outcome-ok' }} width={560}>
      <ErrorAlert error={error} />
      <Typography.Paragraph>
        {householdIds.length} 户：{names.slice(0, 8).join('、')}
        {names.length > 8 ? ' 等' : ''}
      </Typography.Paragraph>
      <Form layout="horizontal" labelCol={{ span: 5 }} size="small">
        <Row label="结果" field="outcome" error={error} required>
          <Radio.Group value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)} optionType="button" buttonStyle="solid" options={(['pass', 'fail', 'return'] as const).map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))} />
        </Row>
        <Row label="理由" field="reason" error={error} required={outcome !== 'pass'}>
          <Input.TextArea aria-label="结果理由" maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} placeholder={outcome === 'pass' ? '可不填' : '不通过或退回必须写明理由'} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Row>
        <Row label="日期" field="decidedOn" error={error} required>
          <DateInput aria-label="结果日期" value={decidedOn} onChange={setDecidedOn} />
        </Row>
        <Row label="决定人或单位" field="decidedBy" error={error}>
          <Input aria-label="决定人或单位" maxLength={50} placeholder="如“驻村工作队”“乡镇审核组”" value={decidedBy} onChange={(e) => setDecidedBy(e.target.value)} />
        </Row>
      </Form>
    </Modal>
  );
}
