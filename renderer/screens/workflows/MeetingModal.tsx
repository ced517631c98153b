// 民主评议 meeting record: date, place, host, recorder, who attended and how many were entitled
// (two thirds shown live), minutes, result and the votes per household.
import { Alert, Col, Form, Input, InputNumber, Modal, Radio, Row as Grid, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { BatchDetail, MeetingView } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import { attendanceLive, attendeeNames, meetingInputFrom, meetingValuesFrom, previousMeeting, voteVerdict } from '../../editor/workflow-meeting.ts';
import type { MeetingValues, VoteRow } from '../../editor/workflow-meeting.ts';
import { DateInput, ErrorAlert, Row, errorOf, fieldError } from './shared.tsx';
import type { ShownError } from './shared.tsx';
import type { Done } from './StepModal.tsx';
import { useToday } from '../../hooks/use-today.ts';
import { VOTE_METHODS } from '../../../shared/workflows/index.ts';

type VoteKey = 'votesFor' | 'votesAgainst' | 'abstentions';

export default function MeetingModal({ detail, seq, meeting, onClose, onDone }: { detail: BatchDetail; seq: number; meeting: MeetingView | null; onClose: () => void; onDone: (d: Done) => void }) {
  const today = useToday();
  const [v, setV] = useState<MeetingValues>(() => meetingValuesFrom(detail, seq, meeting, today));
  const [countTyped, setCountTyped] = useState(meeting != null);
  const prefilled = meeting == null && previousMeeting(detail) != null;
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<MeetingValues>): void => setV((x) => ({ ...x, ...patch }));
  const setVote = (i: number, key: VoteKey, n: number | null): void => setV((x) => ({ ...x, votes: x.votes.map((r, j) => (j === i ? { ...r, [key]: n } : r)) }));
  const live = attendanceLive(v.attendeesCount, v.entitledCount);
  const names = attendeeNames(v.attendees);

  const submit = async (): Promise<void> => {
    const c = meetingInputFrom(v, detail.id, seq, meeting?.id ?? null, today);
    if (!c.ok) {
      setError(fieldError(c));
      return;
    }
    setBusy(true);
    try {
      const d = await api.workflows.saveMeeting(c.input);
      onDone({ detail: d, message: `已保存民主评议会议记录（${live.ok ? '会议有效' : '到会不足三分之二，会议无效'}）` });
      onClose();
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  };

  const voteInput = (r: VoteRow, i: number, key: VoteKey, label: string) => (
    <InputNumber aria-label={`${r.household}${label}`} size="small" min={0} max={10000} precision={0} style={{ width: 70 }} value={r[key]} onChange={(n) => setVote(i, key, n)} />
  );

  return (
    <Modal open title={`${meeting ? '修改' : '记录'}民主评议会议（第${seq}步）`} onCancel={onClose} onOk={() => void submit()} okText="保存" confirmLoading={busy} okButtonProps={{ 'data-testid': 'meeting-ok' }} width={900}>
      <ErrorAlert error={error} />
      {prefilled ? <Alert type="info" showIcon style={{ marginBottom: 8 }} title="地点、主持人、参会人员等已按本批次上一次会议填好，请按本次会议核对修改" data-testid="meeting-prefilled" /> : null}
      <Form layout="horizontal" labelCol={{ span: 6 }} size="small">
        <Grid gutter={16}>
          <Col span={12}>
            <Row label="会议日期" field="heldOn" error={error} required>
              <DateInput aria-label="会议日期" value={v.heldOn} onChange={(heldOn) => set({ heldOn })} />
            </Row>
            <Row label="会议地点" field="place" error={error}>
              <Input aria-label="会议地点" maxLength={100} value={v.place} onChange={(e) => set({ place: e.target.value })} />
            </Row>
            <Row label="主持人" field="host" error={error}>
              <Input aria-label="主持人" maxLength={20} value={v.host} onChange={(e) => set({ host: e.target.value })} />
            </Row>
            <Row label="记录人" field="recorder" error={error}>
              <Input aria-label="记录人" maxLength={20} value={v.recorder} onChange={(e) => set({ recorder: e.target.value })} />
            </Row>
            <Row label="开始/结束" field={error?.field === 'endsAt' ? 'endsAt' : 'startsAt'} error={error}>
              <Space.Compact>
                <Input aria-label="开始时间" placeholder="09:30" maxLength={5} style={{ width: 90 }} value={v.startsAt} onChange={(e) => set({ startsAt: e.target.value })} />
                <Input aria-label="结束时间" placeholder="11:00" maxLength={5} style={{ width: 90 }} value={v.endsAt} onChange={(e) => set({ endsAt: e.target.value })} />
              </Space.Compact>
            </Row>
            <Row label="投票方式" field="voteMethod" error={error}>
              <Radio.Group
                aria-label="投票方式"
                value={v.voteMethod || null}
                onChange={(e) => set({ voteMethod: String(e.target.value) })}
                options={Object.entries(VOTE_METHODS).map(([value, label]) => ({ value, label }))}
              />
            </Row>
            <Row label="监票人" field="scrutineer" error={error} required={v.voteMethod === 'ballot'}>
              <Input aria-label="监票人" maxLength={40} value={v.scrutineer} onChange={(e) => set({ scrutineer: e.target.value })} />
            </Row>
            <Row label="计票人" field="teller" error={error} required={v.voteMethod === 'ballot'}>
              <Input aria-label="计票人" maxLength={40} value={v.teller} onChange={(e) => set({ teller: e.target.value })} />
            </Row>
          </Col>
          <Col span={12}>
            <Row label="参会人员" field="attendees" error={error} extra={names.length ? `名单中 ${names.length} 人` : '姓名之间用顿号、逗号或换行分开'}>
              <Input.TextArea
                aria-label="参会人员"
                maxLength={2000}
                autoSize={{ minRows: 2, maxRows: 4 }}
                value={v.attendees}
                onChange={(e) => {
                  const n = attendeeNames(e.target.value).length;
                  set({ attendees: e.target.value, ...(countTyped || n === 0 ? {} : { attendeesCount: n }) });
                }}
              />
            </Row>
            <Row label="到会人数" field="attendeesCount" error={error} required>
              <InputNumber aria-label="到会人数" min={0} max={10000} precision={0} value={v.attendeesCount} onChange={(n) => { setCountTyped(true); set({ attendeesCount: n }); }} suffix="人" />
            </Row>
            <Row label="应到人数" field="entitledCount" error={error} required>
              <InputNumber aria-label="应到人数" min={1} max={10000} precision={0} value={v.entitledCount} onChange={(n) => set({ entitledCount: n })} suffix="人" />
            </Row>
          </Col>
        </Grid>
        <Alert type={live.ok ? 'success' : 'warning'} showIcon style={{ marginBottom: 12 }} title={live.text} data-testid="two-thirds" />
        <Row label="会议记录" field="minutes" error={error}>
          <Input.TextArea aria-label="会议记录" maxLength={10000} autoSize={{ minRows: 2, maxRows: 6 }} placeholder="发言要点、评议过程" value={v.minutes} onChange={(e) => set({ minutes: e.target.value })} />
        </Row>
        <Row label="评议结果" field="result" error={error}>
          <Input aria-label="评议结果" maxLength={500} value={v.result} onChange={(e) => set({ result: e.target.value })} />
        </Row>
      </Form>
      <Typography.Text strong>逐户表决（赞成票超过到会人数一半为通过；不填的户在完成本环节时没有票数依据）</Typography.Text>
      <Table<VoteRow>
        size="small"
        rowKey="householdId"
        dataSource={v.votes}
        pagination={false}
        scroll={{ y: 240 }}
        columns={[
          { title: '农户', dataIndex: 'household' },
          { title: '赞成', key: 'for', width: 90, render: (_: unknown, r, i) => voteInput(r, i, 'votesFor', '赞成票') },
          { title: '反对', key: 'against', width: 90, render: (_: unknown, r, i) => voteInput(r, i, 'votesAgainst', '反对票') },
          { title: '弃权', key: 'abst', width: 90, render: (_: unknown, r, i) => voteInput(r, i, 'abstentions', '弃权票') },
          {
            title: '结果',
            key: 'verdict',
            width: 200,
            render: (_: unknown, r) => {
              const x = voteVerdict(r, v.attendeesCount);
              return x.carries == null ? <Typography.Text type="secondary">{x.text}</Typography.Text> : <Tag color={x.carries ? 'green' : 'red'}>{x.text}</Tag>;
            },
          },
        ]}
      />
    </Modal>
  );
}
