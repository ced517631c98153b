// 统计看板: the wall chart's figures in the app — key figures, the charts (ECharts, the same
// options as the printed wall chart) and the per-village table — for a chosen year, with a
// button to print the wall chart itself.
import { Alert, App, Button, Card, Col, Radio, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { WallChartView } from '../../../shared/api/index.ts';
import { api, isElectron } from '../../api.ts';
import { figureCard } from '../../editor/documents-dashboard.ts';
import { PAPERS, yearOptions } from '../../editor/documents-form.ts';
import type { Paper } from '../../editor/documents-form.ts';
import { errorText, printPlan } from '../../editor/documents-output.ts';
import QueryState from '../../components/QueryState.tsx';
import { useQuery } from '../../hooks/use-query.ts';
import { useThisYear } from '../../hooks/use-today.ts';
import { useStore } from '../../store/index.ts';
import { blobUrlOf, frameSupport, printFrame, printShell, probeFrames, useFrameSupport } from '../documents/pdf-frame.ts';
import { useDocuments } from '../documents/state.ts';
import EChart from './EChart.tsx';

type Village = WallChartView['villages'][number];

function usePrintWallChart() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);

  const print = async (year: number | null, paper: Paper): Promise<void> => {
    setBusy(true);
    try {
      if (isElectron()) {
        // The desktop shell's print bridge: the system print dialog, printer chosen there.
        const r = await api.print.document({ kind: 'wallchart', format: 'pdf', year, options: { paper }, jobId: null });
        void message.info(r.printed ? `已送往打印机：${r.title}。` : '没有打印：打印对话框已关闭。', 6);
        return;
      }
      const p = await api.documents.preview({ kind: 'wallchart', format: 'pdf', year, options: { paper }, jobId: null });
      if (p.missingGlyphs.length) void message.warning(`挂图中有 ${p.missingGlyphs.length} 处文字含字库里没有的字，打印时留空“＿”，请手工填写。`, 8);
      const blob = blobUrlOf(p.dataBase64, p.mime);
      const plan = printPlan({ format: 'pdf', truncated: p.truncated, pages: p.pages, ...printShell() });
      if (plan.kind === 'refuse' || plan.kind === 'bridge') {
        URL.revokeObjectURL(blob);
        if (plan.kind === 'refuse') void message.warning(plan.message, 8);
      } else if (plan.kind === 'tab') {
        window.open(blob, '_blank');
        setUrl(blob);
        void message.info(plan.message, 6);
      } else {
        setUrl(blob); // the hidden frame prints it once loaded
      }
    } catch (e) {
      void message.error(errorText(e), 6);
    } finally {
      setBusy(false);
    }
  };

  const hiddenFrame =
    url && frameSupport() !== 'blocked' ? (
      <iframe
        key={url}
        ref={frame}
        src={url}
        title="挂图打印"
        data-testid="wallchart-print-frame"
        aria-hidden="true"
        tabIndex={-1}
        style={{ position: 'absolute', width: 0, height: 0, border: 0, visibility: 'hidden' }}
        onLoad={() => {
          if (!printFrame(frame.current)) void message.warning('没能打开打印：请在“打印文档”中保存挂图，再用 PDF 阅读器打印。', 8);
        }}
      />
    ) : null;
  return { print, busy, hiddenFrame };
}

export default function DashboardScreen() {
  const [year, setYear] = useState<number | null>(null);
  const [paper, setPaper] = useState<Paper>('A3');
  const archiveFile = useStore((s) => s.session?.archive?.file ?? null);
  const thisYear = useThisYear();
  const navigate = useStore((s) => s.navigate);
  const presetKind = useDocuments((s) => s.presetKind);
  const query = useQuery(() => api.documents.wallchart({ year, asOf: null }), [year, archiveFile]);
  const printer = usePrintWallChart();
  const support = useFrameSupport();
  useEffect(() => probeFrames(), []);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="dashboard-screen" data-frame-support={support}>
      <Space align="center" wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space align="baseline" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            统计看板
          </Typography.Title>
          {query.data ? <Typography.Text type="secondary" data-testid="dashboard-title">{`${query.data.title} · 统计日期 ${query.data.asOf}`}</Typography.Text> : null}
        </Space>
        <Space wrap>
          <Select aria-label="年度" data-testid="dashboard-year" style={{ width: 150 }} value={year} options={yearOptions(thisYear)} onChange={(y: number | null) => setYear(y)} />
          <Button onClick={query.reload}>刷新</Button>
          <Radio.Group aria-label="挂图纸张" optionType="button" value={paper} options={PAPERS.map((p) => ({ value: p, label: p }))} onChange={(e) => setPaper(e.target.value as Paper)} />
          <Button type="primary" data-testid="dashboard-print" loading={printer.busy} onClick={() => void printer.print(year, paper)}>
            打印挂图
          </Button>
          <Button
            data-testid="dashboard-save"
            onClick={() => {
              presetKind('wallchart', { paper });
              navigate({ name: 'documents' });
            }}
          >
            保存挂图…
          </Button>
        </Space>
      </Space>
      {query.error && query.data ? <Alert type="error" showIcon title="刷新失败" description={query.error} /> : null}
      <QueryState query={query}>
        {(w) => (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <div data-testid="dashboard-figures" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: 12 }}>
              {w.keyFigures.map((f, i) => {
                const c = figureCard(f.label, f.value);
                return (
                  <Card key={f.label} size="small" data-testid={`figure-${i}`} data-label={f.label} data-raw={f.value}>
                    <Statistic title={c.label} value={c.value} groupSeparator="" suffix={<span style={{ fontSize: 14 }}>{c.suffix}</span>} />
                  </Card>
                );
              })}
            </div>
            <Row gutter={[12, 12]}>
              {w.charts.map((c) => (
                <Col key={c.key} xs={24} md={12} xl={8}>
                  <Card size="small" data-testid={`chart-${c.key}`} aria-label={c.title}>
                    <EChart option={c.option} testId={`chart-box-${c.key}`} />
                  </Card>
                </Col>
              ))}
            </Row>
            <Card size="small" title="各村一览" data-testid="dashboard-villages">
              <Table<Village>
                size="small"
                rowKey="code"
                pagination={false}
                dataSource={w.villages}
                scroll={{ x: 900 }}
                columns={[
                  { title: '行政村', dataIndex: 'name', fixed: 'left' },
                  { title: '类别', dataIndex: 'category', width: 190 },
                  { title: '户数', dataIndex: 'households', align: 'right' },
                  { title: '人数', dataIndex: 'members', align: 'right' },
                  { title: '未脱贫（户/人）', dataIndex: 'poor', align: 'right' },
                  { title: '已脱贫（户/人）', dataIndex: 'exited', align: 'right' },
                  { title: '监测对象（户/人）', dataIndex: 'monitored', align: 'right' },
                  { title: '贫困发生率', dataIndex: 'incidence', align: 'right' },
                  { title: '第一书记', dataIndex: 'firstSecretary', render: (v: string) => v || '—' },
                ]}
              />
            </Card>
          </Space>
        )}
      </QueryState>
      {printer.hiddenFrame}
    </Space>
  );
}
