// 乡镇设置 (the station chief): the township's 区划代码, 县 and 省 that the create form let be filled
// in later, and the contacts notices and 明白卡 print — local 监督电话 (12317 always comes first),
// 投诉监督地址, the township's phone and each 村委会's phone. Each save is one audited change.
import { Alert, App, Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ContactsView, TownshipSettings } from '../../shared/api/index.ts';
import { api } from '../api.ts';
import QueryState from '../components/QueryState.tsx';
import { useQuery } from '../hooks/use-query.ts';

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

function TownshipCard({ value, onSaved }: { value: TownshipSettings; onSaved: () => void }) {
  const { message } = App.useApp();
  const [v, setV] = useState({ code: value.code ?? '', county: value.county ?? '', province: value.province ?? '' });
  const [error, setError] = useState<string | null>(null);
  const save = async (): Promise<void> => {
    try {
      await api.archive.saveSettings({ code: orNull(v.code), county: orNull(v.county), province: orNull(v.province) });
      setError(null);
      void message.success('已保存乡镇信息');
      onSaved();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Card size="small" title={`乡镇信息：${value.name}`}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form layout="inline">
        <Form.Item label="区划代码">
          <Input aria-label="乡镇区划代码" data-testid="settings-code" maxLength={12} style={{ width: 150 }} placeholder="12位，如 511922101000" value={v.code} onChange={(e) => setV({ ...v, code: e.target.value })} />
        </Form.Item>
        <Form.Item label="县（区、市）">
          <Input aria-label="县名" data-testid="settings-county" maxLength={40} style={{ width: 140 }} value={v.county} onChange={(e) => setV({ ...v, county: e.target.value })} />
        </Form.Item>
        <Form.Item label="省（区、市）">
          <Input aria-label="省名" data-testid="settings-province" maxLength={40} style={{ width: 140 }} value={v.province} onChange={(e) => setV({ ...v, province: e.target.value })} />
        </Form.Item>
        <Button type="primary" onClick={() => void save()} data-testid="settings-save">
          保存
        </Button>
      </Form>
    </Card>
  );
}

function ContactsCard({ value, onSaved }: { value: ContactsView; onSaved: () => void }) {
  const { message } = App.useApp();
  const [phones, setPhones] = useState(value.supervisionPhones.join('，'));
  const [address, setAddress] = useState(value.officeAddress ?? '');
  const [office, setOffice] = useState(value.officePhone ?? '');
  const [villages, setVillages] = useState(() => Object.fromEntries(value.villages.map((v) => [v.code, v.committeePhone ?? ''])));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setVillages(Object.fromEntries(value.villages.map((v) => [v.code, v.committeePhone ?? '']))), [value]);
  const save = async (): Promise<void> => {
    try {
      await api.documents.saveContacts({
        supervisionPhones: phones.split(/[,，、;；\s]+/).map((p) => p.trim()).filter(Boolean),
        officeAddress: orNull(address),
        officePhone: orNull(office),
        villages: Object.entries(villages).map(([code, phone]) => ({ code, committeePhone: orNull(phone) })),
      });
      setError(null);
      void message.success('已保存联系方式');
      onSaved();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Card size="small" title="公示和明白卡上的联系方式" extra={<Button type="primary" onClick={() => void save()} data-testid="contacts-save">保存</Button>}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form layout="horizontal" labelCol={{ span: 4 }} wrapperCol={{ span: 18 }}>
        <Form.Item label="本地监督电话" extra={`全国监督电话 ${value.nationalHotline} 总是印在第一个；本地电话最多6个，用逗号分开。`}>
          <Input aria-label="本地监督电话" data-testid="contacts-phones" value={phones} onChange={(e) => setPhones(e.target.value)} placeholder="如 0838-6212317，0838-6210000" />
        </Form.Item>
        <Form.Item label="投诉监督地址">
          <Input aria-label="投诉监督地址" maxLength={100} value={address} onChange={(e) => setAddress(e.target.value)} placeholder="如 青山镇人民政府便民服务中心（人民路1号）" />
        </Form.Item>
        <Form.Item label="乡镇电话">
          <Input aria-label="乡镇电话" style={{ width: 200 }} value={office} onChange={(e) => setOffice(e.target.value)} />
        </Form.Item>
      </Form>
      <Typography.Text strong>村委会电话</Typography.Text>
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={value.villages}
        scroll={{ y: 260 }}
        columns={[
          { title: '区划代码', dataIndex: 'code', width: 150 },
          { title: '行政村', dataIndex: 'name', width: 160 },
          {
            title: '村委会电话',
            key: 'phone',
            render: (_: unknown, v: ContactsView['villages'][number]) => (
              <Input aria-label={`${v.name}村委会电话`} style={{ width: 200 }} value={villages[v.code] ?? ''} onChange={(e) => setVillages({ ...villages, [v.code]: e.target.value })} />
            ),
          },
        ]}
      />
    </Card>
  );
}

export default function SettingsScreen() {
  const settings = useQuery(() => api.archive.settings({}), []);
  const contacts = useQuery(() => api.documents.contacts({}), []);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        乡镇设置
      </Typography.Title>
      <QueryState query={settings}>{(t) => <TownshipCard key={`${t.code}${t.county}${t.province}`} value={t} onSaved={settings.reload} />}</QueryState>
      <QueryState query={contacts}>{(c) => <ContactsCard value={c} onSaved={contacts.reload} />}</QueryState>
    </Space>
  );
}
