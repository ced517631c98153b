// One monitoring object: level and why, category, risks, when monitoring began; its monthly
// checks and remedies; and what a clerk records on it.
import { Alert, Button, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { API } from '../../../shared/api/index.ts';
import type { MonitoringBoard, MonitoringCheckView, MonitoringDetail, RemedyView } from '../../../shared/api/index.ts';
import { formatYuan } from '../../../shared/money.ts';
import { GUARANTEE_ITEMS } from '../../../shared/workflows/index.ts';
import { api } from '../../api.ts';
import QueryState from '../../components/QueryState.tsx';
import { DUE_COLORS } from '../../editor/monitoring-forms.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { useMay } from '../../hooks/use-may.ts';
import { useStore } from '../../store/index.ts';
import LevelTag from './LevelTag.tsx';
import { CheckModal, RemedyModal, RemovalModal, RisksModal } from './MonitoringModals.tsx';

type Form = { type: 'check' } | { type: 'remedy'; remedy: RemedyView | null } | { type: 'risks' } | { type: 'remove' };

function Body({ d, open }: { d: MonitoringDetail; open: (f: Form) => void }) {
  const o = d.object;
  const navigate = useStore((s) => s.navigate);
  // A role that may not record monitoring work sees it, without the buttons (the archive refuses it anyway).
  const mayWork = useMay(API.monitoring.recordCheck);
  const live = !o.riskRemoved && mayWork;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert
        type={o.level === 'red' ? 'error' : o.level === 'yellow' ? 'warning' : 'success'}
        showIcon
        data-testid="object-level"
        title={
          <Space>
            <LevelTag o={o} />
            <span>风险等级</span>
            {o.riskRemoved && <Tag color="green">风险已消除（{o.removalMethod ?? ''}）</Tag>}
          </Space>
        }
        description={o.levelReasons.join('；')}
      />
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'cat', label: '监测类别', children: o.category ?? '—' },
          { key: 'since', label: '识别监测时间', children: o.identifiedOn ?? '—' },
          { key: 'risks', label: '致贫/返贫风险', children: o.risks.length ? o.risks.map((r) => <Tag key={r}>{r}</Tag>) : '—', span: 2 },
          { key: 'due', label: '本月走访', children: <Tag color={DUE_COLORS[o.due]}>{o.dueLabel}</Tag> },
          { key: 'size', label: '人口', children: `${o.size} 人（${o.statusLabel}）` },
        ]}
      />
      <Space wrap>
        {live && (
          <>
            <Button type="primary" onClick={() => open({ type: 'check' })} data-testid="record-check">
              登记月度走访
            </Button>
            <Button onClick={() => open({ type: 'remedy', remedy: null })} data-testid="add-remedy">
              添加帮扶措施
            </Button>
            <Button onClick={() => open({ type: 'risks' })} data-testid="edit-risks">
              修改风险
            </Button>
            <Button danger onClick={() => open({ type: 'remove' })} data-testid="remove-risk">
              风险消除…
            </Button>
          </>
        )}
        <Button type="link" onClick={() => navigate({ name: 'household', id: o.householdId })}>
          查看农户档案
        </Button>
      </Space>
      <Typography.Title level={5}>走访记录</Typography.Title>
      <Table<MonitoringCheckView>
        size="small"
        rowKey="id"
        dataSource={d.checks}
        pagination={{ pageSize: 6, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有走访记录' }}
        onRow={() => ({ 'data-testid': 'check-row' }) as object}
        columns={[
          { title: '日期', dataIndex: 'checkedOn', width: 100 },
          { title: '预估人均纯收入', dataIndex: 'predictedPerCapitaFen', width: 120, render: (f: number | null) => (f == null ? '—' : `${formatYuan(f)} 元`) },
          { title: '有风险的项目', dataIndex: 'atRisk', render: (a: (keyof typeof GUARANTEE_ITEMS)[]) => (a.length ? a.map((k) => GUARANTEE_ITEMS[k]).join('、') : '无') },
          { title: '等级', key: 'level', width: 70, render: (_: unknown, c) => <LevelTag o={c} /> },
          { title: '发现 / 措施', key: 'notes', render: (_: unknown, c) => [c.findings, c.actions].filter(Boolean).join('；') || '—' },
          { title: '走访人', dataIndex: 'checkedBy', width: 80, render: (v: string | null) => v ?? '—' },
        ]}
      />
      <Typography.Title level={5}>帮扶措施（补短板）</Typography.Title>
      <Table<RemedyView>
        size="small"
        rowKey="id"
        dataSource={d.remedies}
        pagination={false}
        locale={{ emptyText: '还没有帮扶措施' }}
        columns={[
          { title: '短板', dataIndex: 'shortfall', width: 90 },
          { title: '措施', dataIndex: 'action' },
          { title: '责任', dataIndex: 'responsible', width: 90, render: (v: string | null) => v ?? '—' },
          { title: '计划 / 落实', key: 'dates', width: 170, render: (_: unknown, r) => `${r.dueOn ?? '—'} / ${r.doneOn ?? '未落实'}` },
          { title: '结果', dataIndex: 'result', render: (v: string | null) => v ?? '—' },
          { title: '', key: 'edit', width: 60, render: (_: unknown, r) => (live ? <Button size="small" type="link" onClick={() => open({ type: 'remedy', remedy: r })}>修改</Button> : null) },
        ]}
      />
    </Space>
  );
}

export default function ObjectDrawer({ householdId, thresholds, onClose, onChanged }: { householdId: string; thresholds: MonitoringBoard['thresholds']; onClose: () => void; onChanged: () => void }) {
  const query = useQuery(() => api.monitoring.get({ householdId }), [householdId]);
  const [fresh, setFresh] = useState<MonitoringDetail | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const done = (d: MonitoringDetail | null): void => {
    if (d) setFresh(d);
    else query.reload();
    setForm(null);
    onChanged();
  };
  const title = query.data ? `${query.data.object.no} ${query.data.object.head ?? ''}（${query.data.object.villageName}）` : '监测对象';
  return (
    <Drawer open title={title} size={820} onClose={onClose} data-testid="object-drawer">
      <QueryState query={query}>
        {(loaded) => {
          const d = fresh ?? loaded;
          return (
            <>
              <Body d={d} open={setForm} />
              {form?.type === 'check' && <CheckModal object={d.object} thresholds={thresholds} onClose={() => setForm(null)} onDone={done} />}
              {form?.type === 'remedy' && <RemedyModal detail={d} remedy={form.remedy} onClose={() => setForm(null)} onDone={done} />}
              {form?.type === 'risks' && <RisksModal object={d.object} onClose={() => setForm(null)} onDone={() => { setFresh(null); done(null); }} />}
              {form?.type === 'remove' && <RemovalModal object={d.object} onClose={() => setForm(null)} onDone={() => { setFresh(null); done(null); }} />}
            </>
          );
        }}
      </QueryState>
    </Drawer>
  );
}
