// 概览: households by status, per village, data-quality problems, things to do. The figures show
// as soon as they are counted; the quality check's part fills in after, with a progress bar.
import { Alert, Button, Card, Col, Empty, Progress, Row, Space, Statistic, Table, Typography } from 'antd';
import type { DueItem } from '../../shared/api/index.ts';
import { HOUSEHOLD_STATUSES } from '../../shared/status.ts';
import { api } from '../api.ts';
import QueryState from '../components/QueryState.tsx';
import { useQuery } from '../hooks/use-query.ts';
import { useOverviewCheck } from '../hooks/use-overview-check.ts';
import { NO_FILTER } from '../store/list-slice.ts';
import { useStore } from '../store/index.ts';

/** Every count on the overview the same way: 16,000 户 beside 65,785 人. */
const n = (v: number): string => v.toLocaleString('zh-CN');
/** The status cards count one status each; 未脱贫 elsewhere (per village, the dashboard) adds 返贫户. */
const CARD_LABELS: Record<string, string> = { poor: '贫困户（不含返贫户）' };

export default function OverviewScreen() {
  const query = useQuery(() => api.overview.get({ year: null }), []);
  const navigate = useStore((s) => s.navigate);
  const villages = useStore((s) => s.villages);
  const setFilter = useStore((s) => s.setFilter);
  const check = useOverviewCheck(query.data?.check, !query.loading && query.data !== undefined);
  const problems = check.result?.problems;

  const go = (d: DueItem): void => {
    if (d.go === 'households-no-helper') {
      void setFilter({ ...NO_FILTER, noHelper: true });
      navigate({ name: 'households' });
    } else navigate({ name: d.go });
  };

  const openVillageList = (code: string): void => {
    const v = villages.find((x) => x.code === code);
    if (!v) return;
    void setFilter({ villageId: v.id });
    navigate({ name: 'households' });
  };

  return (
    <QueryState query={query}>
      {(o) => (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Space align="baseline" wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {o.township}概览
            </Typography.Title>
            <Typography.Text type="secondary">
              {o.year != null ? `收入年度 ${o.year} · ` : ''}
              {n(o.villages)} 个行政村 · {n(o.households)} 户 {n(o.members)} 人
            </Typography.Text>
            <Button size="small" onClick={query.reload}>
              刷新
            </Button>
          </Space>
          {o.households === 0 && (
            <Alert
              type="info"
              showIcon
              data-testid="empty-archive"
              title="档案里还没有农户"
              description="第一步：导入国家防返贫监测信息系统导出的花名册（Excel），系统会先检查再导入；也可以在“农户档案”中逐户新增。"
              action={
                <Space orientation="vertical">
                  <Button type="primary" size="small" onClick={() => navigate({ name: 'import' })}>
                    导入花名册
                  </Button>
                  <Button size="small" onClick={() => navigate({ name: 'household', id: null })}>
                    新增农户
                  </Button>
                </Space>
              }
            />
          )}
          <Row gutter={[12, 12]}>
            {HOUSEHOLD_STATUSES.filter((s) => o.byStatus[s]).map((s) => (
              <Col key={s} xs={12} sm={8} lg={6} xl={3}>
                <Card size="small" hoverable data-testid={`status-${s}`}>
                  <Statistic title={CARD_LABELS[s] ?? o.byStatus[s]!.label} value={o.byStatus[s]!.households} suffix="户" />
                  <Typography.Text type="secondary">{n(o.byStatus[s]!.members)} 人</Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={16}>
              <Card title="各村情况" size="small">
                <Table
                  size="small"
                  rowKey="code"
                  pagination={false}
                  dataSource={o.perVillage}
                  onRow={(r) => ({ onClick: () => openVillageList(r.code), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: '行政村', dataIndex: 'name' },
                    { title: '户数', dataIndex: 'households', align: 'right', render: n },
                    { title: '人数', dataIndex: 'members', align: 'right', render: n },
                    { title: '未脱贫户（含返贫）', dataIndex: 'poorHouseholds', align: 'right', render: n },
                    { title: '已脱贫户', dataIndex: 'exitedHouseholds', align: 'right', render: n },
                    { title: '监测户', dataIndex: 'monitoredHouseholds', align: 'right', render: n },
                    { title: '贫困发生率', dataIndex: 'incidence', align: 'right', render: (v: number) => `${v.toFixed(2)}%` },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card title="数据质量" size="small" style={{ marginBottom: 16 }} extra={<a onClick={() => navigate({ name: 'quality' })}>查看</a>}>
                {problems ? (
                  <Row data-testid="problem-counts">
                    <Col span={12}>
                      <Statistic title="错误" value={problems.error} styles={{ content: { color: problems.error ? '#cf1322' : undefined } }} />
                    </Col>
                    <Col span={12}>
                      <Statistic title="疑点" value={problems.warning} styles={{ content: { color: problems.warning ? '#d48806' : undefined } }} />
                    </Col>
                  </Row>
                ) : check.error ? (
                  <Alert type="warning" showIcon title={check.error} />
                ) : (
                  <div data-testid="check-progress">
                    <Typography.Text type="secondary">{check.progress?.label ?? '数据检查'}：正在检查，上面的数字已可使用。</Typography.Text>
                    <Progress percent={Math.round((check.progress?.fraction ?? 0) * 100)} status="active" size="small" />
                  </div>
                )}
              </Card>
              <Card title="待办" size="small">
                {[...(check.result?.due ?? []), ...o.due].length === 0 ? <Empty description={check.result ? '暂无待办事项' : '数据检查完成后列出待办事项'} /> : (
                  <ul style={{ margin: 0, paddingLeft: 20, lineHeight: 2 }} data-testid="due-list">
                    {[...o.due, ...(check.result?.due ?? [])].map((d) => (
                      <li key={d.text}>
                        <a onClick={() => go(d)} data-testid="due-item">
                          {d.text}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </QueryState>
  );
}
