// 防返贫监测 board: every monitoring object with its level (红/黄/绿, and why), category and
// risks, this month's check (done, due, overdue); a row opens the object to record a check,
// a remedy, its risks or the removal of its risk.
import { Card, Checkbox, Col, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { HTMLAttributes } from 'react';
import type { MonitoringObjectView } from '../../../shared/api/index.ts';
import { formatYuan } from '../../../shared/money.ts';
import { LEVEL_LABELS, MONITORING_LEVELS } from '../../../shared/workflows/index.ts';
import type { MonitoringLevel } from '../../../shared/workflows/index.ts';
import { api } from '../../api.ts';
import QueryState from '../../components/QueryState.tsx';
import { DUE_COLORS, boardSummary } from '../../editor/monitoring-forms.ts';
import ExportListButton from '../../components/ExportListButton.tsx';
import { useDebounced } from '../../hooks/use-debounced.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { useStore } from '../../store/index.ts';
import LevelTag from './LevelTag.tsx';
import ObjectDrawer from './ObjectDrawer.tsx';

export default function MonitoringScreen() {
  const villages = useStore((s) => s.villages);
  const [villageId, setVillageId] = useState<string | null>(null);
  const [level, setLevel] = useState<MonitoringLevel | null>(null);
  const [dueOnly, setDueOnly] = useState(false);
  const [includeRemoved, setIncludeRemoved] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [searchInput, setSearchInput] = useState('');
  const search = useDebounced(searchInput.trim(), 200);
  const filter = { villageId, level, dueOnly, includeRemoved, search };
  const query = useQuery(() => api.monitoring.board(filter), [villageId, level, dueOnly, includeRemoved, search]);

  return (
    <div data-testid="monitoring-screen">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          防返贫监测
        </Typography.Title>
        <Select aria-label="监测行政村" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部行政村" style={{ width: 150 }} value={villageId ?? undefined} onChange={(v: string | undefined) => setVillageId(v ?? null)} options={villages.map((v) => ({ value: v.id, label: v.name }))} />
        <Select aria-label="风险等级" allowClear placeholder="全部等级" style={{ width: 110 }} value={level ?? undefined} onChange={(v: MonitoringLevel | undefined) => setLevel(v ?? null)} options={MONITORING_LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))} />
        <Checkbox checked={dueOnly} onChange={(e) => setDueOnly(e.target.checked)} data-testid="due-only">
          只看本月未走访
        </Checkbox>
        <Checkbox checked={includeRemoved} onChange={(e) => setIncludeRemoved(e.target.checked)}>
          含已消除风险
        </Checkbox>
        <Input allowClear aria-label="查找监测对象" data-testid="monitoring-search" placeholder="户主 / 拼音首字母 / 户编号" style={{ width: 240 }} value={searchInput} onChange={(e) => setSearchInput(e.target.value)} />
        <ExportListButton name={dueOnly ? '本月待走访名单' : '监测对象名单'} request={{ kind: 'monitoring', filter }} disabled={!query.data?.objects.length} testId="export-monitoring" />
      </Space>
      <QueryState query={query}>
        {(b) => (
          <>
            <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
              {MONITORING_LEVELS.map((l) => (
                <Col key={l} xs={8} lg={4}>
                  <Card size="small" style={{ borderTop: `3px solid ${{ red: '#ff4d4f', yellow: '#faad14', green: '#52c41a' }[l]}` }}>
                    <Statistic title={`${LEVEL_LABELS[l]}预警`} value={b.counts[l]} suffix="户" />
                  </Card>
                </Col>
              ))}
              <Col xs={8} lg={4}>
                <Card size="small">
                  <Statistic title="本月待走访" value={b.counts.due} suffix="户" />
                </Card>
              </Col>
              <Col xs={8} lg={4}>
                <Card size="small">
                  <Statistic title="上月也未走访" value={b.counts.overdue} suffix="户" styles={{ content: { color: b.counts.overdue ? '#cf1322' : undefined } }} />
                </Card>
              </Col>
            </Row>
            <Typography.Paragraph type="secondary">
              {boardSummary(b)}。等级标准（{b.thresholds.year}年）：预估人均纯收入低于 {formatYuan(b.thresholds.redBelowFen)} 元或“两不愁三保障”有风险为红色，低于 {formatYuan(b.thresholds.yellowBelowFen)} 元为黄色，其余为绿色。
            </Typography.Paragraph>
            <Table<MonitoringObjectView>
              size="small"
              rowKey="householdId"
              dataSource={b.objects}
              scroll={{ x: 1080 }}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              locale={{ emptyText: '没有符合条件的监测对象' }}
              onRow={(o) => ({ onClick: () => setOpenId(o.householdId), style: { cursor: 'pointer' }, 'data-testid': 'monitoring-row' }) as HTMLAttributes<HTMLElement>}
              columns={[
                { title: '户编号', dataIndex: 'no', width: 150, fixed: 'left', sorter: (a, b) => a.no.localeCompare(b.no) },
                { title: '户主', dataIndex: 'head', width: 70, fixed: 'left', sorter: (a, b) => (a.head ?? '').localeCompare(b.head ?? '', 'zh-CN') },
                { title: '村 / 组', key: 'where', width: 110, render: (_: unknown, o) => `${o.villageName}${o.groupName ? ` ${o.groupName}` : ''}` },
                { title: '类别', dataIndex: 'category', width: 110, render: (c: string | null) => c ?? '—' },
                { title: '风险', dataIndex: 'risks', width: 150, render: (r: string[]) => r.map((x) => <Tag key={x}>{x}</Tag>) },
                {
                  title: '等级',
                  key: 'level',
                  render: (_: unknown, o) => (
                    <Space size={4} align="start">
                      <LevelTag o={o} />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {o.riskRemoved ? `风险已消除（${o.removalMethod ?? ''}）` : o.levelReasons.join('；')}
                      </Typography.Text>
                    </Space>
                  ),
                },
                { title: '上次走访', dataIndex: 'lastCheckOn', width: 100, render: (d: string | null) => d ?? '—', sorter: (a, b) => (a.lastCheckOn ?? '').localeCompare(b.lastCheckOn ?? '') },
                { title: '本月走访', key: 'due', width: 110, render: (_: unknown, o) => <Tag color={DUE_COLORS[o.due]}>{o.dueLabel}</Tag>, sorter: (a, b) => a.dueLabel.localeCompare(b.dueLabel, 'zh-CN') },
                { title: '待落实措施', dataIndex: 'openRemedies', width: 90, align: 'right', render: (n: number) => (n ? n : '—'), sorter: (a, b) => a.openRemedies - b.openRemedies },
              ]}
            />
          </>
        )}
      </QueryState>
      {openId && query.data && <ObjectDrawer householdId={openId} thresholds={query.data.thresholds} onClose={() => setOpenId(null)} onChanged={query.reload} />}
    </div>
  );
}
