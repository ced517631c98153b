// 加入农户: by hand (search by name, pinyin initials, ID tail or 户编号; all or none) or from a
// filter preset with a preview list (the ones that do not fit are skipped and listed).
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { AddResult, BatchDetail, CandidateView } from '../../../shared/api/index.ts';
import { formatYuan } from '../../../shared/money.ts';
import { api } from '../../api.ts';
import { StatusTag } from '../../components/status-tag.tsx';
import { dateProblem } from '../../editor/workflow-forms.ts';
import { PRESET_LABELS, candidateFilterFrom, defaultPreset, searchRows } from '../../editor/workflow-households.ts';
import type { FilterValues, Preset, SearchRow } from '../../editor/workflow-households.ts';
import { DateInput, ErrorAlert, Row, errorOf, fieldError } from './shared.tsx';
import type { ShownError } from './shared.tsx';
import type { Done } from './StepModal.tsx';
import { useToday } from '../../hooks/use-today.ts';

const conflictCell = (c: string | null) => (c ? <Typography.Text type="danger">{c}</Typography.Text> : <Typography.Text type="success">可以加入</Typography.Text>);

function BySearch({ detail, selected, setSelected }: { detail: BatchDetail; selected: string[]; setSelected: (ids: string[]) => void }) {
  const [rows, setRows] = useState<SearchRow[]>([]);
  const [error, setError] = useState<ShownError | null>(null);
  const search = async (text: string): Promise<void> => {
    try {
      const villageId = detail.villages.length === 1 ? detail.villages[0]!.id : null;
      const page = await api.households.list({ search: text, villageId, limit: 50 });
      setRows(searchRows(page.items, detail));
      setError(null);
    } catch (e) {
      setError(errorOf(e));
    }
  };
  return (
    <>
      <ErrorAlert error={error} />
      <Input.Search aria-label="查找农户" placeholder="姓名、拼音首字母、身份证号后几位或户编号" enterButton="查找" onSearch={(t) => void search(t)} style={{ marginBottom: 8 }} data-testid="batch-add-search" />
      <Table<SearchRow>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        scroll={{ y: 280 }}
        locale={{ emptyText: '输入后按“查找”' }}
        rowSelection={{ hideSelectAll: true, selectedRowKeys: selected, onChange: (k) => setSelected(k.map(String)), getCheckboxProps: (r) => ({ disabled: r.conflict != null, 'aria-label': `选择${r.no}` }), preserveSelectedRowKeys: true }}
        columns={[
          { title: '户编号', dataIndex: 'no', width: 150 },
          { title: '户主', dataIndex: 'head', width: 70 },
          { title: '村', dataIndex: 'villageName', width: 80 },
          { title: '人数', dataIndex: 'size', width: 50 },
          { title: '户状态', dataIndex: 'status', width: 120, render: (s: string) => <StatusTag status={s} /> },
          { title: '能否加入', dataIndex: 'conflict', render: conflictCell },
        ]}
      />
    </>
  );
}

function ByFilter({ detail, v, set }: { detail: BatchDetail; v: FilterValues; set: (patch: Partial<FilterValues>) => void }) {
  const [rows, setRows] = useState<CandidateView[] | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const preview = async (): Promise<void> => {
    const c = candidateFilterFrom(v);
    if (!c.ok) {
      setRows(null);
      setError(fieldError(c));
      return;
    }
    try {
      setRows(await api.workflows.candidates({ batchId: detail.id, filter: c.input }));
      setError(null);
    } catch (e) {
      setRows(null);
      setError(errorOf(e));
    }
  };
  const fit = rows?.filter((r) => r.conflict == null).length ?? 0;
  return (
    <>
      <Radio.Group value={v.preset} onChange={(e) => set({ preset: e.target.value as Preset })} style={{ display: 'flex', flexDirection: 'column', gap: 4, marginBottom: 8 }} options={(['edge-range', 'below-monitoring', 'range', 'none'] as const).map((p) => ({ value: p, label: PRESET_LABELS[p] }))} />
      <Space wrap style={{ marginBottom: 8 }}>
        {v.preset === 'range' && (
          <>
            <span>高于</span>
            <Input aria-label="收入下限" suffix="元" style={{ width: 120 }} placeholder="不限" value={v.above} onChange={(e) => set({ above: e.target.value })} status={error?.field === 'above' ? 'error' : undefined} />
            <span>低于</span>
            <Input aria-label="收入上限" suffix="元" style={{ width: 120 }} placeholder="如 4000" value={v.below} onChange={(e) => set({ below: e.target.value })} status={error?.field === 'below' ? 'error' : undefined} />
          </>
        )}
        <span>收入年度</span>
        <InputNumber aria-label="筛选收入年度" min={2000} max={2100} precision={0} placeholder="最近一年" value={v.incomeYear} onChange={(y) => set({ incomeYear: y ?? null })} />
        <Checkbox checked={v.excludeWelfare} onChange={(e) => set({ excludeWelfare: e.target.checked })}>
          不含有低保、特困人员的户
        </Checkbox>
        <Button onClick={() => void preview()} data-testid="candidates-preview">
          预览名单
        </Button>
      </Space>
      <ErrorAlert error={error} />
      {rows && (
        <>
          <Typography.Paragraph data-testid="candidates-summary">
            符合条件 {rows.length} 户，其中 {fit} 户可以加入{rows.length - fit ? `，${rows.length - fit} 户将跳过（原因见下表）` : ''}。
          </Typography.Paragraph>
          <Table<CandidateView>
            size="small"
            rowKey="householdId"
            dataSource={rows}
            pagination={false}
            scroll={{ y: 240 }}
            columns={[
              { title: '户编号', dataIndex: 'no', width: 150 },
              { title: '户主', dataIndex: 'head', width: 70 },
              { title: '村', dataIndex: 'villageName', width: 80 },
              { title: '人数', dataIndex: 'size', width: 50 },
              { title: '人均纯收入', key: 'income', width: 180, render: (_: unknown, r) => (r.perCapitaFen == null ? '—' : `${formatYuan(r.perCapitaFen)} 元（${r.incomeYear ?? ''}年）`) },
              { title: '能否加入', dataIndex: 'conflict', render: conflictCell },
            ]}
          />
        </>
      )}
    </>
  );
}

