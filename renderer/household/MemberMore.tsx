// The member fields the grid has no room for (contact, work, disability, insurances, 低保/特困),
// in a small form behind a 更多 button on each row. Edits go into the same draft and are saved
// with Ctrl+S like everything else.
import { Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { setMemberFlag, setMemberText } from '../editor/draft-ops.ts';
import { editorFields, isCode } from '../../shared/fields/index.ts';
import type { MemberFlagField, MemberTextField } from '../editor/types.ts';
import { dayAsDate, useToday } from '../hooks/use-today.ts';
import { useStore } from '../store/index.ts';
import { codeOptions, codeSearch, flagToValue, valueToFlag } from './fields.tsx';
import type { CodeOption } from './fields.tsx';

// The 更多 form's fields, from the catalogue (shared/fields/member.ts, group 'more').
const MORE = editorFields('member', 'more');
const FLAGS = MORE.filter((f) => f.kind === 'flag').map((f) => ({ field: f.key as MemberFlagField, label: f.label }));
const TEXTS = MORE.filter((f) => f.kind !== 'flag').map((f) => ({
  field: f.key as MemberTextField,
  label: f.label,
  placeholder: f.editor?.placeholder,
  category: isCode(f.kind) ? f.kind.code : null,
}));
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
      <Modal open={open} title={`${m.name || `第${n}名成员`}：更多信息`} onCancel={() => setOpen(false)} width={760} footer={<Button type="primary" onClick={() => setOpen(false)}>完成</Button>} destroyOnHidden>
        <Form layout="vertical" className="member-more-form">
          {TEXTS.map((t) => (
            <Form.Item key={t.field} label={t.label} validateStatus={errors[at(t.field)] ? 'error' : undefined} help={errors[at(t.field)]}>
              {t.category ? (
                <Select<string, CodeOption>
                  aria-label={`第${n}名成员${t.label}`}
                  allowClear
                  showSearch={codeSearch}
                  placeholder="请选择"
                  value={m[t.field] || undefined}
                  options={codeOptions(t.category)}
                  onChange={(v) => edit((d) => setMemberText(d, index, t.field, v ?? '', dayAsDate(today)), at(t.field))}
                />
              ) : (
                <Input aria-label={`第${n}名成员${t.label}`} placeholder={t.placeholder} value={m[t.field]} onChange={(e) => edit((d) => setMemberText(d, index, t.field, e.target.value, dayAsDate(today)), at(t.field))} />
              )}
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
