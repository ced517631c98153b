// What a clerk records on a monitoring object: the monthly check (with the level it will give,
// shown live), a remedy, its risks (at most five), and the removal of its risk by a recorded
// decision — flagged before saving when sooner than six months after identification.
import { Alert, App, Checkbox, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { MonitoringBoard, MonitoringDetail, MonitoringObjectView, RemedyView } from '../../../shared/api/index.ts';
import { LEVEL_LABELS, REMOVAL_METHODS } from '../../../shared/workflows/index.ts';
import { api } from '../../api.ts';
import { GUARANTEE_OPTIONS, MAX_RISKS, checkInputFrom, levelPreview, removalInputFrom, removalPreview, remedyInputFrom, risksProblem } from '../../editor/monitoring-forms.ts';
import type { CheckValues, RemedyValues, RemovalValues } from '../../editor/monitoring-forms.ts';
import { DateInput, ErrorAlert, Row, errorOf, fieldError } from '../workflows/shared.tsx';
import type { ShownError } from '../workflows/shared.tsx';
import LevelTag from './LevelTag.tsx';
import { useStore } from '../../store/index.ts';
import { useToday } from '../../hooks/use-today.ts';

/** Runs a save: the archive's refusal goes into the form, as it comes. */
function useSave<T>(onDone: (v: T) => void, done: string) {
  const { message } = App.useApp();
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<T>): Promise<void> => {
    setBusy(true);
    try {
      const v = await call();
      void message.success(done);
      onDone(v);
    } catch (e) {
      setError(errorOf(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}

export function CheckModal({ object, thresholds, onClose, onDone }: { object: MonitoringObjectView; thresholds: MonitoringBoard['thresholds']; onClose: () => void; onDone: (d: MonitoringDetail) => void }) {
  const today = useToday();
  // The visit is usually the logged-in operator's own: 走访人 starts with their name.
  const operator = useStore((st) => st.session?.operator ?? '');
  const [v, setV] = useState<CheckValues>({ checkedOn: today, predicted: '', atRisk: [], findings: '', actions: '', checkedBy: operator });
  const s = useSave(onDone, '已登记月度走访');
  const set = (patch: Partial<CheckValues>): void => setV((x) => ({ ...x, ...patch }));
  const preview = levelPreview(v, thresholds);
  const submit = (): void => {
    const c = checkInputFrom(v, object.householdId, today);
    if (!c.ok) {
      s.setError(fieldError(c));
      return;
    }
    void s.run(() => api.monitoring.recordCheck(c.input));
  };
  return (
    <Modal open title={`登记月度走访：${object.no} ${object.head ?? ''}`} onCancel={onClose} onOk={submit} okText="登记" confirmLoading={s.busy} okButtonProps={{ 'data-testid': 'check-ok' }} width={620}>
      <ErrorAlert error={s.error} />
      <Form layout="horizontal" labelCol={{ span: 6 }} size="small">
        <Row label="走访日期" field="checkedOn" error={s.error} required>
          <DateInput aria-label="走访日期" value={v.checkedOn} onChange={(checkedOn) => set({ checkedOn })} />
        </Row>
        <Row label="预估人均纯收入" field="predicted" error={s.error} extra="不填则按红色管理">
          <Input aria-label="预估人均纯收入" autoFocus suffix="元" style={{ width: 180 }} value={v.predicted} onChange={(e) => set({ predicted: e.target.value })} />
        </Row>
        <Row label="有风险的项目" field="atRisk" error={s.error}>
          <Checkbox.Group value={v.atRisk} onChange={(atRisk) => set({ atRisk: atRisk })} options={GUARANTEE_OPTIONS} />
        </Row>
        <Row label="走访发现" field="findings" error={s.error}>
          <Input.TextArea aria-label="走访发现" maxLength={2000} autoSize={{ minRows: 2, maxRows: 4 }} value={v.findings} onChange={(e) => set({ findings: e.target.value })} />
        </Row>
        <Row label="采取的措施" field="actions" error={s.error}>
          <Input.TextArea aria-label="采取的措施" maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} value={v.actions} onChange={(e) => set({ actions: e.target.value })} />
        </Row>
        <Row label="走访人" field="checkedBy" error={s.error}>
          <Input aria-label="走访人" maxLength={20} style={{ width: 180 }} value={v.checkedBy} onChange={(e) => set({ checkedBy: e.target.value })} />
        </Row>
      </Form>
      {preview ? (
        <Alert type={preview.level === 'red' ? 'error' : preview.level === 'yellow' ? 'warning' : 'success'} showIcon data-testid="level-preview" title={<Space>登记后为 <LevelTag o={{ level: preview.level, levelLabel: LEVEL_LABELS[preview.level] }} /></Space>} description={preview.reasons.join('；')} />
      ) : (
        <Alert type="info" showIcon title="预估收入只能填数字（元）" />
      )}
    </Modal>
  );
}

export function RemedyModal({ detail, remedy, onClose, onDone }: { detail: MonitoringDetail; remedy: RemedyView | null; onClose: () => void; onDone: (d: MonitoringDetail) => void }) {
  const today = useToday();
  const [v, setV] = useState<RemedyValues>({
    checkId: remedy?.checkId ?? detail.checks[0]?.id ?? null,
    shortfall: remedy?.shortfall ?? '',
    action: remedy?.action ?? '',
    responsible: remedy?.responsible ?? '',
    dueOn: remedy?.dueOn ?? '',
    doneOn: remedy?.doneOn ?? '',
    result: remedy?.result ?? '',
  });
  const s = useSave(onDone, remedy ? '已修改帮扶措施' : '已添加帮扶措施');
  const set = (patch: Partial<RemedyValues>): void => setV((x) => ({ ...x, ...patch }));
  const submit = (): void => {
    const c = remedyInputFrom(v, detail.object.householdId, remedy?.id ?? null, today);
    if (!c.ok) {
      s.setError(fieldError(c));
      return;
    }
    void s.run(() => api.monitoring.saveRemedy(c.input));
  };
  return (
    <Modal open title={remedy ? '修改帮扶措施' : '添加帮扶措施（补短板）'} onCancel={onClose} onOk={submit} okText="保存" confirmLoading={s.busy} okButtonProps={{ 'data-testid': 'remedy-ok' }} width={580}>
      <ErrorAlert error={s.error} />
      <Form layout="horizontal" labelCol={{ span: 6 }} size="small">
        <Row label="针对的走访" field="checkId" error={s.error}>
          <Select aria-label="针对的走访" allowClear placeholder="不针对某次走访" value={v.checkId ?? undefined} onChange={(checkId: string | undefined) => set({ checkId: checkId ?? null })} options={detail.checks.map((c) => ({ value: c.id, label: `${c.checkedOn}（${c.levelLabel}）` }))} />
        </Row>
        <Row label="短板" field="shortfall" error={s.error} required>
          <Input aria-label="短板" autoFocus maxLength={50} placeholder="收入，或“两不愁三保障”的哪一项" value={v.shortfall} onChange={(e) => set({ shortfall: e.target.value })} />
        </Row>
        <Row label="帮扶措施" field="action" error={s.error} required>
          <Input.TextArea aria-label="帮扶措施内容" maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} value={v.action} onChange={(e) => set({ action: e.target.value })} />
        </Row>
        <Row label="责任单位或责任人" field="responsible" error={s.error}>
          <Input aria-label="责任单位或责任人" maxLength={50} value={v.responsible} onChange={(e) => set({ responsible: e.target.value })} />
        </Row>
        <Row label="计划完成日期" field="dueOn" error={s.error}>
          <DateInput aria-label="计划完成日期" value={v.dueOn} onChange={(dueOn) => set({ dueOn })} />
        </Row>
        <Row label="落实日期" field="doneOn" error={s.error}>
          <DateInput aria-label="落实日期" value={v.doneOn} onChange={(doneOn) => set({ doneOn })} />
        </Row>
        <Row label="落实结果" field="result" error={s.error}>
          <Input aria-label="落实结果" maxLength={500} value={v.result} onChange={(e) => set({ result: e.target.value })} />
        </Row>
      </Form>
    </Modal>
  );
}

export function RisksModal({ object, onClose, onDone }: { object: MonitoringObjectView; onClose: () => void; onDone: () => void }) {
  const [risks, setRisks] = useState<string[]>(object.risks);
  const s = useSave<unknown>(onDone, '已保存致贫/返贫风险');
  const problem = risksProblem(risks);
  const submit = (): void => {
    if (problem) {
      s.setError({ message: problem, details: [], field: 'risks' });
      return;
    }
    void s.run(() => api.monitoring.setRisks({ householdId: object.householdId, risks }));
  };
  return (
    <Modal open title="致贫/返贫风险" onCancel={onClose} onOk={submit} okText="保存" confirmLoading={s.busy} okButtonProps={{ 'data-testid': 'risks-ok' }} width={520}>
      <ErrorAlert error={s.error} />
      <Select aria-label="风险" mode="tags" style={{ width: '100%' }} value={risks} onChange={setRisks} placeholder="输入后回车，如 因病、因灾、因学" options={['因病', '因残', '因学', '因灾', '缺劳力', '缺技术', '缺资金', '产业项目失败', '务工就业不稳', '意外事故', '住房出现安全问题', '饮水安全问题'].map((r) => ({ value: r, label: r }))} />
      <Typography.Text type={risks.length > MAX_RISKS ? 'danger' : 'secondary'}>
        已填 {risks.length} 项，最多 {MAX_RISKS} 项
      </Typography.Text>
    </Modal>
  );
}

export function RemovalModal({ object, onClose, onDone }: { object: MonitoringObjectView; onClose: () => void; onDone: () => void }) {
  const today = useToday();
  const { message } = App.useApp();
  const [v, setV] = useState<RemovalValues>({ method: null, removedOn: today, decision: '', reason: '' });
  const s = useSave<{ early: { early: boolean; message: string | null } }>((r) => {
    if (r.early.early && r.early.message) void message.warning(r.early.message, 10);
    onDone();
  }, '已登记风险消除');
  const set = (patch: Partial<RemovalValues>): void => setV((x) => ({ ...x, ...patch }));
  const early = removalPreview(object, v.removedOn);
  const submit = (): void => {
    const c = removalInputFrom(v, object.householdId, today);
    if (!c.ok) {
      s.setError(fieldError(c));
      return;
    }
    void s.run(() => api.monitoring.removeRisk(c.input));
  };
  return (
    <Modal open title={`风险消除：${object.no} ${object.head ?? ''}`} onCancel={onClose} onOk={submit} okText="登记消除" okButtonProps={{ danger: true, 'data-testid': 'removal-ok' }} confirmLoading={s.busy} width={580}>
      <ErrorAlert error={s.error} />
      {early?.early && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="监测不足6个月" description={early.message} data-testid="early-removal" />}
      <Form layout="horizontal" labelCol={{ span: 5 }} size="small">
        <Row label="消除方式" field="method" error={s.error} required>
          <Radio.Group value={v.method} onChange={(e) => set({ method: e.target.value as RemovalValues['method'] })} options={REMOVAL_METHODS.map((m) => ({ value: m, label: m }))} />
        </Row>
        <Row label="消除日期" field="removedOn" error={s.error} required extra={object.identifiedOn ? `识别监测时间：${object.identifiedOn}` : undefined}>
          <DateInput aria-label="消除日期" value={v.removedOn} onChange={(removedOn) => set({ removedOn })} />
        </Row>
        <Row label="决定" field="decision" error={s.error} required>
          <Input aria-label="消除决定" maxLength={200} placeholder="文号或会议名称" value={v.decision} onChange={(e) => set({ decision: e.target.value })} />
        </Row>
        <Row label="理由" field="reason" error={s.error}>
          <Input.TextArea aria-label="消除理由" maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} value={v.reason} onChange={(e) => set({ reason: e.target.value })} />
        </Row>
      </Form>
    </Modal>
  );
}
