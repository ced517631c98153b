// 新建档案: township name, 12-digit division code, county, province, role, and its first
// account (the station chief, or the county's reviewer) with a password typed twice. The
// archive is created encrypted; its recovery code is then shown once (RecoveryCodeScreen).
import { Alert, App, Button, Col, Form, Input, Radio, Row, Typography } from 'antd';
import { useState } from 'react';
import NewPasswordFields from '../auth/NewPasswordFields.tsx';
import { markInvalid, placeFailure } from '../auth/form-errors.ts';
import { adminTitle, createInput } from '../editor/account-forms.ts';
import type { NewArchiveValues } from '../editor/account-forms.ts';
import { useStore } from '../store/index.ts';

/** The archive's field names → this form's. */
const FIELDS: Record<string, string> = { name: 'name', code: 'code', 'admin.name': 'adminName', 'admin.password': 'password', password: 'password' };

export default function NewArchiveForm() {
  const createArchive = useStore((s) => s.createArchive);
  const dataDir = useStore((s) => s.session?.dataDir ?? '');
  const { message } = App.useApp();
  const [form] = Form.useForm<NewArchiveValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = Form.useWatch('name', form) ?? '';
  const role = Form.useWatch('role', form) ?? 'township';

  const submit = async (v: NewArchiveValues): Promise<void> => {
    setError(null);
    const r = createInput({ ...v, name: v.name ?? '', adminName: v.adminName ?? '', password: v.password ?? '', password2: v.password2 ?? '' });
    if (!r.ok) {
      markInvalid(form, r);
      return;
    }
    setBusy(true);
    try {
      await createArchive(r.input);
      void message.success(`已新建档案：${r.input.name}`);
    } catch (e) {
      setError(placeFailure(form, e, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<NewArchiveValues> form={form} layout="vertical" initialValues={{ role: 'township' }} onFinish={(v) => void submit(v)} className="compact-form">
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="role" label="档案类型">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'township', label: '乡镇' },
                { value: 'county', label: '县级' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="name" label={role === 'county' ? '县名称' : '乡镇名称'} rules={[{ max: 40, message: '名称不能超过40个字' }]}>
            <Input aria-label="乡镇名称" placeholder={role === 'county' ? '例如：示例县' : '例如：青山镇'} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="code" label="区划代码（12位）" rules={[{ pattern: /^\d{12}$/, message: '区划代码应为12位数字，例如 511922101000' }]}>
            <Input aria-label="区划代码" inputMode="numeric" maxLength={12} placeholder="可稍后补填" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="county" label="县（区、市）" rules={[{ max: 40, message: '县名不能超过40个字' }]}>
            <Input aria-label="县" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="province" label="省（区、市）" rules={[{ max: 40, message: '省名不能超过40个字' }]}>
            <Input aria-label="省" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="file" label="保存位置（可不填）" extra={`不填时保存为：${dataDir}/${name.trim().replace(/[\\/:*?"<>|]/g, '') || '乡镇名称'}.db`}>
        <Input aria-label="保存位置" placeholder="档案文件的完整路径" />
      </Form.Item>
      <div style={{ marginBottom: 8 }}>
        <Typography.Text strong>{adminTitle(role)}账户</Typography.Text>
        <Typography.Text type="secondary">（档案加密保存，登录才能打开；其他人的账户以后在“账户管理”里开设）</Typography.Text>
      </div>
      <Row gutter={12}>
        <Col span={24}>
          <Form.Item name="adminName" label="姓名">
            <Input aria-label="管理员姓名" maxLength={20} data-testid="admin-name" placeholder="例如：张站长" />
          </Form.Item>
        </Col>
      </Row>
      <NewPasswordFields />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="create-error" />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="create-archive">
        新建档案
      </Button>
    </Form>
  );
}
