// 规模控制 per village, year and kind (over quota is flagged, never refused), and each kind's
// minimum publicity days and the exit kind's two-year rule.
import { App, Button, InputNumber, Modal, Select, Space, Switch, Table, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { API } from '../../../shared/api/index.ts';
import type { KindView, QuotaView } from '../../../shared/api/index.ts';
import type { WorkflowKind } from '../../../shared/workflows/index.ts';
import { api } from '../../api.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { useMay } from '../../hooks/use-may.ts';
import { useThisYear } from '../../hooks/use-today.ts';
import { useStore } from '../../store/index.ts';
import QueryState from '../../components/QueryState.tsx';
import { KIND_OPTIONS } from './options.ts';
import { errorOf } from './shared.tsx';

interface QuotaRow {
  villageId: string;
  villageName: string;
  quota: number | null;
  used: number;
  over: number;
  message: string | null;
}

/** A whole number with its own 保存 button (saved only when changed). */
function NumberSave({ label, value, min, max, unit, save }: { label: string; value: number | null; min: number; max: number; unit: string; save: (n: number) => Promise<void> }) {
  const [n, setN] = useState<number | null>(value);
  useEffect(() => setN(value), [value]);
  // Quotas and publicity days are seen by every role, set by those who may.
  const maySave = useMay(API.workflows.saveQuota);
  return (
    <Space>
      <InputNumber aria-label={label} min={min} max={max} precision={0} value={n} onChange={setN} style={{ width: 96 }} suffix={unit} />
      {maySave && (
        <Button size="small" disabled={n == null || n === value} onClick={() => n != null && void save(n)}>
          保存
        </Button>
      )}
    </Space>
  );
}

function Quotas() {
  const { message } = App.useApp();
  const villages = useStore((s) => s.villages);
  const thisYear = useThisYear();
  const [year, setYear] = useState<number>(thisYear);
  const [kind, setKind] = useState<WorkflowKind>('identification');
  const query = useQuery(() => api.workflows.quotas({ year, kind }), [year, kind]);
  const save = async (villageId: string, households: number): Promise<void> => {
    try {
      const q = await api.workflows.saveQuota({ villageId, year, kind, households });
      void message.success(`已保存：${q.villageName}${year}年${q.kindLabel}规模 ${households} 户`);
      query.reload();
    } catch (e) {
      void message.error(errorOf(e).message, 6);
    }
  };
  const rows = (qs: QuotaView[]): QuotaRow[] =>
    villages.map((v) => {
      const q = qs.find((x) => x.villageId === v.id);
      return { villageId: v.id, villageName: v.name, quota: q?.quota ?? null, used: q?.used ?? 0, over: q?.over ?? 0, message: q?.message ?? null };
    });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <InputNumber aria-label="规模年度" min={2000} max={2100} precision={0} value={year} onChange={(y) => y != null && setYear(y)} />
        <Select aria-label="规模程序类型" style={{ width: 160 }} value={kind} onChange={setKind} options={KIND_OPTIONS} />
        <Typography.Text type="secondary">超出规模只提示、不阻止，由乡镇核实后报县里调整。</Typography.Text>
      </Space>
      <QueryState query={query}>
        {(qs) => (
          <Table<QuotaRow>
            size="small"
            rowKey="villageId"
            pagination={false}
            dataSource={rows(qs)}
            columns={[
              { title: '行政村', dataIndex: 'villageName', width: 110 },
              { title: '规模', key: 'quota', width: 170, render: (_: unknown, r) => <NumberSave label={`${r.villageName}规模`} value={r.quota} min={0} max={100000} unit="户" save={(n) => save(r.villageId, n)} /> },
              { title: '已纳入', dataIndex: 'used', width: 70, align: 'right' },
              { title: '超出', dataIndex: 'over', width: 60, align: 'right', render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : '—') },
              { title: '提示', dataIndex: 'message', render: (m: string | null) => (m ? <Typography.Text type="danger">{m}</Typography.Text> : '') },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

function KindSettings() {
  const { message } = App.useApp();
  const query = useQuery(() => api.workflows.kinds({}), []);
  const save = async (k: KindView, patch: { publicityDays?: number; requireTwoYears?: boolean }): Promise<void> => {
    try {
      await api.workflows.saveSettings({ kind: k.kind, publicityDays: patch.publicityDays ?? k.publicityDays, requireTwoYears: patch.requireTwoYears ?? null });
      void message.success(`已保存${k.label}的设置`);
      query.reload();
    } catch (e) {
      void message.error(errorOf(e).message, 6);
    }
  };
  return (
    <QueryState query={query}>
      {(kinds) => (
        <Table<KindView>
          size="small"
          rowKey="kind"
          pagination={false}
          dataSource={kinds}
          columns={[
            { title: '程序', dataIndex: 'label', width: 130 },
            {
              title: '公示天数（不少于）',
              key: 'days',
              width: 180,
              render: (_: unknown, k) => (
                <NumberSave label={`${k.label}公示天数`} value={k.publicityDays} min={1} max={60} unit="天" save={(n) => save(k, { publicityDays: n })} />
              ),
            },
            { title: '依据', key: 'source', render: (_: unknown, k) => <Typography.Text type="secondary">默认 {k.defaultPublicityDays} 天：{k.publicitySource}</Typography.Text> },
            {
              title: '连续两年达标',
              key: 'two',
              width: 110,
              render: (_: unknown, k) => (k.exitCheck ? <Switch aria-label="退出要求连续两年达标" checked={k.requireTwoYears} onChange={(on) => void save(k, { requireTwoYears: on })} /> : '—'),
            },
          ]}
        />
      )}
    </QueryState>
  );
}

export default function QuotaModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} title="规模与公示设置" onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} width={860} destroyOnHidden>
      <Tabs
        items={[
          { key: 'quota', label: '各村规模（规模控制）', children: <Quotas /> },
          { key: 'kinds', label: '公示天数', children: <KindSettings /> },
        ]}
      />
    </Modal>
  );
}
