// Inputs bound to the draft in the store, each with an aria-label (what tests and screen
// readers use), Enter navigation and its error shown right under it.
import { AutoComplete, Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { CODE_LISTS, labelsOf } from '../../shared/code-lists/index.ts';
import type { CodeCategory } from '../../shared/code-lists/index.ts';
import { api } from '../api.ts';
import { setFlag, setOtherCauses, setText } from '../editor/draft-ops.ts';
import type { Flag, FlagField, TextField as TextKey } from '../editor/types.ts';
import { useStore } from '../store/index.ts';
import { navProps } from './keyboard.ts';
import { codeMatches, codeRank } from '../editor/code-rank.ts';

export type { CodeOption } from '../editor/code-rank.ts';
import type { CodeOption } from '../editor/code-rank.ts';

const optionCache = new Map<CodeCategory, CodeOption[]>();
export function codeOptions(category: CodeCategory): CodeOption[] {
  let opts = optionCache.get(category);
  if (!opts) {
    const aliases = new Map(CODE_LISTS[category].entries.map((e) => [e.label, e.aliases ?? []]));
    opts = labelsOf(category).map((l) => ({ value: l, label: l, search: [l, ...(aliases.get(l) ?? [])].join(' ') }));
    optionCache.set(category, opts);
  }
  return opts;
}
export const codeSearch = {
  filterOption: (input: string, o?: CodeOption) => !!o && codeMatches(o, input),
  filterSort: (a: CodeOption, b: CodeOption, info: { searchValue: string }) => codeRank(a, info.searchValue) - codeRank(b, info.searchValue),
};

export function Labeled(props: { label: string; error?: string | undefined; children: ReactNode; wide?: boolean }) {
  return (
    <div className={props.wide ? 'wide' : undefined}>
      <label>{props.label}</label>
      {props.children}
      {props.error && <div className="field-error">{props.error}</div>}
    </div>
  );
}

const useText = (field: TextKey): string => useStore((s) => s.editor.draft?.[field] ?? '');
const useFlag = (field: FlagField): Flag => useStore((s) => s.editor.draft?.[field] ?? null);
const useFieldError = (field: string) => useStore((s) => s.editor.fieldErrors[field]);

export function TextField(props: { field: TextKey; label: string; placeholder?: string | undefined; maxLength?: number | undefined; end?: 'members-tab' | undefined; masked?: ((v: string) => string) | undefined }) {
  const value = useText(props.field);
  const error = useFieldError(props.field);
  const edit = useStore((s) => s.edit);
  const [focused, setFocused] = useState(false);
  const shown = props.masked && !focused ? props.masked(value) : value;
  return (
    <Labeled label={props.label} error={error}>
      <Input
        aria-label={props.label}
        {...navProps(props.field, props.end)}
        status={error ? 'error' : undefined}
        value={shown}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onChange={(e) => edit((d) => setText(d, props.field, e.target.value), props.field)}
      />
    </Labeled>
  );
}


export function CodeField(props: { field: TextKey; label: string; category: CodeCategory }) {
  const value = useText(props.field);
  const error = useFieldError(props.field);
  const edit = useStore((s) => s.edit);
  return (
    <Labeled label={props.label} error={error}>
      <Select<string, CodeOption>
        aria-label={props.label}
        {...navProps(props.field)}
        style={{ width: '100%' }}
        allowClear
        showSearch={codeSearch}
        status={error ? 'error' : undefined}
        placeholder="请选择"
        value={value || undefined}
        options={codeOptions(props.category)}
        onChange={(v) => edit((d) => setText(d, props.field, v ?? ''), props.field)}
      />
    </Labeled>
  );
}

const FLAG_OPTIONS = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
];
export const flagToValue = (f: Flag): string | undefined => (f == null ? undefined : f ? 'yes' : 'no');
export const valueToFlag = (v: string | undefined): Flag => (v == null ? null : v === 'yes');

export function FlagField(props: { field: FlagField; label: string }) {
  const value = useFlag(props.field);
  const edit = useStore((s) => s.edit);
  return (
    <Labeled label={props.label}>
      <Select<string>
        aria-label={props.label}
        {...navProps(props.field)}
        style={{ width: '100%' }}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="未填"
        value={flagToValue(value)}
        options={FLAG_OPTIONS}
        onChange={(v: string | undefined) => edit((d) => setFlag(d, props.field, valueToFlag(v)), props.field)}
      />
    </Labeled>
  );
}

export function VillageField() {
  const value = useText('villageId');
  const error = useFieldError('villageId');
  const villages = useStore((s) => s.villages);
  const edit = useStore((s) => s.edit);
  return (
    <Labeled label="行政村" error={error}>
      <Select<string>
        aria-label="行政村"
        {...navProps('villageId')}
        style={{ width: '100%' }}
        showSearch={{ optionFilterProp: 'label' }}
        status={error ? 'error' : undefined}
        placeholder="请选择行政村"
        value={value || undefined}
        options={villages.map((v) => ({ value: v.id, label: v.name }))}
        onChange={(v: string) => edit((d) => setText(d, 'villageId', v), 'villageId')}
      />
    </Labeled>
  );
}

export function GroupField() {
  const villageId = useText('villageId');
  const value = useText('groupName');
  const error = useFieldError('groupName');
  const edit = useStore((s) => s.edit);
  const [groups, setGroups] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    if (!villageId) return;
    api.households.groups({ villageId }).then(
      (g) => live && setGroups(g),
      () => live && setGroups([]),
    );
    return () => {
      live = false;
    };
  }, [villageId]);
  const q = value.trim();
  return (
    <Labeled label="村民小组" error={error}>
      <AutoComplete
        aria-label="村民小组"
        {...navProps('groupName')}
        style={{ width: '100%' }}
        status={error ? 'error' : undefined}
        placeholder="例如：一组"
        value={value}
        options={groups.filter((g) => g !== q && g.includes(q)).map((g) => ({ value: g, label: g }))}
        onChange={(v: string) => edit((d) => setText(d, 'groupName', v), 'groupName')}
      />
    </Labeled>
  );
}

export function OtherCausesField(props: { label: string; max: number }) {
  const value = useStore((s) => s.editor.draft?.otherCauses) ?? [];
  const main = useText('mainCause');
  const error = useFieldError('otherCauses');
  const edit = useStore((s) => s.edit);
  return (
    <Labeled label={`${props.label}（最多${props.max}项）`} error={error}>
      <Select<string[], CodeOption>
        aria-label={props.label}
        {...navProps('otherCauses')}
        data-nav-multi=""
        mode="multiple"
        maxCount={props.max}
        style={{ width: '100%' }}
        showSearch={codeSearch}
        placeholder="可不填"
        value={value}
        options={codeOptions('cause').filter((o) => o.value !== main)}
        onChange={(v) => edit((d) => setOtherCauses(d, v), 'otherCauses')}
      />
    </Labeled>
  );
}
