// Where the document is made for: the scopes the kind accepts, then the village, the batch
// (and, for a notice, its publicity or announcement step) or the household.
import { Radio, Select } from 'antd';
import { useState } from 'react';
import type { BatchListItem, DocumentKindView, ScopeType } from '../../../shared/api/index.ts';
import type { Query } from '../../hooks/use-query.ts';
import { api } from '../../api.ts';
import { chooseBatch, defaultNoticeStep, hasOption, MEETING_KINDS, noticeStepOptions, SCOPE_LABELS } from '../../editor/documents-form.ts';
import type { DocForm } from '../../editor/documents-form.ts';
import { useDebounced } from '../../hooks/use-debounced.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { useStore } from '../../store/index.ts';
import { Field } from './Field.tsx';
import { useDocuments } from './state.ts';

function HouseholdPicker({ value, onChange }: { value: string | null; onChange: (no: string | null, label: string | null) => void }) {
  const [search, setSearch] = useState('');
  const term = useDebounced(search, 200);
  const found = useQuery(() => (term.trim() ? api.households.list({ search: term, limit: 30 }) : Promise.resolve({ total: 0, items: [] })), [term]);
  const label = useDocuments((s) => s.householdLabel);
  const items = found.data?.items ?? [];
  const options = items.map((h) => ({ value: h.no, label: `${h.head ?? '（无户主）'} · ${h.villageName}${h.groupName ? h.groupName : ''} · ${h.no}` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: label ?? value });
  return (
    <Select
      aria-label="农户"
      data-testid="doc-household"
      style={{ width: 420 }}
      placeholder="输入姓名、拼音首字母、身份证号后几位或户编号查找"
      value={value}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={term.trim() ? (found.loading ? '正在查找…' : '没有找到') : '请输入查找'}
      options={options}
      onChange={(no: string | undefined) => onChange(no ?? null, options.find((o) => o.value === no)?.label ?? null)}
    />
  );
}

function NoticeStep({ batchId, value, meeting, onChange }: { batchId: string; value: string | null; meeting: boolean; onChange: (id: string | null) => void }) {
  const batch = useQuery(() => api.workflows.get({ id: batchId }), [batchId]);
  const steps = batch.data?.steps ?? [];
  const fallback = defaultNoticeStep(steps);
  const label = meeting ? '评议环节' : '公示环节';
  const placeholder = meeting ? '默认：本批次最近一次会议' : fallback ? `默认：${fallback.label}（${fallback.statusLabel}）` : '这个批次没有公示或公告环节';
  return (
    <Field label={label}>
      <Select
        aria-label={label}
        data-testid="doc-step"
        style={{ width: 420 }}
        loading={batch.loading}
        allowClear
        value={value}
        placeholder={placeholder}
        options={noticeStepOptions(steps, meeting)}
        onChange={(id: string | undefined) => onChange(id ?? null)}
      />
    </Field>
  );
}

export default function ScopeFields({ form, view, batches, onChange }: { form: DocForm; view: DocumentKindView; batches: Query<BatchListItem[]>; onChange: (f: DocForm) => void }) {
  const villages = useStore((s) => s.villages);
  const setHouseholdLabel = useDocuments((s) => s.setHouseholdLabel);
  return (
    <>
      <Field label="范围">
        <Radio.Group
          aria-label="范围"
          optionType="button"
          value={form.scopeType}
          options={view.scopes.map((s) => ({ value: s, label: SCOPE_LABELS[s] }))}
          onChange={(e) => onChange({ ...form, scopeType: e.target.value as ScopeType })}
        />
      </Field>
      {form.scopeType === 'village' && (
        <Field label="行政村">
          <Select
            aria-label="行政村"
            data-testid="doc-village"
            style={{ width: 260 }}
            placeholder="请选择行政村"
            showSearch={{ optionFilterProp: 'label' }}
            value={form.villageCode}
            options={villages.map((v) => ({ value: v.code, label: v.name }))}
            onChange={(code: string) => onChange({ ...form, villageCode: code })}
          />
        </Field>
      )}
      {form.scopeType === 'batch' && (
        <Field label="程序批次">
          <Select
            aria-label="程序批次"
            data-testid="doc-batch"
            style={{ width: 420 }}
            placeholder={batches.data?.length === 0 ? '还没有程序批次（在“流程批次”中新建）' : '请选择程序批次'}
            loading={batches.loading}
            showSearch={{ optionFilterProp: 'label' }}
            value={form.batchId}
            options={(batches.data ?? []).map((b) => ({ value: b.id, label: `${b.title}（${b.statusLabel}，${b.householdCount} 户）` }))}
            onChange={(id: string) => onChange(chooseBatch(form, id))}
          />
        </Field>
      )}
      {form.scopeType === 'batch' && form.batchId && hasOption(view, 'stepId') && (
        <NoticeStep batchId={form.batchId} value={form.stepId} meeting={MEETING_KINDS.includes(view.kind)} onChange={(stepId) => onChange({ ...form, stepId })} />
      )}
      {form.scopeType === 'household' && (
        <Field label="农户">
          <HouseholdPicker
            value={form.householdNo}
            onChange={(householdNo, label) => {
              setHouseholdLabel(label);
              onChange({ ...form, householdNo });
            }}
          />
        </Field>
      )}
    </>
  );
}
