// The batch page's record tabs: objections (with 办结), 民主评议 meetings (attendance, votes,
// scans), recorded decisions, and for 脱贫退出 the exit check of every household.
import { Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { API } from '../../../shared/api/index.ts';
import type { BatchDetail, DecisionView, ExitCheckRow, ObjectionView } from '../../../shared/api/index.ts';
import type { ExitItem } from '../../../shared/workflows/index.ts';
import { meetingTimeText } from '../../../shared/workflows/index.ts';
import { api } from '../../api.ts';
import QueryState from '../../components/QueryState.tsx';
import { useQuery } from '../../hooks/use-query.ts';
import { useMay } from '../../hooks/use-may.ts';
import Attachments from './Attachments.tsx';
import type { Dialog } from './dialogs.ts';

export function ObjectionsTab({ detail, show }: { detail: BatchDetail; show: (d: Dialog) => void }) {
  const rows = detail.steps.flatMap((s) => s.objections);
  const maySettle = useMay(API.workflows.settleObjection);
  const stepOf = (seq: number) => detail.steps.find((s) => s.seq === seq);
  return (
    <Table<ObjectionView>
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: '没有异议（公示环节进行中时，可在该环节下“登记异议”）' }}
      onRow={() => ({ 'data-testid': 'objection-row' }) as object}
      columns={[
        { title: '环节', dataIndex: 'seq', width: 90, render: (seq: number) => `${seq}. ${stepOf(seq)?.label ?? ''}` },
        { title: '异议人', key: 'who', width: 120, render: (_: unknown, o) => <>{o.raisedBy ?? '匿名'}<br /><Typography.Text type="secondary">{o.raisedOn}</Typography.Text></> },
        { title: '针对', dataIndex: 'household', width: 150, render: (v: string | null) => v ?? '整个名单' },
        { title: '内容', dataIndex: 'content', minWidth: 140 },
        { title: '处理情况', dataIndex: 'handling', minWidth: 140, render: (v: string | null) => v ?? '—' },
        {
          title: '结果',
          key: 'result',
          width: 170,
          render: (_: unknown, o) =>
            o.settledOn ? (
              <span>
                <Tag color="green">已办结 {o.settledOn}</Tag>
                <div>{o.result}</div>
              </span>
            ) : maySettle && detail.status === 'open' && stepOf(o.seq)?.status === 'open' ? (
              <Button size="small" type="primary" onClick={() => show({ type: 'settle', objection: o })} data-testid="settle-objection">
                办结
              </Button>
            ) : (
              <Tag color="red">未办结</Tag>
            ),
        },
      ]}
    />
  );
}

export function MeetingsTab({ detail, show }: { detail: BatchDetail; show: (d: Dialog) => void }) {
  const steps = detail.steps.filter((s) => s.meeting);
  const mayEdit = useMay(API.workflows.saveMeeting);
  const meetings = steps.flatMap((s) => s.meetings.map((m) => ({ m, s })));
  const open = detail.status === 'open' ? steps.find((s) => s.status === 'open') : undefined;
  const record = open && mayEdit ? (
    <Button type="primary" size="small" onClick={() => show({ type: 'meeting', seq: open.seq, meeting: null })} data-testid="meetings-tab-record">
      {`记录第${open.seq}步“${open.label}”会议`}
    </Button>
  ) : null;
  if (meetings.length === 0) {
    const when = open ? `第${open.seq}步“${open.label}”正在进行，可以记录` : `${steps.map((s) => `第${s.seq}步“${s.label}”`).join('、')}开始后可记录`;
    return (
      <Empty description={`还没有民主评议会议记录（${when}）`}>
        {record}
      </Empty>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {record}
      {meetings.map(({ m, s }) => (
        <Card
          key={m.id}
          size="small"
          data-testid="meeting-card"
          title={
            <Space>
              <span>{`第${s.seq}步“${s.label}”会议 ${m.heldOn}`}</span>
              <Tag color={m.valid ? 'green' : 'red'}>{m.valid ? '有效' : '无效'}</Tag>
            </Space>
          }
          extra={
            mayEdit && detail.status === 'open' && s.status === 'open' ? (
              <Button size="small" onClick={() => show({ type: 'meeting', seq: s.seq, meeting: m })}>
                修改
              </Button>
            ) : null
          }
        >
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'place', label: '地点', children: m.place ?? '—' },
              { key: 'host', label: '主持人 / 记录人', children: `${m.host ?? '—'} / ${m.recorder ?? '—'}` },
              { key: 'time', label: '时间', children: meetingTimeText(m.startsAt, m.endsAt) || '—' },
              { key: 'vote', label: '投票方式', children: m.voteMethodLabel ?? '—' },
              { key: 'counters', label: '监票人 / 计票人', children: `${m.scrutineer ?? '—'} / ${m.teller ?? '—'}` },
              { key: 'count', label: '到会 / 应到', children: `${m.attendeesCount ?? '?'} / ${m.entitledCount ?? '?'} 人${m.problem ? `（${m.problem}）` : ''}` },
              { key: 'result', label: '评议结果', children: m.result ?? '—' },
              { key: 'who', label: '参会人员', children: m.attendees ?? '—', span: 2 },
              { key: 'minutes', label: '会议记录', children: m.minutes ?? '—', span: 2 },
            ]}
          />
          {m.votes.length > 0 && (
            <Table
              size="small"
              rowKey="householdId"
              pagination={false}
              dataSource={m.votes}
              columns={[
                { title: '农户', dataIndex: 'household' },
                { title: '赞成', dataIndex: 'votesFor', width: 60 },
                { title: '反对', dataIndex: 'votesAgainst', width: 60 },
                { title: '弃权', dataIndex: 'abstentions', width: 60 },
                { title: '结果', dataIndex: 'carries', width: 90, render: (c: boolean) => <Tag color={c ? 'green' : 'red'}>{c ? '过半数' : '未过半数'}</Tag> },
              ]}
            />
          )}
          <div style={{ marginTop: 8 }}>
            <Attachments ownerTable="meetings" ownerId={m.id} what="会议记录扫描件" canAdd={detail.status !== 'cancelled'} />
          </div>
        </Card>
      ))}
    </Space>
  );
}

