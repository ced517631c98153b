// Importing a package, both sides: the file → its outside (sender, fingerprint, authenticated or
// not, kind, number; refused or already imported) → the preview (everything but the writing) →
// 确认导入 → progress and 取消 → the result: applied, already imported (nothing changed) or
// refused with the reason.
import { Alert, Button, Card, Checkbox, Descriptions, Input, Result, Space, Table, Tag, Typography } from 'antd';
import type { PackageInfoView, ReviewEffectView, TableChangeView, UnpackResultView } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import { formatBytes } from '../../editor/exchange-files.ts';
import { changedTables, changeHeadline, EFFECT_TAG, failureOutcome, inspectView, outcomeOf, previewProblems, tableLine, unpackExtras } from '../../editor/exchange-import.ts';
import { ROLE_LABEL, shortTime } from '../../editor/exchange-keys.ts';
import ExchangeProgress from './ExchangeProgress.tsx';
import Fingerprint from './Fingerprint.tsx';
import { AuditChainAlert, FailureAlert, PathField } from './parts.tsx';
import { failureOf, useExchange } from './state.ts';

function InfoCard({ info }: { info: PackageInfoView }) {
  const v = inspectView(info);
  const type = v.verdict === 'ok' ? 'success' : v.verdict === 'already' ? 'info' : v.verdict === 'unauthenticated' ? 'warning' : 'error';
  return (
    <div data-testid="recv-info" style={{ marginTop: 12 }}>
      <Alert
        type={type}
        showIcon
        data-testid="recv-verdict"
        title={v.title}
        description={v.verdict === 'refused' ? <span data-testid="recv-refusal">{info.refusal}</span> : undefined}
        style={{ marginBottom: 12 }}
      />
      <Descriptions size="small" bordered column={2} styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="类型">
          {info.kindLabel}（第 {info.seq} 号）
        </Descriptions.Item>
        <Descriptions.Item label="发送方">
          <Space size={4}>
            <Tag color={info.sender.role === 'county' ? 'purple' : 'blue'}>{ROLE_LABEL[info.sender.role]}</Tag>
            <span data-testid="recv-sender">{info.sender.name}</span>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="发送方指纹" span={2}>
          <Space wrap>
            <Fingerprint value={info.sender.fingerprint} size="small" testId="recv-fingerprint" />
            <Tag color={v.trust.color} data-testid="recv-trust">
              {v.trust.text}
            </Tag>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="制作时间">{shortTime(info.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="加密方式">{info.encryption === 'x25519' ? (info.forUs ? '加密给本档案的密钥' : '加密给其他密钥（不是发给本档案的）') : '口令加密'}</Descriptions.Item>
        <Descriptions.Item label="大小">{formatBytes(info.bytes)}</Descriptions.Item>
        <Descriptions.Item label="数据包标识">
          <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{info.packageId}</span>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}

function TablesTable({ tables }: { tables: TableChangeView[] }) {
  const rows = changedTables(tables);
  if (rows.length === 0) {
    const same = tables.reduce((n, t) => n + t.unchanged, 0);
    return <Alert type="info" showIcon data-testid="recv-no-change" title={`内容与县级档案中已有的数据相同（${same} 条记录不变）：导入只记下这次报送，不改动数据。`} />;
  }
  return (
    <Table<TableChangeView>
      size="small"
      rowKey="name"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: '没有变化' }}
      columns={[
        { title: '内容', dataIndex: 'label', width: 180 },
        { title: '新增', dataIndex: 'added', width: 80 },
        { title: '变更', dataIndex: 'changed', width: 80 },
        { title: '移除', dataIndex: 'removed', width: 80 },
        { title: '说明', key: 'line', render: (_: unknown, t) => tableLine(t) },
      ]}
    />
  );
}

export function EffectsTable({ effects, testId }: { effects: ReviewEffectView[]; testId?: string }) {
  return (
    <Table<ReviewEffectView>
      size="small"
      rowKey={(e) => `${e.batchId}-${e.stepLabel}`}
      data-testid={testId}
      dataSource={effects}
      pagination={false}
      columns={[
        { title: '批次', dataIndex: 'batchTitle' },
        { title: '环节', dataIndex: 'stepLabel', width: 150 },
        { title: '结果', dataIndex: 'effect', width: 120, render: (e: ReviewEffectView['effect']) => <Tag color={EFFECT_TAG[e].color}>{EFFECT_TAG[e].text}</Tag> },
        { title: '通过', dataIndex: 'passed', width: 60 },
        { title: '退回', dataIndex: 'returned', width: 60, render: (n: number) => (n ? <Typography.Text type="danger" strong>{n}</Typography.Text> : 0) },
        { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '' },
      ]}
    />
  );
}

function Changes({ r }: { r: UnpackResultView }) {
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {r.audit && <AuditChainAlert audit={r.audit} testId="recv-audit" />}
      <Typography.Text strong data-testid="recv-headline">
        {changeHeadline(r)}
      </Typography.Text>
      {r.kind === 'review-result' ? <EffectsTable effects={r.review} testId="recv-effects" /> : <TablesTable tables={r.tables} />}
      {r.attachments.added > 0 && <Typography.Text>新附件 {r.attachments.added} 份（{formatBytes(r.attachments.bytes)}）</Typography.Text>}
      {r.notes.map((n, i) => (
        <Alert key={i} type="info" showIcon title={n} />
      ))}
    </Space>
  );
}

