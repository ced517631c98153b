// 开始 / 完成 one step: the date (and, for a publicity step, where the notice is posted, with the
// period it will run), what the archive says stands in the way today, and — when the step
// cannot be done on the date given — the archive's refusal as it comes.
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { BatchDetail } from '../../../shared/api/index.ts';
import { addDays, chineseDate } from '../../../shared/dates.ts';
import { START_DATE_ACTION } from '../../../shared/workflows/index.ts';
import { api } from '../../api.ts';
import { isIsoDate } from '../../editor/measure-form.ts';
import { closeInputFrom, openInputFrom } from '../../editor/workflow-forms.ts';
import { plannedPeriod } from '../../editor/workflow-timeline.ts';
import { DateInput, ErrorAlert, Row, errorOf, fieldError } from './shared.tsx';
import type { ShownError } from './shared.tsx';
import { useToday } from '../../hooks/use-today.ts';

export interface Done {
  detail: BatchDetail;
  message: string;
}

function lastStepNote(d: BatchDetail): string {
  const going = d.households.filter((h) => h.active).length;
  return `这是最后一步：完成即公告，通过全部环节的 ${going} 户将按“${d.kindView.label}”改变状态，并在状态记录中注明本批次。`;
}

interface Props {
  detail: BatchDetail;
  kind: 'open' | 'close';
  seq: number;
  /** The date to start from (the paper date, back from 修改开始日期); else today. */
  date: string | null;
  /** Opens 修改开始日期 with the refused date (a first step before the batch's start). */
  onStart: (date: string) => void;
  onClose: () => void;
  onDone: (d: Done) => void;
}

export default function StepModal({ detail, kind, seq, date: initial, onStart, onClose, onDone }: Props) {
  const today = useToday();
  const step = detail.steps.find((s) => s.seq === seq)!;
  const [date, setDate] = useState(initial ?? today);
  const [postedAt, setPostedAt] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setError(null), [date, postedAt]);
  const opening = kind === 'open';
  const name = `第${seq}步“${step.label}”`;
  const minDays = step.minDays ?? detail.kindView.publicityDays;

  const submit = async (): Promise<void> => {
    setBusy(true);
    try {
      if (opening) {
        const c = openInputFrom({ startedOn: date, postedAt, note }, detail.id, seq, step.publicity, today);
        if (!c.ok) {
          setError(fieldError(c));
          return;
        }
        onDone({ detail: await api.workflows.openStep(c.input), message: `${name}已开始` });
      } else {
        const c = closeInputFrom({ closedOn: date, note }, detail.id, seq, today);
        if (!c.ok) {
          setError(fieldError(c));
          return;
        }
        const r = await api.workflows.closeStep(c.input);
        const applied = r.applied.length ? `；已公告，${r.applied.length} 户状态已改变：${r.applied.map((a) => a.household).join('、')}` : '';
        onDone({ detail: r.detail, message: `${name}已完成${r.implied ? `，${r.implied} 户随环节完成登记结果` : ''}${applied}` });
      }
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  };

  const period = opening && step.publicity && isIsoDate(date.trim()) ? plannedPeriod(date.trim(), minDays) : null;
  const gateNote = step.gate.blockers.length > 0 ? step.gate.blockers : null;
  // Refused for a first step before the batch's start: offer the way a procedure done on paper goes on.
  const typed = date.trim();
  const beforeStart = opening && error != null && seq === 1 && isIsoDate(typed) && typed < detail.createdOn;
  return (
    <Modal open title={`${opening ? '开始' : '完成'}${name}`} onCancel={onClose} onOk={() => void submit()} okText={opening ? '开始' : '完成'} confirmLoading={busy} okButtonProps={{ 'data-testid': 'step-ok' }} width={600}>
      <ErrorAlert error={error} />
      {beforeStart && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => onStart(typed)} data-testid="step-move-start">
          {START_DATE_ACTION}：把本批次实际开始日期改为 {typed}
        </Button>
      )}
      {gateNote && !error && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`按今天（${detail.asOf}）计：`} description={gateNote.map((b) => <div key={b}>· {b}</div>)} />}
      {!opening && step.publicity && step.endsOn && (
        <Typography.Paragraph>
          公示期 {chineseDate(step.startedOn ?? step.endsOn)} 至 {chineseDate(step.endsOn)}，期满后（{chineseDate(addDays(step.endsOn, 1))}起）且异议全部办结才能完成。
        </Typography.Paragraph>
      )}
      {!opening && seq === detail.steps.length && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={lastStepNote(detail)} />}
      <Form layout="horizontal" labelCol={{ span: 5 }} size="small">
        <Row label={opening ? '开始日期' : '完成日期'} field={opening ? 'startedOn' : 'closedOn'} error={error} required>
          <DateInput aria-label={opening ? '开始日期' : '完成日期'} value={date} onChange={setDate} />
        </Row>
        {opening && step.publicity && (
          <Row label="张贴地点" field="postedAt" error={error} required extra={period ? `公示期 ${chineseDate(date.trim())} 至 ${chineseDate(period.end)}（不少于${minDays}天），${chineseDate(period.closableFrom)}起可以完成` : `公示不少于${minDays}天`}>
            <Input aria-label="张贴地点" maxLength={100} placeholder="如“青山村村务公开栏”" value={postedAt} onChange={(e) => setPostedAt(e.target.value)} />
          </Row>
        )}
        <Row label="备注" field="note" error={error}>
          <Input.TextArea aria-label="环节备注" maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} value={note} onChange={(e) => setNote(e.target.value)} />
        </Row>
      </Form>
    </Modal>
  );
}
