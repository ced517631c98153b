// One household input chosen from its catalogue entry (shared/fields): a select for a value
// list, 是/否 for a flag, a text box for the rest — or the entry's own widget. The household
// page lays its sections out from the catalogue, so a new field needs no UI code here.
import { Input } from 'antd';
import type { FieldDef } from '../../shared/fields/index.ts';
import { isCode, isCodes } from '../../shared/fields/index.ts';
import { maskBankAccount } from '../../shared/mask.ts';
import { setText } from '../editor/draft-ops.ts';
import type { FlagField as FlagKey, TextField as TextKey } from '../editor/types.ts';
import { useStore } from '../store/index.ts';
import { CodeField, FlagField, GroupField, Labeled, OtherCausesField, TextField } from './fields.tsx';

function NotesField({ f }: { f: FieldDef }) {
  const key = f.key as TextKey;
  const value = useStore((s) => s.editor.draft?.[key]) ?? '';
  const error = useStore((s) => s.editor.fieldErrors[f.key]);
  const edit = useStore((s) => s.edit);
  return (
    <Labeled label={f.label} error={error} wide>
      <Input.TextArea
        aria-label={f.label}
        data-field={f.key}
        data-testid={`field-${f.key}`}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={f.limits.maxLength}
        value={value}
        onChange={(e) => edit((d) => setText(d, key, e.target.value), f.key)}
      />
    </Labeled>
  );
}

/** A text input's label: the field's name with its unit, as the forms print it (住房面积（平方米）). */
const UNIT_NAMES: Record<string, string> = { '㎡': '平方米' };
const labelOf = (f: FieldDef): string => (f.unit ? `${f.label}（${UNIT_NAMES[f.unit] ?? f.unit}）` : f.label);

export function CatalogField({ f }: { f: FieldDef }) {
  const widget = f.editor?.widget;
  if (widget === 'group') return <GroupField />;
  if (widget === 'textarea') return <NotesField f={f} />;
  if (isCodes(f.kind)) return <OtherCausesField label={f.label} max={f.kind.max} />;
  if (isCode(f.kind)) return <CodeField field={f.key as TextKey} label={f.label} category={f.kind.code} />;
  if (f.kind === 'flag') return <FlagField field={f.key as FlagKey} label={f.label} />;
  const maxLength = f.limits.maxLength ?? (f.kind === 'year' ? 4 : undefined);
  return (
    <TextField
      field={f.key as TextKey}
      label={labelOf(f)}
      maxLength={maxLength}
      placeholder={f.editor?.placeholder}
      end={f.editor?.last ? 'members-tab' : undefined}
      masked={widget === 'account' ? maskBankAccount : undefined}
    />
  );
}
