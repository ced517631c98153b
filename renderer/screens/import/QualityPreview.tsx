// 预览 → 导入后数据检查: what 数据检查 will show once this file is imported (the same rules over
// the archive as it would be, nothing written): the counts by severity, the rules that fire, the
// first findings with 户编号/户主/成员/问题, and every finding as the 问题清单 workbook on demand.
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ImportQualityView } from '../../../shared/api/index.ts';
import { qualityLine } from '../../../shared/import-quality.ts';

type Row = ImportQualityView['rows'][number];

const SEVERITY: Record<Row['severity'], { label: string; color: string }> = { error: { label: '错误', color: 'red' }, warning: { label: '疑点', color: 'orange' } };
/** Rules shown as tags in the summary card; the rest are counted. */
const TAGS = 8;

export function QualitySummary({ quality, removeMissing, busy, onExport }: { quality: ImportQualityView; removeMissing: boolean; busy: boolean; onExport: () => void }) {
  const total = quality.errors + quality.warnings;
  return (
    <Card size="small" data-testid="import-quality">
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong data-testid="import-quality-line" type={quality.errors > 0 ? 'danger' : undefined}>
            {qualityLine(quality)}
          </Typography.Text>
          {total > 0 && (
            <Button size="small" data-testid="import-quality-export" disabled={busy} onClick={onExport}>
              导出全部 {total} 条（Excel 问题清单）
            </Button>
          )}
        </Space>
        <Typography.Text type="secondary">
          按导入后的档案预先检查（检查日期 {quality.asOf}
          {quality.year != null ? `，收入年度 ${quality.year}` : ''}），与导入后“数据检查”所示一致；档案此时没有任何改动。
          {removeMissing ? '（按不把缺少的成员标记转出计算；勾选转出后，导入后的数字以数据检查为准。）' : ''}
        </Typography.Text>
        {quality.rules.length > 0 && (
          <Space wrap size={[4, 4]}>
            {quality.rules.slice(0, TAGS).map((r) => (
              <Tag key={r.code} color={SEVERITY[r.severity].color}>
                {r.code} {r.title} {r.count}
              </Tag>
            ))}
            {quality.rules.length > TAGS && <Typography.Text type="secondary">另有 {quality.rules.length - TAGS} 条规则</Typography.Text>}
          </Space>
        )}
      </Space>
    </Card>
  );
}

export function QualityRows({ quality }: { quality: ImportQualityView }) {
  const total = quality.errors + quality.warnings;
  if (total === 0) return <Alert type="success" title="导入后数据检查没有发现问题。" />;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Table
        data-testid="import-quality-rules"
        size="small"
        rowKey="code"
        dataSource={quality.rules}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { title: '规则', dataIndex: 'code', width: 80 },
          { title: '问题', dataIndex: 'title' },
          { title: '级别', dataIndex: 'severity', width: 70, render: (s: Row['severity']) => <Tag color={SEVERITY[s].color}>{SEVERITY[s].label}</Tag> },
          { title: '条数', dataIndex: 'count', width: 80, align: 'right' },
        ]}
      />
      {quality.rows.length < total && <Typography.Text type="secondary">下表列出前 {quality.rows.length} 条（共 {total} 条）；全部问题请导出 Excel 问题清单。</Typography.Text>}
      <Table<Row>
        data-testid="import-quality-rows"
        size="small"
        rowKey={(r) => `${r.no}-${r.code}-${r.member ?? ''}-${r.problem}`}
        dataSource={quality.rows}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { title: '户编号', dataIndex: 'no', width: 170 },
          { title: '户主', dataIndex: 'head', width: 80 },
          { title: '成员', dataIndex: 'member', width: 80 },
          { title: '级别', dataIndex: 'severity', width: 64, render: (s: Row['severity']) => <Tag color={SEVERITY[s].color}>{SEVERITY[s].label}</Tag> },
          { title: '问题', dataIndex: 'problem', render: (p: string, r) => `${r.code} ${p}` },
        ]}
      />
    </Space>
  );
}