export function DecisionsTab({ detail }: { detail: BatchDetail }) {
  return (
    <Table<DecisionView>
      size="small"
      rowKey="id"
      dataSource={detail.decisions}
      pagination={false}
      locale={{ emptyText: '没有重新开启或撤销的决定' }}
      columns={[
        { title: '日期', dataIndex: 'decidedOn', width: 100 },
        { title: '事项', key: 'action', width: 140, render: (_: unknown, d) => `${d.actionLabel}${d.seq ? `（第${d.seq}步）` : ''}` },
        { title: '决定', dataIndex: 'decision' },
        { title: '理由', dataIndex: 'reason' },
        { title: '登记人', dataIndex: 'decidedBy', width: 80 },
      ]}
    />
  );
}

function ExitItems({ items }: { items: ExitItem[] }) {
  return (
    <Space orientation="vertical" size={2}>
      {items.map((i) => (
        <div key={i.code}>
          <Tag color={i.met ? 'green' : 'red'}>{i.met ? '达标' : '未达标'}</Tag>
          {i.veto && <Tag color="volcano">一票否决</Tag>}
          {i.label}：{i.detail}
        </div>
      ))}
    </Space>
  );
}

export function ExitCheckTab({ detail }: { detail: BatchDetail }) {
  const query = useQuery(() => api.workflows.exitCheck({ year: detail.year, batchId: detail.id }), [detail.id, detail.year, detail.households]);
  return (
    <QueryState query={query}>
      {(rows) => (
        <>
          <Typography.Paragraph type="secondary">
            {detail.year}年脱贫标准核查：{rows.filter((r) => r.qualifies).length} 户达标，{rows.filter((r) => !r.qualifies).length} 户未达标。未达标的户须先登记“不通过”，本批次才能公告退出。
          </Typography.Paragraph>
          <Table<ExitCheckRow>
            size="small"
            rowKey="householdId"
            dataSource={rows}
            pagination={false}
            expandable={{ expandedRowRender: (r) => <ExitItems items={r.items} /> }}
            onRow={() => ({ 'data-testid': 'exit-check-row' }) as object}
            columns={[
              { title: '农户', dataIndex: 'household', width: 200 },
              { title: '村', dataIndex: 'villageName', width: 90 },
              { title: '结论', dataIndex: 'qualifies', width: 90, render: (q: boolean) => <Tag color={q ? 'green' : 'red'}>{q ? '符合退出' : '不符合'}</Tag> },
              { title: '不符合的原因', dataIndex: 'reasons', render: (r: string[]) => (r.length ? r.map((x) => <div key={x}>{x}</div>) : '—') },
            ]}
          />
        </>
      )}
    </QueryState>
  );
}
