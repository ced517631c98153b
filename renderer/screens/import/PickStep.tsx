// 1 选择文件: the roster workbook (.xlsx, dragged in or chosen) and, if the clerk knows it, the
// income year its figures belong to. Choosing a file starts the check at once.
import { App, Select, Space, Typography, Upload } from 'antd';
import { fileRefusal } from '../../editor/import-view.ts';
import { toBase64 } from '../../file-base64.ts';
import { useThisYear } from '../../hooks/use-today.ts';
import { useImportFlow } from './flow.ts';

/** This year (the session's) back to 2014, the first 建档立卡 year. */
const yearsUpTo = (thisYear: number): number[] => Array.from({ length: Math.max(0, thisYear - 2013) }, (_, i) => thisYear - i);

export default function PickStep() {
  const { message } = App.useApp();
  const years = yearsUpTo(useThisYear());
  const busy = useImportFlow((s) => s.running !== null);
  const year = useImportFlow((s) => s.year);
  const setYear = useImportFlow((s) => s.setYear);
  const pick = useImportFlow((s) => s.pick);
  const file = useImportFlow((s) => s.file);

  const choose = async (f: File): Promise<void> => {
    const refusal = fileRefusal(f);
    if (refusal) {
      void message.error(refusal, 6);
      return;
    }
    let dataBase64: string;
    try {
      dataBase64 = await toBase64(f);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e), 6);
      return;
    }
    await pick({ fileName: f.name, dataBase64 });
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        multiple={false}
        disabled={busy}
        beforeUpload={(f) => {
          void choose(f);
          return false;
        }}
      >
        <div style={{ padding: '16px 0' }} data-testid="import-pick">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {file && !busy ? '重新选择文件' : '选择花名册文件'}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            点击这里选择，或把文件拖到这里。国家系统导出的花名册 .xlsx：每行一人，按户编号分户；表头上方有标题行也可以。
          </Typography.Paragraph>
          {file && (
            <Typography.Paragraph style={{ margin: '8px 0 0' }}>
              当前文件：{file.fileName}
            </Typography.Paragraph>
          )}
        </div>
      </Upload.Dragger>
      <Space wrap>
        <Typography.Text>收入年度</Typography.Text>
        <Select<number | 'auto'>
          aria-label="收入年度"
          style={{ width: 200 }}
          disabled={busy}
          value={year ?? 'auto'}
          onChange={(v) => setYear(v === 'auto' ? null : v)}
          options={[{ value: 'auto', label: '按文件标题' }, ...years.map((y) => ({ value: y, label: `${y} 年` }))]}
        />
        <Typography.Text type="secondary">文件中的各项收入和人均纯收入记入这一年。“按文件标题”：用标题行写的收入年度，没有写则记入今年。</Typography.Text>
      </Space>
      <Typography.Text type="secondary">选择文件后档案先检查它，不会写入任何内容；核对无误后才导入。</Typography.Text>
    </Space>
  );
}
