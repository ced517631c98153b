// 新建档案: township name, 12-digit division code, county, province, role.
import { App, Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useStore } from '../store/index.ts';

interface Values {
  name: string;
  code?: string;
  county?: string;
  province?: string;
  role: 'township' | 'county';
  file?: string;
}

const blankToNull = (s: string | undefined): string | null => (s && s.trim() !== '' ? s.trim() : null);

export default function NewArchiveForm() {
  const createArchive = useStore((s) => s.createArchive);
  const dataDir = useStore((s) => s.session?.dataDir ?? '');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const name = Form.useWatch('name', form) ?? '';
  const role = Form.useWatch('role', form) ?? 'township';

  const submit = async (v: Values): Promise<void> => {
    setBusy(true);
    try {
      await createArchive({
        name: v.name.trim(),
        code: blankToNull(v.code),
        county: blankToNull(v.county),
        province: blankToNull(v.province),
        role: v.role,
        file: blankToNull(v.file),
      });
      void message.success(`已新建档案：${v.name.trim()}`);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e), 6);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ role: 'township' }} onFinish={(v) => void submit(v)}>
      <Form.Item name="role" label="档案类型">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'township', label: '乡镇' },
            { value: 'county', label: '县级' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={role === 'county' ? '县名称' : '乡镇名称'}
        rules={[{ required: true, whitespace: true, message: role === 'county' ? '请填写县名称' : '请填写乡镇名称' }, { max: 40, message: '名称不能超过40个字' }]}
      >
        <Input aria-label="乡镇名称" placeholder={role === 'county' ? '例如：示例县' : '例如：青山镇'} />
      </Form.Item>
      <Form.Item
        name="code"
        label="区划代码（12位）"
        rules={[{ pattern: /^\d{12}$/, message: '区划代码应为12位数字，例如 511922101000' }]}
        extra="统计用区划代码，可以稍后补填。"
      >
        <Input aria-label="区划代码" inputMode="numeric" maxLength={12} placeholder="例如：511922101000" />
      </Form.Item>
      <Form.Item name="county" label="县（区、市）" rules={[{ max: 40, message: '县名不能超过40个字' }]}>
        <Input aria-label="县" />
      </Form.Item>
      <Form.Item name="province" label="省（自治区、直辖市）" rules={[{ max: 40, message: '省名不能超过40个字' }]}>
        <Input aria-label="省" />
      </Form.Item>
      <Form.Item
        name="file"
        label="保存位置（可不填）"
        extra={`不填时保存为：${dataDir}/${name.trim().replace(/[\\/:*?"<>|]/g, '') || '乡镇名称'}.db`}
      >
        <Input aria-label="保存位置" placeholder="档案文件的完整路径" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="create-archive">
        新建档案
      </Button>
    </Form>
  );
}
