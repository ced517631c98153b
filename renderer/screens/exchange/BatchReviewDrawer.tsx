// County: one batch of a township, read-only, with the county's opinions — 通过 / 退回 + reason on
// the county step, for the whole step (households without their own) or for chosen households;
// an opinion not yet sent can be withdrawn.
import { Alert, App, Button, Descriptions, Drawer, Input, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { BatchHouseholdView, CountyBatchView, OpinionView } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import QueryState from '../../components/QueryState.tsx';
import { batchOpinions, canReview, countyStepText, emptyOpinionForm, householdOpinion, OPINION_TAG, opinionInput, opinionProblems } from '../../editor/exchange-review.ts';
import type { OpinionForm } from '../../editor/exchange-review.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { useToday } from '../../hooks/use-today.ts';
import { useStore } from '../../store/index.ts';
import { FailureAlert } from './parts.tsx';
import { failureOf } from './state.ts';
import type { Failure } from './state.ts';

function OpinionTag({ o, own }: { o: OpinionView; own: boolean }) {
  return (
    <Space orientation="vertical" size={0}>
      <Space size={4}>
        <Tag color={OPINION_TAG[o.opinion].color}>{OPINION_TAG[o.opinion].text}</Tag>
        {!own && <Typography.Text type="secondary" style={{ fontSize: 12 }}>（随整批）</Typography.Text>}
        {o.sentIn && <Tag>已发送</Tag>}
        {o.stale && <Tag color="orange">针对旧数据</Tag>}
      </Space>
      {own && o.reason && <Typography.Text type={o.opinion === 'return' ? 'danger' : undefined}>{o.reason}</Typography.Text>}
    </Space>
  );
}

export default function BatchReviewDrawer({ townshipId, batch, onClose, onChanged }: { townshipId: string; batch: CountyBatchView; onClose: () => void; onChanged: () => void }) {
  const today = useToday();
  const operator = useStore((s) => s.session?.operator ?? null);
  const { message } = App.useApp();
  const query = useQuery(async () => {
    const [detail, opinions] = await Promise.all([api.workflows.get({ id: batch.id }), api.exchange.opinions({ townshipId, batchId: batch.id })]);
    return { households: detail.households.filter((h) => h.removedOn == null), opinions };
  }, [batch.id, townshipId]);
  const [selected, setSelected] = useState<string[]>([]);
  const [form, setForm] = useState<OpinionForm>(() => emptyOpinionForm(operator, today));
  const [error, setError] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const open = canReview(batch);
  const stepText = countyStepText(batch);
  const problems = opinionProblems(form);

  const record = async (): Promise<void> => {
    if (problems.length) {
      setError({ message: problems[0]!.message, details: [], cancelled: false });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.exchange.recordOpinion(opinionInput(form, batch.id, selected, batch.countyStep?.seq ?? null));
      void message.success(selected.length ? `已登记 ${selected.length} 户的审核意见` : '已登记整批审核意见');
      setSelected([]);
      setForm({ ...form, opinion: null, reason: '' });
      query.reload();
      onChanged();
    } catch (e) {
      setError(failureOf(e));
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async (o: OpinionView): Promise<void> => {
    try {
      await api.exchange.deleteOpinion({ id: o.id });
      void message.success('已撤回这条审核意见');
      query.reload();
      onChanged();
    } catch (e) {
      void message.error(failureOf(e).message, 6);
    }
  };

  return (
    <Drawer open size={960} title={`${batch.title} · ${batch.countyStep?.label ?? '县级审核'}`} onClose={onClose} destroyOnHidden data-testid="batch-review">
      <Descriptions size="small" column={3} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label="程序">{batch.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="年度">{batch.year}</Descriptions.Item>
        <Descriptions.Item label="范围">{batch.village ?? '全乡镇'}</Descriptions.Item>
        <Descriptions.Item label="县级环节">
          <Tag color={stepText.color}>{stepText.text}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="农户">{batch.householdCount} 户</Descriptions.Item>
        <Descriptions.Item label="已登记意见">{query.data ? query.data.opinions.length : batch.opinions} 条</Descriptions.Item>
      </Descriptions>
      {!open && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="这个批次没有待办的县级环节，不能登记审核意见。" />}
      {open && !batch.readyForReview && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`乡镇还没有完成${batch.countyStep?.label ?? '县级环节'}之前的环节：可以先登记意见，但乡镇导入时要等前一环节完成才能应用。`} />
      )}
      <QueryState query={query}>
        {({ households, opinions }) => {
          const b = batchOpinions(opinions, batch.id);
          return (
            <>
              {open && (
                <div data-testid="opinion-form" style={{ padding: 12, background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, marginBottom: 12 }}>
                  <Typography.Text strong>
                    {selected.length ? `对选中的 ${selected.length} 户登记意见` : '对整个环节登记意见（没有单独意见的户都按此处理）'}
                  </Typography.Text>
                  <Space wrap style={{ marginTop: 8, width: '100%' }}>
                    <Radio.Group
                      value={form.opinion}
                      onChange={(e) => setForm({ ...form, opinion: e.target.value as OpinionForm['opinion'] })}
                      optionType="button"
                      buttonStyle="solid"
                      data-testid="opinion-value"
                      options={[
                        { value: 'pass', label: '通过' },
                        { value: 'return', label: '退回' },
                      ]}
                    />
                    <Input
                      aria-label="审核人"
                      data-testid="opinion-reviewer"
                      prefix="审核人"
                      style={{ width: 180 }}
                      maxLength={20}
                      value={form.reviewer}
                      onChange={(e) => setForm({ ...form, reviewer: e.target.value })}
                    />
                    <Input
                      aria-label="审核日期"
                      prefix="审核日期"
                      placeholder="YYYY-MM-DD"
                      maxLength={10}
                      style={{ width: 200 }}
                      value={form.reviewedOn}
                      onChange={(e) => setForm({ ...form, reviewedOn: e.target.value.trim() })}
                    />
                  </Space>
                  <Input.TextArea
                    aria-label="理由"
                    data-testid="opinion-reason"
                    style={{ marginTop: 8 }}
                    maxLength={500}
                    autoSize={{ minRows: 2, maxRows: 4 }}
                    placeholder={form.opinion === 'return' ? '退回理由（必填）：乡镇要改正什么' : '理由（可选）'}
                    value={form.reason}
                    onChange={(e) => setForm({ ...form, reason: e.target.value })}
                  />
                  <Space style={{ marginTop: 8 }}>
                    <Button type="primary" loading={busy} disabled={problems.length > 0} onClick={() => void record()} data-testid="opinion-save">
                      {selected.length ? `登记（选中 ${selected.length} 户）` : '登记（整个环节）'}
                    </Button>
                    {selected.length > 0 && <Button onClick={() => setSelected([])}>取消选择</Button>}
                    {problems.length > 0 && <Typography.Text type="secondary">{problems[0]!.message}</Typography.Text>}
                  </Space>
                  <FailureAlert failure={error} testId="opinion-error" />
                </div>
              )}
              {b.step && (
                <Alert
                  type={b.step.opinion === 'return' ? 'error' : 'success'}
                  showIcon
                  style={{ marginBottom: 12 }}
                  data-testid="step-opinion"
                  title={`整批意见：${OPINION_TAG[b.step.opinion].text}${b.step.reason ? `，${b.step.reason}` : ''}（${b.step.reviewer}，${b.step.reviewedOn}）`}
                  action={
                    !b.step.sentIn && (
                      <Popconfirm title="撤回整批意见？" okText="撤回" cancelText="不撤回" onConfirm={() => void withdraw(b.step!)}>
                        <Button size="small">撤回</Button>
                      </Popconfirm>
                    )
                  }
                />
              )}
              <Table<BatchHouseholdView>
                size="small"
                rowKey="householdId"
                data-testid="review-households"
                dataSource={households}
                pagination={households.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                rowSelection={open ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
                columns={[
                  { title: '户编号', dataIndex: 'no', width: 170 },
                  { title: '户主', dataIndex: 'head', width: 90 },
                  { title: '村 / 组', key: 'place', width: 140, render: (_: unknown, h) => `${h.villageName}${h.groupName ? ` ${h.groupName}` : ''}` },
                  { title: '人数', dataIndex: 'size', width: 60 },
                  { title: '状态', dataIndex: 'statusLabel', width: 100 },
                  {
                    title: '县级意见',
                    key: 'opinion',
                    render: (_: unknown, h) => {
                      const o = householdOpinion(b, h.householdId);
                      if (!o) return <Typography.Text type="secondary">未登记</Typography.Text>;
                      return (
                        <Space>
                          <OpinionTag o={o.opinion} own={o.own} />
                          {o.own && !o.opinion.sentIn && (
                            <Popconfirm title="撤回这一户的意见？" okText="撤回" cancelText="不撤回" onConfirm={() => void withdraw(o.opinion)}>
                              <Button size="small" type="link">
                                撤回
                              </Button>
                            </Popconfirm>
                          )}
                        </Space>
                      );
                    },
                  },
                ]}
              />
            </>
          );
        }}
      </QueryState>
    </Drawer>
  );
}
