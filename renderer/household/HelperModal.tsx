// 新增帮扶责任人: a small form saved straight to the archive; the caller then picks the new helper.
import { Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { HelperView } from '../../shared/api/index.ts';
import { api } from '../api.ts';
import type { HelpRun } from './use-help.ts';

export const UNIT_LEVELS = ['中央', '省', '市', '县', '乡镇', '村', '部队', '其他'];

interface HelperFormValues {
  name: string;
  unit?: string;
  unitLevel?: string;
  post?: string;
  phone?: string;
}

const orNull = (s: string | undefined): string | null => (s && s.trim() !== '' ? s.trim() : null);
const FIELDS = new Set(['name', 'unit', 'unitLevel', 'post', 'phone']);

export default function HelperModal(props: { open: boolean; run: HelpRun; onClose: () => void; onSaved: (h: HelperView) => void }) {
  const [form] = Form.useForm<HelperFormValues>();
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    let v: HelperFormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    const input = { id: null, name: v.name.trim(), unit: orNull(v.unit), unitLevel: orNull(v.unitLevel), post: orNull(v.post), phone: orNull(v.phone) };
    const saved = await props.run(
      () => api.help.saveHelper(input),
      `已添加帮扶责任人：${input.name}`,
      (e) => {
        if (e.field && FIELDS.has(e.field)) form.setFields([{ name: e.field as keyof HelperFormValues, errors: [e.message] }]);
      },
    );
    setBusy(false);
    if (saved) props.onSaved(saved);
  };

  return (
    <Modal
      open={props.open}
      title="新增帮扶责任人"
      onCancel={props.onClose}
      afterOpenChange={(open) => {
        if (!open) form.resetFields();
      }}
      footer={[
        <Button key="cancel" onClick={props.onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => void submit()} data-testid="helper-save">
          保存
        </Button>,
      ]}
    >
      <Form form={form} layout="horizontal" labelCol={{ span: 5 }} size="small" autoComplete="off">
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写帮扶责任人姓名' }]}>
          <Input aria-label="帮扶责任人姓名" maxLength={20} />
        </Form.Item>
        <Form.Item name="unit" label="单位">
          <Input aria-label="帮扶责任人单位" maxLength={60} />
        </Form.Item>
        <Form.Item name="unitLevel" label="单位隶属">
          <Select aria-label="单位隶属" allowClear options={UNIT_LEVELS.map((l) => ({ value: l, label: l }))} />
        </Form.Item>
        <Form.Item name="post" label="职务">
          <Input aria-label="帮扶责任人职务" maxLength={30} />
        </Form.Item>
        <Form.Item name="phone" label="电话" rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})?$/, message: '联系电话应为11位手机号或带区号的座机' }]}>
          <Input aria-label="帮扶责任人电话" maxLength={15} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
