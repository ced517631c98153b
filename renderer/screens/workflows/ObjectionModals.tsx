// 异议 raised during a publicity step (who, when, about which household, what), and its
// settlement (how it was handled, the result, when). An open objection keeps the step open.
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { BatchDetail, ObjectionView } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import { objectionInputFrom, settleInputFrom } from '../../editor/workflow-forms.ts';
import { canDecideAt } from '../../editor/workflow-households.ts';
import { DateInput, ErrorAlert, Row, errorOf, fieldError } from './shared.tsx';
import type { ShownError } from './shared.tsx';
import type { Done } from './StepModal.tsx';
import { useToday } from '../../hooks/use-today.ts';

interface Props {
  detail: BatchDetail;
  onClose: () => void;
  onDone: (d: Done) => void;
}

export function ObjectionModal({ detail, seq, onClose, onDone }: Props & { seq: number }) {
  const today = useToday();
  const step = detail.steps.find((s) => s.seq === seq)!;
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const [raisedBy, setRaisedBy] = useState('');
  const [raisedOn, setRaisedOn] = useState(today);
  const [content, setContent] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    const c = objectionInputFrom({ householdId, raisedBy, raisedOn, content }, detail.id, seq, today);
    if (!c.ok) {
      setError(fieldError(c));
      return;
    }
    setBusy(true);
    try {
      onDone({ detail: await api.workflows.raiseObjection(c.input), message: '已登记异议：办结前本环节不能完成' });
      onClose();
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={`登记异议：第${seq}步“${step.label}”`} onCancel={onClose} onOk={() => void submit()} okText="登记" confirmLoading={busy} okButtonProps={{ 'data-testid': 'objection-ok' }} width={560}>
      <ErrorAlert error={error} />
      <Form layout="horizontal" labelCol={{ span: 5 }} size="small">
        <Row label="针对农户" field="householdId" error={error} extra="不选则为针对整个名单的异议">
          <Select
            aria-label="异议针对农户"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="整个名单"
            value={householdId ?? undefined}
            onChange={(v: string | undefined) => setHouseholdId(v ?? null)}
            options={detail.households.filter((h) => canDecideAt(h, seq)).map((h) => ({ value: h.householdId, label: `${h.no} ${h.head ?? ''}` }))}
          />
        </Row>
        <Row label="异议人" field="raisedBy" error={error} extra="不填为匿名">
          <Input aria-label="异议人" maxLength={20} value={raisedBy} onChange={(e) => setRaisedBy(e.target.value)} />
        </Row>
        <Row label="提出日期" field="raisedOn" error={error} required>
          <DateInput aria-label="异议提出日期" value={raisedOn} onChange={setRaisedOn} />
        </Row>
        <Row label="异议内容" field="content" error={error} required>
          <Input.TextArea aria-label="异议内容" maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} value={content} onChange={(e) => setContent(e.target.value)} />
        </Row>
      </Form>
    </Modal>
  );
}

export function SettleModal({ detail, objection, onClose, onDone }: Props & { objection: ObjectionView }) {
  const today = useToday();
  const [handling, setHandling] = useState(objection.handling ?? '');
  const [result, setResult] = useState(objection.result ?? '');
  const [settledOn, setSettledOn] = useState(today);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    const c = settleInputFrom({ handling, result, settledOn }, objection.id, objection.raisedOn, today);
    if (!c.ok) {
      setError(fieldError(c));
      return;
    }
    setBusy(true);
    try {
      onDone({ detail: await api.workflows.settleObjection(c.input), message: '异议已办结' });
      onClose();
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={`办结异议（${detail.title}）`} onCancel={onClose} onOk={() => void submit()} okText="办结" confirmLoading={busy} okButtonProps={{ 'data-testid': 'settle-ok' }} width={560}>
      <ErrorAlert error={error} />
      <Typography.Paragraph>
        {objection.raisedBy ?? '匿名'}（{objection.raisedOn}）{objection.household ? `针对 ${objection.household}` : ''}：{objection.content}
      </Typography.Paragraph>
      <Form layout="horizontal" labelCol={{ span: 5 }} size="small">
        <Row label="处理情况" field="handling" error={error} required>
          <Input.TextArea aria-label="处理情况" maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} placeholder="谁、何时、怎样核实的" value={handling} onChange={(e) => setHandling(e.target.value)} />
        </Row>
        <Row label="处理结果" field="result" error={error} required>
          <Input aria-label="处理结果" maxLength={500} placeholder="如“异议不成立”“异议成立，该户不予认定”" value={result} onChange={(e) => setResult(e.target.value)} />
        </Row>
        <Row label="办结日期" field="settledOn" error={error} required>
          <DateInput aria-label="办结日期" value={settledOn} onChange={setSettledOn} />
        </Row>
      </Form>
    </Modal>
  );
}
