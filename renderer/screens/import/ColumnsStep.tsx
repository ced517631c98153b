// 2 核对列: each header of the file and the archive column it is read as. The clerk corrects
// what the automatic matching missed (a required column not found is shown in red), then
// 重新检查 runs the check again with the corrections.
import { Alert, Button, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { IGNORE, MARK_TAGS, columnOptions, columnRows, draftDiffers, labelOf, matchingSummary, missingRequired, rowOptions } from '../../editor/import-mapping.ts';
import type { ColumnRow } from '../../editor/import-mapping.ts';
import { useImportFlow } from './flow.ts';

export default function ColumnsStep() {
  const checked = useImportFlow((s) => s.checked);
  const draft = useImportFlow((s) => s.draft);
  const remembered = useImportFlow((s) => s.remembered);
  const importable = useImportFlow((s) => s.importable);
  const busy = useImportFlow((s) => s.running !== null);
  const { setColumn, resetColumns, recheck, goTo } = useImportFlow.getState();

  const columns = useMemo(() => checked?.columns ?? [], [checked]);
  const rows = useMemo(() => columnRows(columns, draft, remembered), [columns, draft, remembered]);
  const missing = useMemo(() => missingRequired(columns, draft, importable), [columns, draft, importable]);
  const options = useMemo(() => columnOptions(importable), [importable]);
  const required = importable.filter((c) => c.required).map((c) => c.label);
  const edited = draftDiffers(columns, draft);

  if (!checked) return null;
  if (columns.length === 0) {
    return <Alert type="error" showIcon title="文件中没有找到表头行" description="前15行里没有一行写着“姓名”“证件号码”“与户主关系”等列名，无法对应。请确认选对了文件，或在 Excel 中把表头改成这样的写法后重新选择。" />;
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert
        type={missing.length ? 'error' : 'success'}
        showIcon
        data-testid={missing.length ? 'import-missing-required' : 'import-columns-ok'}
        title={matchingSummary(rows, missing, required)}
        description={edited ? '您修改了列的对应，请点“重新检查”，按新的对应再检查一遍文件。' : undefined}
      />
      <Space wrap>
        <Button type="primary" data-testid="import-recheck" disabled={busy} onClick={() => void recheck()}>
          重新检查
        </Button>
        <Tooltip title={edited ? '列的对应改过了，请先重新检查' : undefined}>
          <Button disabled={busy || edited} data-testid="import-to-preview" onClick={() => goTo('preview')}>
            下一步：预览
          </Button>
        </Tooltip>
        <Button disabled={busy} onClick={resetColumns}>
          全部恢复自动对应
        </Button>
      </Space>
      <Table<ColumnRow>
        data-testid="import-columns"
        size="small"
        rowKey="index"
        dataSource={rows}
        pagination={false}
        onRow={(r) => ({ style: missing.length && r.key === null ? { background: '#fff7e6' } : {} })}
        columns={[
          { title: '列', dataIndex: 'letter', width: 56 },
          { title: '文件中的表头', dataIndex: 'header', width: 220, render: (h: string) => <Typography.Text strong>{h}</Typography.Text> },
          {
            title: '读作档案中的',
            dataIndex: 'key',
            render: (key: string | null, r) => (
              <Space orientation="vertical" size={2}>
                <Select
                  aria-label={`“${r.header}”读作`}
                  data-testid={`import-column-${r.index}`}
                  style={{ width: 240 }}
                  disabled={busy}
                  showSearch={{ optionFilterProp: 'label' }}
                  value={key ?? IGNORE}
                  options={rowOptions(options, importable, r)}
                  onChange={(v: string) => setColumn(r.header, v === IGNORE ? null : v)}
                />
                {r.duplicateOf && <Typography.Text type="danger">与“{r.duplicateOf}”列读作同一项，只读取前面那一列。</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '对应方式',
            dataIndex: 'mark',
            width: 200,
            render: (_: unknown, r) => (
              <Space size={4} wrap>
                <Tooltip title={MARK_TAGS[r.mark].hint}>
                  <Tag color={MARK_TAGS[r.mark].color}>{MARK_TAGS[r.mark].label}</Tag>
                </Tooltip>
                {r.mark !== 'auto' && r.auto !== null && <Typography.Text type="secondary">自动为：{labelOf(importable, r.auto, r.header)}</Typography.Text>}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
