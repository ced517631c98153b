// The member fields the grid has no room for (contact, work, disability, insurances, 低保/特困),
// in a small form behind a 更多 button on each row. Edits go into the same draft and are saved
// with Ctrl+S like everything else.
import { Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { setMemberFlag, setMemberText } from '../editor/draft-ops.ts';
import type { MemberFlagField } from '../editor/draft-ops.ts';
import type { MemberTextField } from '../editor/types.ts';
import { dayAsDate, useToday } from '../hooks/use-today.ts';
import { useStore } from '../store/index.ts';
import { flagToValue, valueToFlag } from './fields.tsx';

const FLAGS: { field: MemberFlagField; label: string }[] = [
  { field: 'medicalInsurance', label: '参加城乡居民基本医疗保险' },
  { field: 'pensionInsurance', label: '参加城乡居民基本养老保险' },
  { field: 'isDibao', label: '享受低保' },
  { field: 'isTekun', label: '特困供养人员' },
];
const TEXTS: { field: MemberTextField; label: string; placeholder?: string }[] = [
  { field: 'phone', label: '联系电话', placeholder: '11位手机号' },
  { field: 'workMonths', label: '务工时间（月）', placeholder: '0–12' },
  { field: 'disabilityGrade', label: '残疾等级', placeholder: '如：二级' },
];
const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
];

export function MemberMore({ index }: { index: number }) {
  const [open, setOpen] = useState(false);
  const m = useStore((s) => s.editor.draft?.members[index]);
  const errors = useStore((s) => s.editor.fieldErrors);
  const edit = useStore((s) => s.edit);
  const today = useToday();
  if (!m) return null;
  const at = (f: string): string => `members.${index}.${f}`;
  const n = index + 1;
  const hasError = TEXTS.some((t) => errors[at(t.field)]);
  return (
    <>
      <Button size="small" danger={hasError} aria-label={`第${n}名成员更多信息`} onClick={() => setOpen(true)}>
        更多
      </Button>
      <Modal open={open} title={`${m.name || `第${n}名成员`}：更多信息`} onCancel={() => setOpen(false)} footer={<Button type="primary" onClick={() => setOpen(false)}>完成</Button>} destroyOnHidden>
        <Form layout="horizontal" labelCol={{ span: 10 }} wrapperCol={{ span: 14 }}>
          {TEXTS.map((t) => (
            <Form.Item key={t.field} label={t.label} validateStatus={errors[at(t.field)] ? 'error' : undefined} help={errors[at(t.field)]}>
              <Input aria-label={`第${n}名成员${t.label}`} placeholder={t.placeholder} value={m[t.field]} onChange={(e) => edit((d) => setMemberText(d, index, t.field, e.target.value, dayAsDate(today)), at(t.field))} />
            </Form.Item>
          ))}
          {FLAGS.map((f) => (
            <Form.Item key={f.field} label={f.label}>
              <Select<string>
                aria-label={`第${n}名成员${f.label}`}
                allowClear
                placeholder="未填"
                value={flagToValue(m[f.field])}
                options={YES_NO}
                onChange={(v: string | undefined) => edit((d) => setMemberFlag(d, index, f.field, valueToFlag(v)), at(f.field))}
              />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </>
  );
}
