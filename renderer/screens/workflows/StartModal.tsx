// 修改开始日期: the day the batch's procedure really began. A procedure already done on paper is
// recorded with its paper dates; the first step may not precede the batch's start, so the start
// moves back first (audited, with an optional reason). Opened from the batch header, or from a
// step refused for a date before the start — then the step form comes back with that date.
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { BatchDetail } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import { startInputFrom } from '../../editor/workflow-forms.ts';
import { useToday } from '../../hooks/use-today.ts';
import { DateInput, ErrorAlert, Row, errorOf, fieldError } from './shared.tsx';
import type { ShownError } from './shared.tsx';
import type { Done } from './StepModal.tsx';

export const START_HINT = '纸质流程已进行时，填写实际开始的日期（如受理农户申请之日）；以后也可在批次页“修改开始日期”';

export default function StartModal({ detail, date, onClose, onDone }: { detail: BatchDetail; date: string | null; onClose: () => void; onDone: (d: Done) => void }) {
  const today = useToday();
  const [createdOn, setCreatedOn] = useState(date ?? detail.createdOn);
  const [reason, setReason] = useState(date ? `纸质流程已于 ${date} 开始办理` : '');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    const c = startInputFrom({ createdOn, reason }, detail.id, today);
    if (!c.ok) {
      setError(fieldError(c));
      return;
    }
    setBusy(true);
    try {
      onDone({ detail: await api.workflows.setStart(c.input), message: `本批次实际开始日期已改为 ${c.input.createdOn}` });
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title="修改本批次实际开始日期" onCancel={onClose} onOk={() => void submit()} okText="保存" confirmLoading={busy} okButtonProps={{ 'data-testid': 'start-ok' }} width={580}>
      <ErrorAlert error={error} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`现为 ${detail.createdOn}。第1步不能早于这一天；纸质流程已提前进行的，把它改为实际开始的日期，再按纸质记录的日期登记各环节。修改记入修改记录。`}
      />
      <Form layout="horizontal" labelCol={{ span: 6 }} size="small">
        <Row label="实际开始日期" field="createdOn" error={error} required extra="不能晚于今天，也不能晚于已登记的第1步开始日期和农户加入日期">
          <DateInput aria-label="本批次实际开始日期" value={createdOn} onChange={setCreatedOn} />
        </Row>
        <Row label="修改原因" field="reason" error={error}>
          <Input aria-label="修改原因" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Row>
      </Form>
    </Modal>
  );
}