/** `side` decides the words: a county imports townships' packages, a township the county's answers. */
export default function ImportPackage({ side, onImported }: { side: 'township' | 'county'; onImported?: () => void }) {
  const st = useExchange((s) => s.receive);
  const running = useExchange((s) => s.running);
  const setReceive = useExchange((s) => s.setReceive);
  const resetReceive = useExchange((s) => s.resetReceive);
  const run = useExchange((s) => s.run);
  const busy = running !== null;
  const what = side === 'county' ? '乡镇报送的数据包' : '县级审核结果数据包';

  const preview = async (info: PackageInfoView, choices = useExchange.getState().receive.choices): Promise<void> => {
    setReceive({ preview: null, previewError: null });
    const r = await run('preview', '正在检查数据包', (jobId) => api.exchange.unpack({ file: info.file, dryRun: true, ...unpackExtras(info, choices), jobId }));
    if (useExchange.getState().receive.info !== info) return;
    if (r.ok) setReceive({ preview: r.value });
    else setReceive({ previewError: r });
  };

  const inspect = async (): Promise<void> => {
    const file = st.path.trim();
    setReceive({ inspecting: true, info: null, inspectError: null, preview: null, previewError: null, outcome: null, choices: { passphrase: '', accepted: false } });
    try {
      const info = await api.exchange.inspect({ file });
      setReceive({ info, inspecting: false });
      if (previewProblems(info, { passphrase: '', accepted: false }).length === 0) await preview(info, { passphrase: '', accepted: false });
    } catch (e) {
      setReceive({ inspectError: failureOf(e), inspecting: false });
    }
  };

  const apply = async (): Promise<void> => {
    const { info, choices } = useExchange.getState().receive;
    if (!info) return;
    const r = await run('unpack', '正在导入数据包', (jobId) => api.exchange.unpack({ file: info.file, dryRun: false, ...unpackExtras(info, choices), jobId }));
    if (useExchange.getState().receive.info !== info) return;
    if (r.ok) setReceive({ outcome: { outcome: outcomeOf(r.value), result: r.value } });
    else setReceive({ outcome: { outcome: failureOutcome(r.message), result: null } });
    onImported?.();
  };

  const problems = st.info ? previewProblems(st.info, st.choices) : [];
  const view = st.info ? inspectView(st.info) : null;

  if (st.outcome) {
    const { outcome, result } = st.outcome;
    const status = outcome.kind === 'applied' ? 'success' : outcome.kind === 'already' || outcome.kind === 'cancelled' ? 'info' : 'error';
    return (
      <Card size="small" data-testid="recv-outcome">
        <Result
          status={status}
          style={{ padding: '12px 0' }}
          title={<span data-testid="recv-outcome-title">{outcome.title}</span>}
          subTitle={outcome.kind === 'refused' ? <span data-testid="recv-outcome-reason" style={{ color: '#cf1322', fontSize: 15 }}>{outcome.detail}</span> : outcome.detail}
          extra={
            <Button type="primary" onClick={resetReceive} data-testid="recv-again">
              导入其他数据包
            </Button>
          }
        />
        {result && result.applied && (
          <>
            <Changes r={result} />
            {result.backupFile && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                导入前的档案已备份到 {result.backupFile}
              </Typography.Paragraph>
            )}
          </>
        )}
      </Card>
    );
  }

  return (
    <Card title={`导入${what}`} size="small" data-testid="recv-card">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {side === 'county'
          ? '选择乡镇报送的 .fpkg 文件（在U盘上即可，导入时先复制到本机暂存）。先核对封面和签名，再预览会新增、变更哪些数据，确认后才写入；写入前自动备份档案。'
          : '选择县级发回的审核结果 .fpkg 文件。先核对签名，再预览每个批次会怎样（通过、退回），确认后才写入；写入前自动备份档案。'}
      </Typography.Paragraph>
      <PathField
        label="数据包文件"
        value={st.path}
        onChange={(path) => setReceive({ path })}
        want=".fpkg"
        testId="recv-file"
        disabled={busy || st.inspecting}
        placeholder="例如 E:\青山镇_乡镇报送_1_20261124.fpkg"
        extra={
          <Button type="primary" loading={st.inspecting} disabled={busy || !st.path.trim()} onClick={() => void inspect()} data-testid="recv-inspect">
            检查数据包
          </Button>
        }
      />
      <FailureAlert failure={st.inspectError} title="无法读取这个数据包" testId="recv-inspect-error" />
      {st.info && <InfoCard info={st.info} />}
      {st.info && view && view.verdict !== 'refused' && !st.preview && (
        <Space orientation="vertical" size={8} style={{ width: '100%', marginTop: 12 }}>
          {view.needsPassphrase && (
            <Space.Compact style={{ maxWidth: 560, width: '100%' }}>
              <Space.Addon>口令</Space.Addon>
              <Input
                aria-label="口令"
                data-testid="recv-passphrase"
                placeholder="对方电话告知的 8 组 4 位数字"
                value={st.choices.passphrase}
                disabled={busy}
                onChange={(e) => setReceive({ choices: { ...st.choices, passphrase: e.target.value } })}
                style={{ fontFamily: 'monospace', fontSize: 16 }}
              />
            </Space.Compact>
          )}
          {view.needsConfirmation && (
            <Checkbox
              checked={st.choices.accepted}
              disabled={busy}
              data-testid="recv-accept"
              onChange={(e) => setReceive({ choices: { ...st.choices, accepted: e.target.checked } })}
            >
              <b>负责人已确认：已电话与“{st.info.sender.name}”逐组核对上面的发送方指纹，一致</b>
            </Checkbox>
          )}
          {problems.length > 0 && <Typography.Text type="secondary">{problems[0]}</Typography.Text>}
          {!busy && (
            <Button disabled={problems.length > 0} onClick={() => st.info && void preview(st.info)} data-testid="recv-preview">
              {st.previewError ? '重新检查并预览' : '检查并预览'}
            </Button>
          )}
        </Space>
      )}
      <ExchangeProgress keys={['preview', 'unpack']} />
      <FailureAlert failure={st.previewError} title="检查没有通过，不能导入（档案没有任何改动）" testId="recv-preview-error" />
      {st.preview && (
        <div data-testid="recv-preview-result" style={{ marginTop: 12 }}>
          <Alert
            type={st.preview.alreadyImported ? 'info' : 'success'}
            showIcon
            style={{ marginBottom: 8 }}
            title={st.preview.alreadyImported ? '已导入过：这个数据包以前导入过，再次导入不会有任何改动' : '检查通过：签名、校验值和每条记录都核对无误。以下是导入后的变化（尚未写入）'}
          />
          {!st.preview.alreadyImported && <Changes r={st.preview} />}
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" size="large" disabled={busy} onClick={() => void apply()} data-testid="recv-apply">
              {st.preview.alreadyImported ? '仍然导入（不会有改动）' : '确认导入'}
            </Button>
            <Button disabled={busy} onClick={resetReceive}>
              放弃
            </Button>
          </Space>
        </div>
      )}
    </Card>
  );
}
