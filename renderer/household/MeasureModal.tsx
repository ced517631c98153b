// 添加 / 修改帮扶措施: the form in 元 and text dates, checked here, then saved to the archive.
import { Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { HelperView } from '../../shared/api/index.ts';
import { labelsOf } from '../../shared/code-lists/index.ts';
import type { MeasureRecord } from '../../shared/records.ts';
import { api } from '../api.ts';
import { helperOptions, measureFormField, measureFormFrom, measureInputFrom } from '../editor/measure-form.ts';
import type { MeasureFormValues } from '../editor/measure-form.ts';
import type { HelpRun } from './use-help.ts';
import { useThisYear } from '../hooks/use-today.ts';

const CATEGORY_OPTIONS = labelsOf('measureCategory').map((l) => ({ value: l, label: l }));

export default function MeasureModal(props: {
  open: boolean;
  /** The measure to change; null adds a new one. */
  measure: MeasureRecord | null;
  householdId: string;
  helpers: HelperView[];
  run: HelpRun;
  onClose: () => void;
}) {
  const { open, measure } = props;
  const [form] = Form.useForm<MeasureFormValues>();
  const [busy, setBusy] = useState(false);
  const thisYear = useThisYear();

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(measureFormFrom(measure, thisYear));
    }
  }, [open, measure, form, thisYear]);

  const submit = async (): Promise<void> => {
    const conv = measureInputFrom(form.getFieldsValue(true) as MeasureFormValues, props.householdId, measure?.id ?? null);
    if (!conv.ok) {
      form.setFields([{ name: conv.field, errors: [conv.message] }]);
      return;
    }
    setBusy(true);
    const saved = await props.run(
      () => api.help.saveMeasure(conv.input),
      measure ? '已修改帮扶措施' : '已添加帮扶措施',
      (e) => {
        const field = measureFormField(e.field);
        if (field) form.setFields([{ name: field, errors: [e.message] }]);
      },
    );
    setBusy(false);
    if (saved) props.onClose();
  };

  const clear = (name: keyof MeasureFormValues) => () => form.setFields([{ name, errors: [] }]);
  const date = { placeholder: 'YYYY-MM-DD', maxLength: 10, style: { width: 140 } };

  return (
    <Modal
      open={open}
      title={measure ? '修改帮扶措施' : '添加帮扶措施'}
      onCancel={props.onClose}
      width={560}
      footer={[
        <Button key="cancel" onClick={props.onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => void submit()} data-testid="measure-save">
          保存
        </Button>,
      ]}
    >
      <Form form={form} layout="horizontal" labelCol={{ span: 5 }} size="small" autoComplete="off">
        <Form.Item name="year" label="年度" required>
          <InputNumber aria-label="帮扶措施年度" min={2000} max={2100} precision={0} onChange={clear('year')} />
        </Form.Item>
        <Form.Item name="category" label="类别" required>
          <Select aria-label="帮扶措施类别" placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} options={CATEGORY_OPTIONS} onChange={clear('category')} />
        </Form.Item>
        <Form.Item name="content" label="内容">
          <Input.TextArea aria-label="帮扶内容" maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} onChange={clear('content')} />
        </Form.Item>
        <Form.Item name="startOn" label="开始日期">
          <Input aria-label="帮扶措施开始日期" {...date} onChange={clear('startOn')} />
        </Form.Item>
        <Form.Item name="endOn" label="结束日期">
          <Input aria-label="帮扶措施结束日期" {...date} onChange={clear('endOn')} />
        </Form.Item>
        <Form.Item name="amount" label="金额（元）">
          <Input aria-label="帮扶金额" suffix="元" style={{ width: 180 }} placeholder="可不填" onChange={clear('amount')} />
        </Form.Item>
        <Form.Item name="result" label="成效">
          <Input aria-label="帮扶成效" maxLength={200} onChange={clear('result')} />
        </Form.Item>
        <Form.Item name="helperId" label="帮扶责任人">
          <Select
            aria-label="帮扶措施责任人"
            allowClear
            placeholder="可不填"
            showSearch={{ optionFilterProp: 'label' }}
            options={helperOptions(props.helpers)}
            onChange={clear('helperId')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
