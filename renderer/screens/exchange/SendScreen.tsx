// 报送县级 (township): the whole archive or chosen batches, encrypted to the registered county key
// (or, before keys are exchanged, to a passphrase the app makes and shows once), signed,
// numbered, written to the chosen place and re-read from there (写入校验); progress and 取消;
// the packages sent so far and whether the county has answered them.
import { Alert, Button, Card, Checkbox, Radio, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { BatchListItem, KeyStatusView, PackageLogView, PackScope, TownshipReviewView } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import QueryState from '../../components/QueryState.tsx';
import { defaultPackagePath, nextSeq } from '../../editor/exchange-files.ts';
import { stillAwaiting } from '../../editor/exchange-review.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { localDay, useToday } from '../../hooks/use-today.ts';
import { useStore } from '../../store/index.ts';
import ExchangeProgress from './ExchangeProgress.tsx';
import './exchange.css';
import Fingerprint from './Fingerprint.tsx';
import PackProblems from './PackProblems.tsx';
import { FailureAlert, PackagesLog, PackResultCard, PathField } from './parts.tsx';
import { useExchange } from './state.ts';
import type { Failure } from './state.ts';

interface Loaded {
  status: KeyStatusView;
  batches: BatchListItem[];
  sent: PackageLogView[];
  review: TownshipReviewView;
  received: PackageLogView[];
}

async function load(): Promise<Loaded> {
  const [status, batches, sent, review, received] = await Promise.all([
    api.exchange.keyStatus({}),
    api.workflows.list({}),
    api.exchange.packages({ direction: 'out' }),
    api.exchange.reviewResults({}),
    api.exchange.packages({ direction: 'in' }),
  ]);
  return { status, batches, sent, review, received };
}

function SendForm({ data }: { data: Loaded }) {
  const archive = useStore((s) => s.session?.archive ?? null);
  const today = useToday();
  const navigate = useStore((s) => s.navigate);
  const running = useExchange((s) => s.running);
  const pack = useExchange((s) => s.pack);
  const packedId = useExchange((s) => (s.packed?.key === 'pack' ? s.packed.result.packageId : null));
  // Refused for rows the county would refuse (the refusal lists them): list them with 打开农户.
  const refusedRows = useExchange((s) => s.packError?.key === 'pack' && !s.packError.failure.cancelled && s.packError.failure.details.length > 0);
  const [scope, setScope] = useState<'all' | 'batches'>('all');
  const [batchIds, setBatchIds] = useState<string[]>([]);
  const counties = data.status.registered.filter((k) => k.role === 'county' && k.status === 'active');
  const [to, setTo] = useState<string | null>(null);
  const [usePassphrase, setUsePassphrase] = useState(false);
  const [out, setOut] = useState('');
  const [touched, setTouched] = useState(false);
  const unit = data.status.own?.name ?? archive?.township ?? '乡镇';
  const seq = nextSeq(data.sent, 'township-export');
  const suggested = archive ? defaultPackagePath(archive.file, unit, 'township-export', seq, localDay(today)) : '';
  useEffect(() => {
    if (!touched) setOut(suggested);
  }, [suggested, touched]);
  // Written: the next package gets the next default name (the same file is never overwritten).
  useEffect(() => {
    if (packedId) setTouched(false);
  }, [packedId]);

  const noKey = counties.length === 0;
  const passphrase = noKey || usePassphrase;
  const recipient = to ?? (counties.length === 1 ? counties[0]!.fingerprint : null);
  const busy = running !== null;
  const problems: string[] = [];
  if (!data.status.own) problems.push('本档案还没有密钥：请先在“密钥与对方”中生成本方密钥。');
  if (scope === 'batches' && batchIds.length === 0) problems.push('请选择要报送的批次。');
  if (!passphrase && !recipient) problems.push('登记了多个县级公钥：请选择发给哪一个。');
  if (!out.trim()) problems.push('请填写保存位置。');

  const packScope: PackScope = scope === 'all' ? { type: 'all' } : { type: 'batches', batchIds };
  const start = (): void => {
    void pack('pack', null, '正在制作报送数据包', (jobId) =>
      api.exchange.pack({
        out: out.trim(),
        scope: packScope,
        to: passphrase ? null : recipient,
        passphrase,
        jobId,
      }),
    );
  };

  return (
    <Card title={`制作报送数据包（下一个编号：第 ${seq} 号）`} size="small" data-testid="send-form">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>报送范围</Typography.Text>
          <Radio.Group
            value={scope}
            disabled={busy}
            onChange={(e) => setScope(e.target.value as 'all' | 'batches')}
            options={[
              { value: 'all', label: '全部档案' },
              { value: 'batches', label: '选择的批次（及其农户）' },
            ]}
          />
        </Space>
        {scope === 'batches' && (
          <Select
            mode="multiple"
            aria-label="报送批次"
            data-testid="send-batches"
            style={{ width: '100%' }}
            placeholder="选择要报送县级审核的批次"
            disabled={busy}
            value={batchIds}
            onChange={setBatchIds}
            showSearch={{ optionFilterProp: 'label' }}
            options={data.batches.map((b) => ({
              value: b.id,
              label: `${b.title}${b.currentStep ? `（${b.currentStep.label}）` : b.status === 'closed' ? '（已公告完成）' : ''}`,
            }))}
          />
        )}
        <div>
          <Typography.Text strong style={{ marginRight: 12 }}>加密给</Typography.Text>
          {noKey ? (
            <Alert
              type="warning"
              showIcon
              data-testid="send-no-county-key"
              title="还没有登记县级公钥：将改用口令加密"
              description={
                <>
                  口令由本软件生成，制作完成后只显示一次，请当场电话读给县级。更稳妥的做法是先与县级交换公钥并电话核对指纹。
                  <Button type="link" size="small" onClick={() => navigate({ name: 'keys' })}>
                    去登记县级公钥
                  </Button>
                </>
              }
            />
          ) : (
            <Space wrap>
              {counties.length > 1 ? (
                <Select
                  aria-label="县级公钥"
                  style={{ width: 320 }}
                  placeholder="选择县级公钥"
                  value={to ?? undefined}
                  disabled={busy || usePassphrase}
                  onChange={setTo}
                  options={counties.map((k) => ({ value: k.fingerprint, label: `${k.name}（${k.fingerprint.slice(0, 11)}…）` }))}
                />
              ) : (
                <span data-testid="send-recipient">
                  <Tag color="purple">{counties[0]!.name}</Tag>
                  <Fingerprint value={counties[0]!.fingerprint} size="small" />
                </span>
              )}
              <Checkbox checked={usePassphrase} disabled={busy} onChange={(e) => setUsePassphrase(e.target.checked)}>
                改用口令加密
              </Checkbox>
            </Space>
          )}
        </div>
        <PathField
          label="保存位置"
          value={out}
          onChange={(v) => {
            setTouched(true);
            setOut(v);
          }}
          want=".fpkg"
          testId="send-out"
          disabled={busy}
          extra={
            touched ? (
              <Button
                onClick={() => {
                  setTouched(false);
                  setOut(suggested);
                }}
              >
                恢复默认
              </Button>
            ) : undefined
          }
        />
        <Typography.Text type="secondary">
          可直接写到U盘（如 E:\{suggested.split(/[\\/]/).pop()}）。先写成 .part 临时文件，写完同步、改名，再从U盘重新读出核对（写入校验）。
        </Typography.Text>
        {problems.length > 0 && !busy && <Alert type="info" showIcon title={problems[0]} />}
        <Button type="primary" size="large" disabled={busy || problems.length > 0} onClick={start} data-testid="send-start">
          {passphrase ? '制作报送数据包（口令加密）' : '制作报送数据包'}
        </Button>
        {refusedRows && !busy && <PackProblems scope={packScope} />}
      </Space>
    </Card>
  );
}

/** The refusal's rows are listed with 打开农户 in the form (PackProblems): the alert keeps the message. */
const listed = (f: Failure): Failure => (f.cancelled || f.details.length === 0 ? f : { ...f, details: [] });

export default function SendScreen() {
  const version = useExchange((s) => s.version);
  const packed = useExchange((s) => s.packed);
  const packError = useExchange((s) => s.packError);
  const clearPacked = useExchange((s) => s.clearPacked);
  const query = useQuery(load, [version]);
  return (
    <div className="exchange-screen" data-testid="send-screen">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        报送县级
      </Typography.Title>
      <QueryState query={query}>
        {(data) => {
          const answered = new Set(data.received.map((r) => r.answersTo).filter((a): a is string => a !== null));
          const waiting = new Set(stillAwaiting(data.review.awaiting, data.sent, data.received).map((a) => a.packageId));
          return (
            <>
              {data.status.notReady.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title="报送前请注意"
                  description={
                    <ul style={{ margin: 0, paddingLeft: 20 }}>
                      {data.status.notReady.map((n, i) => (
                        <li key={i}>{n}</li>
                      ))}
                    </ul>
                  }
                />
              )}
              <SendForm data={data} />
              <ExchangeProgress keys={['pack']} />
              {packed?.key === 'pack' && <PackResultCard result={packed.result} onClose={clearPacked} />}
              {packError?.key === 'pack' && <FailureAlert failure={listed(packError.failure)} title={packError.failure.cancelled ? undefined : '报送数据包没有生成'} testId="send-error" onClose={clearPacked} />}
              <Card title="已报送的数据包" size="small">
                <PackagesLog packages={data.sent} testId="sent-packages" answers={{ answered, waiting }} />
              </Card>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
