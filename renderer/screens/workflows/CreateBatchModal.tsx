// 新建批次: kind, year, villages (none = the whole township), the day the procedure really began
// (earlier when it was already under way on paper), a title
// (the archive names it when left blank). Opens the new batch's page.
import { Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { KINDS } from '../../../shared/workflows/index.ts';
import { api } from '../../api.ts';
import { createInputFrom } from '../../editor/workflow-forms.ts';
import type { CreateValues } from '../../editor/workflow-forms.ts';
import { useToday } from '../../hooks/use-today.ts';
import { useStore } from '../../store/index.ts';
import { KIND_OPTIONS } from './options.ts';
import { DateInput, ErrorAlert, Row, errorOf, fieldError } from './shared.tsx';
import { START_HINT } from './StartModal.tsx';
import type { ShownError } from './shared.tsx';

const blank = (today: string): CreateValues => ({ kind: null, year: Number(today.slice(0, 4)), villageIds: [], createdOn: today, title: '' });

export default function CreateBatchModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const today = useToday();
  const villages = useStore((s) => s.villages);
  const [v, setV] = useState<CreateValues>(() => blank(today));
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setV(blank(today));
      setError(null);
    }
  }, [open, today]);
  const set = (patch: Partial<CreateValues>): void => setV((x) => ({ ...x, ...patch }));

  const submit = async (): Promise<void> => {
    const c = createInputFrom(v, today);
    if (!c.ok) {
      setError(fieldError(c));
      return;
    }
    setBusy(true);
    try {
      const d = await api.workflows.create(c.input);
      onClose();
      onCreated(d.id);
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  };

  const def = v.kind ? KINDS[v.kind] : null;
  return (
    <Modal open={open} title="新建批次" onCancel={onClose} onOk={() => void submit()} okText="建立" confirmLoading={busy} okButtonProps={{ 'data-testid': 'create-batch-ok' }} destroyOnHidden width={560}>
      <ErrorAlert error={error} />
      <Form layout="horizontal" labelCol={{ span: 5 }} size="small">
        <Row label="程序类型" field="kind" error={error} required>
          <Select aria-label="新批次程序类型" autoFocus placeholder="请选择" value={v.kind ?? undefined} onChange={(kind) => set({ kind })} options={KIND_OPTIONS} />
        </Row>
        {def && (
          <Typography.Paragraph type="secondary" style={{ marginLeft: '21%', fontSize: 12 }}>
            {def.steps.map((s, i) => `${i + 1}.${s.label}`).join(' → ')}
          </Typography.Paragraph>
        )}
        <Row label="年度" field="year" error={error} required>
          <InputNumber aria-label="新批次年度" min={2000} max={2100} precision={0} value={v.year} onChange={(year) => set({ year })} />
        </Row>
        <Row label="行政村" field="villageIds" error={error} extra="不选则为全镇批次">
          <Select
            aria-label="新批次行政村"
            mode="multiple"
            allowClear
            placeholder="全镇"
            showSearch={{ optionFilterProp: 'label' }}
            value={v.villageIds}
            onChange={(villageIds) => set({ villageIds })}
            options={villages.map((x) => ({ value: x.id, label: x.name }))}
          />
        </Row>
        <Row label="实际开始日期" field="createdOn" error={error} required extra={START_HINT}>
          <DateInput aria-label="本批次实际开始日期" value={v.createdOn} onChange={(createdOn) => set({ createdOn })} />
        </Row>
        <Row label="批次名称" field="title" error={error}>
          <Input aria-label="新批次名称" maxLength={100} placeholder="可不填，自动命名，如“青山村2026年贫困户识别”" value={v.title} onChange={(e) => set({ title: e.target.value })} />
        </Row>
      </Form>
    </Modal>
  );
}
