// 结对帮扶: who helps this household and since when. Pairing a new helper ends the open
// pairing the day before (the archive does that); an open pairing can also be ended alone.
import { Button, Card, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { HelperView, HouseholdDetail, PairingView } from '../../shared/api/index.ts';
import { api } from '../api.ts';
import { helperOptions, isIsoDate } from '../editor/measure-form.ts';
import HelperModal from './HelperModal.tsx';
import type { HelpRun } from './use-help.ts';
import { useToday } from '../hooks/use-today.ts';

const dash = (v: string | null | undefined): string => (v == null || v === '' ? '—' : v);

function EndPairing({ pairing, run }: { pairing: PairingView; run: HelpRun }) {
  const today = useToday();
  const [endOn, setEndOn] = useState(today);
  const bad = !isIsoDate(endOn.trim());
  return (
    <Popconfirm
      title={`结束与${pairing.helperName}的结对`}
      description={
        <Space orientation="vertical" size={4}>
          <span>结束日期</span>
          <Input aria-label="结对结束日期" size="small" maxLength={10} placeholder="YYYY-MM-DD" status={bad ? 'error' : undefined} value={endOn} onChange={(e) => setEndOn(e.target.value)} />
        </Space>
      }
      okText="结束结对"
      cancelText="取消"
      okButtonProps={{ disabled: bad }}
      onOpenChange={(open) => {
        if (open) setEndOn(today);
      }}
      onConfirm={() => void run(() => api.help.endPairing({ pairingId: pairing.id, endOn: endOn.trim() }), '已结束结对')}
    >
      <Button size="small" data-testid="end-pairing">
        结束结对
      </Button>
    </Popconfirm>
  );
}

export default function PairingCard(props: { detail: HouseholdDetail; helpers: HelperView[]; reloadHelpers: () => Promise<void>; run: HelpRun }) {
  const today = useToday();
  const { detail, helpers, run } = props;
  const [helperId, setHelperId] = useState<string | null>(null);
  const [startOn, setStartOn] = useState(today);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const open = detail.pairings.find((p) => p.endOn == null) ?? null;
  const dateBad = startOn.trim() !== '' && !isIsoDate(startOn.trim());

  const pair = async (): Promise<void> => {
    if (!helperId || !isIsoDate(startOn.trim())) return;
    setBusy(true);
    const done = await run(
      () => api.help.pair({ householdId: detail.household.id, helperId, startOn: startOn.trim() }),
      open ? '已更换帮扶责任人' : '已结对',
    );
    setBusy(false);
    if (done) {
      setHelperId(null);
      void props.reloadHelpers();
    }
  };

  const onHelperSaved = (h: HelperView): void => {
    setAdding(false);
    void props.reloadHelpers().then(() => setHelperId(h.id));
  };

  return (
    <Card size="small" title="结对帮扶" style={{ marginBottom: 12 }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          data-testid="pair-helper"
          aria-label="帮扶责任人"
          style={{ width: 320 }}
          size="small"
          placeholder="选择帮扶责任人（可输入姓名、单位、电话查找）"
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          value={helperId}
          options={helperOptions(helpers)}
          onChange={(v: string | undefined) => setHelperId(v ?? null)}
        />
        <Input
          aria-label="结对开始日期"
          size="small"
          style={{ width: 120 }}
          maxLength={10}
          placeholder="YYYY-MM-DD"
          status={dateBad ? 'error' : undefined}
          value={startOn}
          onChange={(e) => setStartOn(e.target.value)}
        />
        <Button size="small" type="primary" loading={busy} disabled={!helperId || !isIsoDate(startOn.trim())} onClick={() => void pair()} data-testid="pair-submit">
          {open ? '更换帮扶责任人' : '结对'}
        </Button>
        <Button size="small" onClick={() => setAdding(true)} data-testid="add-helper">
          新增帮扶责任人
        </Button>
        {open && <Typography.Text type="secondary">更换后，原结对在新开始日期的前一天结束。</Typography.Text>}
      </Space>
      <Table<PairingView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={detail.pairings}
        locale={{ emptyText: '没有结对帮扶记录' }}
        columns={[
          { title: '帮扶责任人', dataIndex: 'helperName' },
          { title: '单位', dataIndex: 'helperUnit', render: dash },
          { title: '联系电话', dataIndex: 'helperPhone', render: dash },
          { title: '开始日期', dataIndex: 'startOn', width: 110 },
          { title: '结束日期', dataIndex: 'endOn', width: 110, render: dash },
          { title: '', key: 'op', width: 100, render: (_: unknown, p) => (p.endOn == null ? <EndPairing pairing={p} run={run} /> : null) },
        ]}
      />
      <HelperModal open={adding} run={run} onClose={() => setAdding(false)} onSaved={onHelperSaved} />
    </Card>
  );
}