export default function AddHouseholdsModal({ detail, onClose, onDone }: { detail: BatchDetail; onClose: () => void; onDone: (d: Done) => void }) {
  const today = useToday();
  const [tab, setTab] = useState<'search' | 'filter'>('search');
  const [selected, setSelected] = useState<string[]>([]);
  const [filter, setFilter] = useState<FilterValues>(() => ({ preset: defaultPreset(detail.kind), incomeYear: null, excludeWelfare: true, above: '', below: '' }));
  const [on, setOn] = useState(today);
  const [choice, setChoice] = useState<string | null>(null);
  const [risks, setRisks] = useState<string[]>([]);
  const [error, setError] = useState<ShownError | null>(null);
  const [skipped, setSkipped] = useState<AddResult['skipped'] | null>(null);
  const [busy, setBusy] = useState(false);
  const kv = detail.kindView;

  const submit = async (): Promise<void> => {
    const bad = dateProblem(on, '加入日期', today);
    if (bad) {
      setError({ message: bad, details: [], field: 'on' });
      return;
    }
    if (tab === 'search' && selected.length === 0) {
      setError({ message: '请先查找并勾选要加入的农户', details: [], field: null });
      return;
    }
    const f = candidateFilterFrom(filter);
    if (tab === 'filter' && !f.ok) {
      setError(fieldError(f));
      return;
    }
    setBusy(true);
    try {
      const base = { batchId: detail.id, on: on.trim(), choice, risks };
      const r = await api.workflows.addHouseholds(tab === 'search' || !f.ok ? { ...base, householdIds: selected } : { ...base, filter: f.input });
      if (r.skipped.length) {
        setSkipped(r.skipped);
        onDone({ detail: r.detail, message: `已加入 ${r.added} 户，跳过 ${r.skipped.length} 户` });
      } else {
        onDone({ detail: r.detail, message: `已加入 ${r.added} 户` });
        onClose();
      }
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={`加入农户：${detail.title}`} onCancel={onClose} onOk={() => void submit()} okText={tab === 'search' ? `加入所选 ${selected.length} 户` : '按条件加入'} confirmLoading={busy} okButtonProps={{ 'data-testid': 'add-ok', disabled: skipped != null }} width={860}>
      <ErrorAlert error={error} />
      {skipped && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${skipped.length} 户不符合，已跳过：`}
          description={skipped.map((s) => <div key={s.householdId}>{s.household}：{s.reason}</div>)}
        />
      )}
      <Typography.Paragraph type="secondary">
        {kv.label}只适用于{kv.eligible.map((e) => e.label).join('、')}；{detail.village ? `本批次范围：${detail.village}` : '全镇批次'}。
      </Typography.Paragraph>
      <Form layout="inline" size="small" style={{ marginBottom: 8, rowGap: 8 }}>
        <Row label="加入日期" field="on" error={error} required>
          <DateInput aria-label="加入日期" value={on} onChange={setOn} />
        </Row>
        {kv.choice && (
          <Row label={kv.choice.label} error={error}>
            <Select aria-label={kv.choice.label} allowClear placeholder="按各户情况" style={{ width: 150 }} value={choice ?? undefined} onChange={(v: string | undefined) => setChoice(v ?? null)} options={kv.choice.options.map((o) => ({ value: o, label: o }))} />
          </Row>
        )}
        {detail.kind === 'monitoring' && (
          <Row label="致贫/返贫风险" error={error}>
            <Select aria-label="致贫返贫风险" mode="tags" maxCount={5} style={{ width: 260 }} placeholder="最多5项，如 因病、因灾" value={risks} onChange={setRisks} />
          </Row>
        )}
      </Form>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as 'search' | 'filter')}
        items={[
          { key: 'search', label: '按姓名查找', children: <BySearch detail={detail} selected={selected} setSelected={setSelected} /> },
          { key: 'filter', label: '按条件筛选', children: <ByFilter detail={detail} v={filter} set={(patch) => setFilter((x) => ({ ...x, ...patch }))} /> },
        ]}
      />
    </Modal>
  );
}
