// 新增行政村 / 编辑村情 and 年度数据 (人口、收入、村级清单): the village forms, each saved in one
// audited change; a refusal (a 区划代码 another village has …) is shown in the form.
import { Alert, App, Checkbox, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useState } from 'react';
import type { VillageView } from '../../shared/api/index.ts';
import { VILLAGE_CHECKLIST } from '../../shared/villages.ts';
import { api } from '../api.ts';
import { villageInput, villageValues, villageYearInput, yearValues } from '../editor/village-forms.ts';
import type { VillageValues, VillageYearValues } from '../editor/village-forms.ts';

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function VillageModal(props: { village: VillageView | null; onClose: () => void; onSaved: (v: VillageView) => void }) {
  const { message } = App.useApp();
  const [v, setV] = useState<VillageValues>(() => villageValues(props.village));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<VillageValues>): void => setV((x) => ({ ...x, ...patch }));
  const save = async (): Promise<void> => {
    const r = villageInput(props.village?.id ?? null, v);
    if (!r.ok) { setError(r.message); return; }
    setBusy(true);
    try {
      const saved = await api.villages.save(r.input);
      void message.success(props.village ? '已保存村情' : `已新增行政村${saved.name}`);
      props.onSaved(saved);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={props.village ? `编辑村情：${props.village.name}` : '新增行政村'} okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => void save()} onCancel={props.onClose} okButtonProps={{ 'data-testid': 'village-save' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form layout="horizontal" labelCol={{ span: 6 }} wrapperCol={{ span: 17 }}>
        <Form.Item label="区划代码" required extra="12位统计用区划代码，例如 511922101001">
          <Input aria-label="区划代码" autoFocus={!props.village} data-testid="village-code" maxLength={12} value={v.code} onChange={(e) => set({ code: e.target.value })} />
        </Form.Item>
        <Form.Item label="行政村名称" required>
          <Input aria-label="行政村名称" autoFocus={!!props.village} data-testid="village-name" maxLength={40} value={v.name} onChange={(e) => set({ name: e.target.value })} />
        </Form.Item>
        <Form.Item label="贫困村">
          <Space>
            <Checkbox checked={v.isPoorVillage} onChange={(e) => set({ isPoorVillage: e.target.checked })}>
              是贫困村
            </Checkbox>
            <Input aria-label="出列年度" placeholder="出列年度，如 2019" style={{ width: 150 }} value={v.exitYear} onChange={(e) => set({ exitYear: e.target.value })} />
          </Space>
        </Form.Item>
        <Form.Item label="第一书记">
          <Space>
            <Input aria-label="第一书记" maxLength={20} style={{ width: 120 }} value={v.firstSecretary} onChange={(e) => set({ firstSecretary: e.target.value })} />
            <Input aria-label="第一书记电话" placeholder="电话" maxLength={20} style={{ width: 160 }} value={v.firstSecretaryPhone} onChange={(e) => set({ firstSecretaryPhone: e.target.value })} />
          </Space>
        </Form.Item>
        <Form.Item label="驻村工作队">
          <Input.TextArea aria-label="驻村工作队" maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} value={v.workTeam} onChange={(e) => set({ workTeam: e.target.value })} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function VillageYearModal(props: { village: VillageView; year: number; onClose: () => void; onSaved: (v: VillageView) => void }) {
  const { message } = App.useApp();
  const [v, setV] = useState<VillageYearValues>(() => yearValues(props.village, props.year, VILLAGE_CHECKLIST));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<VillageYearValues>): void => setV((x) => ({ ...x, ...patch }));
  const changeYear = (year: number | null): void => {
    if (year == null) return;
    setV(yearValues(props.village, year, VILLAGE_CHECKLIST));
  };
  const save = async (): Promise<void> => {
    const r = villageYearInput(props.village.id, v);
    if (!r.ok) { setError(r.message); return; }
    setBusy(true);
    try {
      const saved = await api.villages.saveYear(r.input);
      void message.success(`已保存${props.village.name}${r.input.year}年数据`);
      props.onSaved(saved);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const field = (label: string, key: 'ruralHouseholds' | 'ruralPopulation' | 'perCapitaIncome' | 'collectiveIncome', unit: string) => (
    <Form.Item label={label}>
      <Input aria-label={label} data-testid={`village-${key}`} suffix={unit} style={{ width: 200 }} value={v[key]} onChange={(e) => set({ [key]: e.target.value })} />
    </Form.Item>
  );
  return (
    <Modal open title={`${props.village.name}年度数据`} okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => void save()} onCancel={props.onClose} width={600} okButtonProps={{ 'data-testid': 'village-year-save' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form layout="horizontal" labelCol={{ span: 7 }} wrapperCol={{ span: 16 }}>
        <Form.Item label="年度">
          <InputNumber aria-label="年度" min={2013} max={2100} value={Number(v.year)} onChange={(y) => changeYear(y)} />
        </Form.Item>
        {field('农村户数', 'ruralHouseholds', '户')}
        {field('农村人口', 'ruralPopulation', '人')}
        {field('人均可支配收入', 'perCapitaIncome', '元')}
        {field('村集体经营性收入', 'collectiveIncome', '元')}
        <Form.Item label="村级清单">
          <Space wrap>
            {Object.entries(v.checklist).map(([item, met]) => (
              <Checkbox key={item} checked={met} onChange={(e) => set({ checklist: { ...v.checklist, [item]: e.target.checked } })}>
                {item}
              </Checkbox>
            ))}
          </Space>
        </Form.Item>
      </Form>
    </Modal>
  );
}
