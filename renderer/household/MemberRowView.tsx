// One row of the members grid. Typing an ID fills gender, birth date and age at once; a wrong
// ID is red with the reason right under the cell.
import { Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import type { CodeCategory } from '../../shared/code-lists/index.ts';
import { editorFields, isCode } from '../../shared/fields/index.ts';
import { moveMember, removeMember, setMemberText } from '../editor/draft-ops.ts';
import { ageText, idDerived, idFeedback, idMismatch } from '../editor/id-fill.ts';
import type { MemberTextField } from '../editor/types.ts';
import { dayAsDate, useToday } from '../hooks/use-today.ts';
import { useStore } from '../store/index.ts';
import { codeOptions, codeSearch } from './fields.tsx';
import type { CodeOption } from './fields.tsx';
import { navProps } from './keyboard.ts';
import { MemberMore } from './MemberMore.tsx';

/** The value-list columns of the grid, from the catalogue (shared/fields/member.ts, group 'grid'). */
export const MEMBER_CODE_COLUMNS: { field: MemberTextField; label: string; category: CodeCategory; width: number }[] = editorFields('member', 'grid').flatMap((f) =>
  isCode(f.kind) && f.editor?.width ? [{ field: f.key as MemberTextField, label: f.label, category: f.kind.code, width: f.editor.width }] : [],
);

const GENDERS = [
  { value: '男', label: '男' },
  { value: '女', label: '女' },
];

function Err({ text }: { text: string | undefined }) {
  return text ? <div className="cell-error">{text}</div> : null;
}

interface RowProps {
  index: number;
  count: number;
  /** The last row still in the household: Enter on its last cell adds a row. */
  isLastCurrent: boolean;
}

export default function MemberRowView({ index, count, isLastCurrent }: RowProps) {
  const m = useStore((s) => s.editor.draft?.members[index]);
  const errors = useStore((s) => s.editor.fieldErrors);
  const edit = useStore((s) => s.edit);
  const [idFocused, setIdFocused] = useState(false);
  const today = useToday();
  if (!m) return null;
  const day = dayAsDate(today);
  const n = index + 1;
  const at = (f: string): string => `members.${index}.${f}`;
  const set = (f: MemberTextField) => (v: string) => edit((d) => setMemberText(d, index, f, v, day), at(f));

  if (m.leftReason.trim() !== '') {
    return (
      <tr className="left" data-testid="member-row-left">
        <td className="seq">{n}</td>
        <td className="name">{m.name}</td>
        <td>{m.relation}</td>
        <td colSpan={MEMBER_CODE_COLUMNS.length + 4}>
          已减员：{m.leftReason}
          {m.leftOn ? `（${m.leftOn}）` : ''}
        </td>
        <td className="ops" />
      </tr>
    );
  }

  const fb = idFeedback(m.idNumber, idFocused, day);
  const derived = idDerived(m, day);
  const mismatch = idMismatch(m, day);
  const idError = errors[at('idNumber')] ?? (fb.state === 'error' ? fb.message : undefined);
  const label = (col: string): string => `第${n}名成员${col}`;

  return (
    <tr data-testid="member-row">
      <td className="seq">{n}</td>
      <td className="name">
        <Input aria-label={label('姓名')} {...navProps(at('name'))} style={{ width: 90 }} maxLength={20} status={errors[at('name')] ? 'error' : undefined} value={m.name} onChange={(e) => set('name')(e.target.value)} />
        <Err text={errors[at('name')]} />
      </td>
      <td>
        <Select<string, CodeOption>
          aria-label={label('与户主关系')}
          {...navProps(at('relation'))}
          style={{ width: 110 }}
          showSearch={codeSearch}
          status={errors[at('relation')] ? 'error' : undefined}
          placeholder="请选择"
          value={m.relation || undefined}
          options={codeOptions('relation')}
          onChange={(v) => set('relation')(v ?? '')}
        />
        <Err text={errors[at('relation')]} />
      </td>
      <td>
        <Input
          aria-label={label('身份证号')}
          aria-invalid={idError ? true : undefined}
          {...navProps(at('idNumber'))}
          style={{ width: 190 }}
          maxLength={20}
          status={idError ? 'error' : undefined}
          value={m.idNumber}
          onFocus={() => setIdFocused(true)}
          onBlur={() => setIdFocused(false)}
          onChange={(e) => set('idNumber')(e.target.value)}
        />
        {idError ? <div className="cell-error" role="alert">{idError}</div> : fb.state === 'typing' && <div className="cell-hint">{fb.message}</div>}
      </td>
      <td>
        <Select<string>
          aria-label={label('性别')}
          {...navProps(at('gender'))}
          style={{ width: 64 }}
          disabled={derived}
          value={m.gender || undefined}
          options={GENDERS}
          status={mismatch ? 'warning' : undefined}
          onChange={(v: string) => set('gender')(v)}
        />
      </td>
      <td>
        <Input aria-label={label('出生日期')} {...navProps(at('birthDate'))} style={{ width: 110 }} disabled={derived} placeholder="YYYY-MM-DD" status={errors[at('birthDate')] ? 'error' : undefined} value={m.birthDate} onChange={(e) => set('birthDate')(e.target.value)} />
        <Err text={errors[at('birthDate')] ?? mismatch ?? undefined} />
      </td>
      <td className="age" aria-label={label('年龄')} data-testid={`member-age-${index}`}>
        {ageText(m.birthDate, today)}
      </td>
      {MEMBER_CODE_COLUMNS.map((c, ci) => (
        <td key={c.field}>
          <Select<string, CodeOption>
            aria-label={label(c.label)}
            {...navProps(at(c.field), isLastCurrent && ci === MEMBER_CODE_COLUMNS.length - 1 ? 'add-member' : undefined)}
            style={{ width: c.width }}
            allowClear
            showSearch={codeSearch}
            status={errors[at(c.field)] ? 'error' : undefined}
            value={m[c.field] || undefined}
            options={codeOptions(c.category)}
            onChange={(v) => set(c.field)(v ?? '')}
          />
          <Err text={errors[at(c.field)]} />
        </td>
      ))}
      <td className="ops">
        <Space size={2}>
          <MemberMore index={index} />
          <Button size="small" aria-label={`第${n}名成员上移`} disabled={index === 0} onClick={() => edit((d) => moveMember(d, index, -1))}>
            ↑
          </Button>
          <Button size="small" aria-label={`第${n}名成员下移`} disabled={index >= count - 1} onClick={() => edit((d) => moveMember(d, index, 1))}>
            ↓
          </Button>
          <Button size="small" danger aria-label={`删除第${n}名成员`} onClick={() => edit((d) => removeMember(d, index))}>
            删除
          </Button>
        </Space>
      </td>
    </tr>
  );
}
