// 部门预警: the register of department-screening hits (预警) with their status and due date,
// filtered by department, status, village and overdue; import a department's list; per hit
// record the 核实 result, start a 监测识别 batch, or dismiss it; export; open the household.
import { App, Button, Card, Col, Input, Modal, Radio, Row, Select, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AlertView } from '../../../shared/api/index.ts';
import { ALERT_STATUSES, ALERT_STATUS_LABELS, DEPARTMENTS, DEPARTMENT_DEFS } from '../../../shared/screening/departments.ts';
import type { AlertStatus, Department } from '../../../shared/screening/departments.ts';
import { api } from '../../api.ts';
import QueryState from '../../components/QueryState.tsx';
import { useQuery } from '../../hooks/use-query.ts';
import { useToday } from '../../hooks/use-today.ts';
import { useStore } from '../../store/index.ts';
import { saveBase64 } from '../import/save-file.ts';
import ListImportModal from './ListImportModal.tsx';

const STATUS_COLORS: Record<AlertStatus, string> = { pending: 'orange', monitor: 'red', no_risk: 'green', dismissed: 'default' };

type Action = { alert: AlertView; kind: 'verify' | 'dismiss' };

export default function ScreeningScreen() {
  const { message } = App.useApp();
  const villages = useStore((s) => s.villages);
  const navigate = useStore((s) => s.navigate);
  const today = useToday();
  const [department, setDepartment] = useState<Department | null>(null);
  const [status, setStatus] = useState<AlertStatus | null>(null);
  const [villageId, setVillageId] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [importing, setImporting] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const [outcome, setOutcome] = useState<'monitor' | 'no_risk'>('no_risk');
  const [note, setNote] = useState('');
  const filter = { department, status, villageId, overdue };
  const query = useQuery(() => api.screening.list(filter), [department, status, villageId, overdue]);

  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      void message.success(done);
      setAction(null);
      setNote('');
      query.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e), 6);
    }
  };
  const exportXlsx = async () => {
    const r = await api.screening.exportXlsx(filter);
    saveBase64(r.fileName, r.dataBase64);
  };

  return (
    <div data-testid="screening-screen">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          部门预警
        </Typography.Title>
        <Select aria-label="部门" allowClear placeholder="全部部门" style={{ width: 130 }} value={department ?? undefined} onChange={(v: Department | undefined) => setDepartment(v ?? null)} options={DEPARTMENTS.map((d) => ({ value: d, label: DEPARTMENT_DEFS[d].label }))} />
        <Select aria-label="状态" allowClear placeholder="全部状态" style={{ width: 150 }} value={status ?? undefined} onChange={(v: AlertStatus | undefined) => setStatus(v ?? null)} options={ALERT_STATUSES.map((s) => ({ value: s, label: ALERT_STATUS_LABELS[s] }))} />
        <Select aria-label="行政村" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部行政村" style={{ width: 130 }} value={villageId ?? undefined} onChange={(v: string | undefined) => setVillageId(v ?? null)} options={villages.map((v) => ({ value: v.id, label: v.name }))} />
        <Space size={4}>
          <Switch size="small" checked={overdue} onChange={setOverdue} />
          只看逾期
        </Space>
        <Button type="primary" data-testid="screening-import" onClick={() => setImporting(true)}>
          导入部门名单
        </Button>
        <Button onClick={() => void exportXlsx()}>导出 Excel</Button>
      </Space>
      <QueryState query={query}>
        {(r) => (
          <>
            <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
              <Col span={4}>
                <Card size="small">
                  <Statistic title="预警总数" value={r.counts.total} suffix="条" />
                </Card>
              </Col>
              {ALERT_STATUSES.map((s) => (
                <Col span={4} key={s}>
                  <Card size="small">
                    <Statistic title={ALERT_STATUS_LABELS[s]} value={r.counts.byStatus[s]} suffix="条" />
                  </Card>
                </Col>
              ))}
              <Col span={4}>
                <Card size="small">
                  <Statistic title="逾期未核实" value={r.counts.overdue} suffix="条" styles={{ content: { color: r.counts.overdue ? '#cf1322' : undefined } }} />
                </Card>
              </Col>
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {r.counts.byDepartment.map((d) => `${d.label} ${d.total} 条（待核实 ${d.pending}）`).join('；') || '还没有导入部门名单。'}
            </Typography.Paragraph>
            <Table<AlertView>
              size="small"
              rowKey="id"
              dataSource={r.alerts}
              scroll={{ y: 'calc(100vh - 330px)' }}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              locale={{ emptyText: '没有符合条件的预警' }}
              columns={[
                { title: '部门', dataIndex: 'departmentLabel', width: 72 },
                { title: '村', dataIndex: 'villageName', width: 72 },
                {
                  title: '户编号 / 户主',
                  key: 'hh',
                  width: 205,
                  render: (_: unknown, a) => (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => navigate({ name: 'household', id: a.householdId })}>
                      {a.householdNo} {a.head ?? ''}
                    </Button>
                  ),
                },
                { title: '人员', dataIndex: 'memberName', width: 64 },
                { title: '预警原因', dataIndex: 'reason', ellipsis: true },
                { title: '状态', key: 'status', width: 112, render: (_: unknown, a) => <Tag color={STATUS_COLORS[a.status]}>{a.statusLabel}</Tag> },
                { title: '核实期限', key: 'due', width: 96, render: (_: unknown, a) => (a.status === 'pending' ? <span style={{ color: a.overdue ? '#cf1322' : undefined }}>{a.dueOn}{a.overdue ? ' 逾期' : ''}</span> : (a.resolvedOn ?? '')) },
                { title: '核实情况', dataIndex: 'result', width: 120, ellipsis: true, render: (t: string | null) => t ?? '' },
                {
                  title: '操作',
                  key: 'act',
                  width: 176,
                  render: (_: unknown, a) =>
                    a.status === 'pending' ? (
                      <Space size={0}>
                        <Button size="small" type="link" onClick={() => setAction({ alert: a, kind: 'verify' })}>
                          核实
                        </Button>
                        <Button size="small" type="link" onClick={() => void run(() => api.screening.startMonitoring({ id: a.id, year: Number(today.slice(0, 4)), createdOn: today }), `已为 ${a.householdNo} 发起监测对象识别`)}>
                          监测识别
                        </Button>
                        <Button size="small" type="link" danger onClick={() => setAction({ alert: a, kind: 'dismiss' })}>
                          排除
                        </Button>
                      </Space>
                    ) : null,
                },
              ]}
            />
          </>
        )}
      </QueryState>
      {importing && (
        <ListImportModal
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false);
            query.reload();
          }}
        />
      )}
      {action && (
        <Modal
          open
          title={`${action.kind === 'verify' ? '登记核实结果' : '排除预警'}：${action.alert.householdNo} ${action.alert.memberName ?? ''}`}
          okText={action.kind === 'verify' ? '登记' : '排除'}
          okButtonProps={{ disabled: !note.trim() }}
          onCancel={() => setAction(null)}
          onOk={() =>
            void (action.kind === 'verify'
              ? run(() => api.screening.verify({ id: action.alert.id, outcome, result: note }), '已登记核实结果')
              : run(() => api.screening.dismiss({ id: action.alert.id, reason: note }), '已排除'))
          }
        >
          <Typography.Paragraph>{action.alert.reason}</Typography.Paragraph>
          {action.kind === 'verify' && (
            <Radio.Group value={outcome} onChange={(e) => setOutcome(e.target.value as 'monitor' | 'no_risk')} style={{ marginBottom: 8 }}>
              <Radio value="no_risk">无风险</Radio>
              <Radio value="monitor">纳入监测</Radio>
            </Radio.Group>
          )}
          <Input.TextArea rows={3} maxLength={500} placeholder={action.kind === 'verify' ? '核实情况（入户核实的发现）' : '排除理由'} value={note} onChange={(e) => setNote(e.target.value)} />
        </Modal>
      )}
    </div>
  );
}
