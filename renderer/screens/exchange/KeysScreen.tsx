// 密钥与对方: this archive's own key (made here once; its fingerprint large, for reading over the
// phone; its public.json saved to the USB stick), registering the other side's public.json after
// the phone check (who checked, when, how), the registered keys, and — county side — revoking one.
import { Alert, App, AutoComplete, Button, Card, Checkbox, Descriptions, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { KeyStatusView, KeyView, RegisteredKeyView } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import QueryState from '../../components/QueryState.tsx';
import { defaultPublicKeyPath } from '../../editor/exchange-files.ts';
import {
  canRevoke,
  checkedLine,
  emptyTrustForm,
  fingerprintDigits,
  keyStatusTag,
  METHODS,
  otherRole,
  ownKeyLine,
  revokeDefaults,
  revokedNote,
  revokeProblems,
  ROLE_LABEL,
  spokenMismatch,
  trustInput,
  trustProblems,
} from '../../editor/exchange-keys.ts';
import type { RevokeForm, TrustForm } from '../../editor/exchange-keys.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { useStore } from '../../store/index.ts';
import './exchange.css';
import Fingerprint from './Fingerprint.tsx';
import { FailureAlert, PathField } from './parts.tsx';
import { failureOf } from './state.ts';
import type { Failure } from './state.ts';

type Inspected = KeyView & { registered: boolean; status: 'active' | 'revoked' | null };

function OwnKey({ status, onChanged }: { status: KeyStatusView; onChanged: () => void }) {
  const archive = useStore((s) => s.session?.archive ?? null);
  const { message } = App.useApp();
  const [name, setName] = useState(archive?.township ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const own = status.own;
  const [out, setOut] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  useEffect(() => {
    if (archive && own) setOut(defaultPublicKeyPath(archive.file, own.name, own.role));
  }, [archive, own]);

  const make = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await api.exchange.newKey({ name: name.trim() || null });
      void message.success('本方密钥已生成');
      onChanged();
    } catch (e) {
      setError(failureOf(e));
    } finally {
      setBusy(false);
    }
  };

  const save = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.exchange.savePublicKey({ out: out.trim(), overwrite });
      void message.success(`公钥已保存到 ${r.file}`, 6);
    } catch (e) {
      setError(failureOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="本方密钥" size="small" data-testid="own-key">
      {!own ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>
            本档案还没有{ROLE_LABEL[status.role]}密钥。生成后，把公钥文件（public.json）交给{ROLE_LABEL[otherRole(status.role)]}登记，并电话核对指纹；私钥只保存在加密的档案里。
          </Typography.Paragraph>
          <Space.Compact style={{ maxWidth: 520 }}>
            <Space.Addon>单位名称</Space.Addon>
            <Input aria-label="单位名称" data-testid="key-name" maxLength={40} value={name} onChange={(e) => setName(e.target.value)} />
            <Button type="primary" loading={busy} onClick={() => void make()} data-testid="key-new">
              生成本方密钥
            </Button>
          </Space.Compact>
        </Space>
      ) : (
        <Space orientation="vertical" size={10} style={{ width: '100%' }}>
          <Typography.Text type="secondary">{ownKeyLine(own)}</Typography.Text>
          <div>
            <Typography.Text strong>本方指纹</Typography.Text>
            <Typography.Text type="secondary">（对方登记本方公钥时，请在电话里逐组读给对方核对）</Typography.Text>
          </div>
          <Fingerprint value={own.fingerprint} testId="own-fingerprint" />
          <Typography.Text type="secondary">
            私钥保存在加密的档案里，不以明文写到磁盘。
          </Typography.Text>
          <PathField label="公钥保存到" value={out} onChange={setOut} want=".json" testId="pubkey-out" disabled={busy} />
          <Space>
            <Checkbox checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)}>
              同名文件已存在时覆盖
            </Checkbox>
            <Button type="primary" loading={busy} disabled={!out.trim()} onClick={() => void save()} data-testid="pubkey-save">
              保存公钥（public.json）
            </Button>
          </Space>
        </Space>
      )}
      <FailureAlert failure={error} testId="own-key-error" />
    </Card>
  );
}

function TrustNew({ status, onChanged }: { status: KeyStatusView; onChanged: () => void }) {
  const operator = useStore((s) => s.session?.operator ?? null);
  const { message } = App.useApp();
  const [file, setFile] = useState('');
  const [key, setKey] = useState<Inspected | null>(null);
  const [form, setForm] = useState<TrustForm>(() => emptyTrustForm(operator));
  const [org, setOrg] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const other = ROLE_LABEL[otherRole(status.role)];

  const inspect = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setKey(null);
    try {
      setKey(await api.exchange.inspectKey({ file: file.trim() }));
      setForm(emptyTrustForm(operator));
    } catch (e) {
      setError(failureOf(e));
    } finally {
      setBusy(false);
    }
  };

  const problems = key ? trustProblems(form, key, status.role) : [];
  const mismatch = key ? spokenMismatch(form.spoken, key.fingerprint) : null;
  const shownProblems = problems.filter((p) => p !== mismatch);
  // The read key is what the clerk works on now: bring it into view.
  const keyRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    keyRef.current?.scrollIntoView({ block: 'start' });
  }, [key]);

  const register = async (): Promise<void> => {
    if (!key || problems.length) return;
    setBusy(true);
    setError(null);
    try {
      const k = await api.exchange.trustKey(trustInput(form, file, org));
      void message.success(`已登记“${k.name}”的公钥`);
      setKey(null);
      setFile('');
      setOrg('');
      onChanged();
    } catch (e) {
      setError(failureOf(e));
    } finally {
      setBusy(false);
    }
  };

  const set = (patch: Partial<TrustForm>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <Card title={`登记${other}公钥`} size="small" data-testid="trust-card">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        选择{other}交来的公钥文件（public.json），读出指纹后<b>打电话</b>请对方念出他们屏幕上的指纹，逐组核对一致才登记。指纹不一致说明文件可能被调换，千万不要登记。
      </Typography.Paragraph>
      <PathField
        label="公钥文件"
        value={file}
        onChange={setFile}
        want=".json"
        testId="trust-file"
        disabled={busy}
        placeholder={status.role === 'township' ? '例如 E:\\某某县_县级公钥_public.json' : '例如 E:\\某某镇_乡镇公钥_public.json'}
        extra={
          <Button onClick={() => void inspect()} loading={busy && !key} disabled={!file.trim()} data-testid="trust-inspect">
            读取公钥
          </Button>
        }
      />
      <FailureAlert failure={error} testId="trust-error" />
      {key && (
        <div data-testid="trust-key" style={{ marginTop: 12 }} ref={keyRef}>
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label="单位">{key.name}</Descriptions.Item>
            <Descriptions.Item label="身份">
              <Tag color={key.role === 'county' ? 'purple' : 'blue'}>{ROLE_LABEL[key.role]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="生成于">{key.createdAt.slice(0, 10)}</Descriptions.Item>
          </Descriptions>
          <div style={{ margin: '12px 0 4px' }}>
            <Typography.Text strong>文件中的指纹（请对方逐组念出核对）</Typography.Text>
          </div>
          <Fingerprint value={key.fingerprint} testId="trust-fingerprint" />
          <Space orientation="vertical" size={8} style={{ width: '100%', marginTop: 12 }}>
            <div>
              <Space.Compact style={{ maxWidth: 640, width: '100%' }}>
                <Space.Addon>对方念出的指纹（可选）</Space.Addon>
                <Input
                  aria-label="对方念出的指纹"
                  data-testid="trust-spoken"
                  placeholder="边听边输入，自动逐组比对"
                  status={mismatch && !mismatch.startsWith('还差') ? 'error' : undefined}
                  value={form.spoken}
                  onChange={(e) => set({ spoken: e.target.value })}
                />
              </Space.Compact>
              {mismatch && (
                <div data-testid="trust-mismatch" style={{ marginTop: 4, fontWeight: mismatch.startsWith('还差') ? 400 : 600 }} className={mismatch.startsWith('还差') ? undefined : 'returned-reason'}>
                  {mismatch}
                </div>
              )}
              {!mismatch && fingerprintDigits(form.spoken).length === 30 && (
                <Typography.Text type="success" data-testid="trust-match">
                  30 位数字与文件完全一致
                </Typography.Text>
              )}
            </div>
            <Checkbox checked={form.confirmed} onChange={(e) => set({ confirmed: e.target.checked })} data-testid="trust-confirm">
              <b>我已与{key.name}电话逐组核对，6 组 30 位数字完全一致</b>
            </Checkbox>
            <Space wrap>
              <Space.Compact>
                <Space.Addon>核对人</Space.Addon>
                <Input aria-label="核对人" data-testid="trust-checked-by" maxLength={20} style={{ width: 140 }} value={form.checkedBy} onChange={(e) => set({ checkedBy: e.target.value })} />
              </Space.Compact>
              <Space.Compact>
                <Space.Addon>核对方式</Space.Addon>
                <AutoComplete
                  aria-label="核对方式"
                  data-testid="trust-method"
                  style={{ width: 160 }}
                  value={form.method}
                  options={METHODS.map((m) => ({ value: m }))}
                  onChange={(v: string) => set({ method: v })}
                />
              </Space.Compact>
              <Space.Compact>
                <Space.Addon>备注单位（可选）</Space.Addon>
                <Input aria-label="备注单位" maxLength={60} style={{ width: 200 }} value={org} onChange={(e) => setOrg(e.target.value)} placeholder={key.role === 'township' ? '如 示例县青山镇' : '如 示例县乡村振兴局'} />
              </Space.Compact>
            </Space>
            {shownProblems.length > 0 && (
              <Alert
                type={shownProblems.some((p) => /吊销|只需登记对方/.test(p)) ? 'error' : 'info'}
                showIcon
                data-testid="trust-problems"
                title={shownProblems[0]}
                description={shownProblems.length > 1 ? shownProblems.slice(1).join(' ') : undefined}
              />
            )}
            <Space>
              <Button type="primary" disabled={problems.length > 0} loading={busy} onClick={() => void register()} data-testid="trust-ok">
                登记公钥
              </Button>
              <Button onClick={() => setKey(null)}>取消</Button>
            </Space>
          </Space>
        </div>
      )}
    </Card>
  );
}

function RevokeModal({ k, onClose, onDone }: { k: RegisteredKeyView; onClose: () => void; onDone: () => void }) {
  const [form, setForm] = useState<RevokeForm>(() => revokeDefaults(k));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const problems = revokeProblems(form);
  const submit = async (): Promise<void> => {
    if (problems.length) {
      setError({ message: problems[0]!, details: [], cancelled: false });
      return;
    }
    setBusy(true);
    try {
      await api.exchange.revokeKey({ fingerprint: k.fingerprint, reason: form.reason.trim(), validThroughSeq: form.validThroughSeq });
      onDone();
    } catch (e) {
      setError(failureOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`吊销“${k.name}”的密钥`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="确定吊销"
      okButtonProps={{ danger: true, 'data-testid': 'revoke-ok' }}
      confirmLoading={busy}
      width={580}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="吊销后不能撤销"
        description="吊销后，这把密钥签发的新数据包一律拒收，也不能再登记；该乡镇须生成新密钥，重新电话核对后登记。已导入的数据不受影响。"
      />
      <Fingerprint value={k.fingerprint} size="small" />
      <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
        <Input.TextArea aria-label="吊销原因" data-testid="revoke-reason" placeholder="吊销原因，如：U盘遗失、电脑更换" maxLength={200} autoSize={{ minRows: 2 }} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
        <div>
          <Space.Compact>
            <Space.Addon>此前有效至第</Space.Addon>
            <InputNumber aria-label="此前有效至第几号" min={0} precision={0} style={{ width: 90 }} value={form.validThroughSeq} onChange={(v) => setForm({ ...form, validThroughSeq: v ?? null })} />
            <Space.Addon>号（含）</Space.Addon>
          </Space.Compact>
          <div>
            <Typography.Text type="secondary">这一号及以前已导入的数据包仍然有效；默认是最后导入的一号。</Typography.Text>
          </div>
        </div>
      </Space>
      <FailureAlert failure={error} />
    </Modal>
  );
}

function Registered({ status, onChanged }: { status: KeyStatusView; onChanged: () => void }) {
  const { message } = App.useApp();
  const [revoking, setRevoking] = useState<RegisteredKeyView | null>(null);
  return (
    <Card title={`已登记的${ROLE_LABEL[otherRole(status.role)]}公钥`} size="small">
      <Table<RegisteredKeyView>
        size="small"
        rowKey="fingerprint"
        data-testid="registered-keys"
        dataSource={status.registered}
        pagination={false}
        locale={{ emptyText: `还没有登记${ROLE_LABEL[otherRole(status.role)]}公钥` }}
        columns={[
          { title: '身份', dataIndex: 'role', width: 64, render: (r: RegisteredKeyView['role']) => <Tag color={r === 'county' ? 'purple' : 'blue'}>{ROLE_LABEL[r]}</Tag> },
          { title: '单位', dataIndex: 'name', width: 150, render: (n: string, k) => (k.org ? `${n}（${k.org}）` : n) },
          { title: '指纹', dataIndex: 'fingerprint', render: (f: string) => <Fingerprint value={f} size="small" /> },
          { title: '核对（人 · 时间 · 方式）', key: 'checked', width: 260, render: (_: unknown, k) => checkedLine(k) },
          {
            title: '状态',
            key: 'status',
            width: 220,
            render: (_: unknown, k) => {
              const t = keyStatusTag(k);
              const note = revokedNote(k);
              return (
                <Space orientation="vertical" size={0}>
                  <Tag color={t.color}>{t.text}</Tag>
                  {note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{note}</Typography.Text>}
                </Space>
              );
            },
          },
          { title: '已收到', dataIndex: 'lastAcceptedSeq', width: 90, render: (s: number | null) => (s == null ? '—' : `至第 ${s} 号`) },
          ...(status.role === 'county'
            ? [
                {
                  title: '',
                  key: 'op',
                  width: 70,
                  render: (_: unknown, k: RegisteredKeyView) =>
                    canRevoke(status.role, k) && (
                      <Button size="small" danger onClick={() => setRevoking(k)} data-testid={`revoke-${k.fingerprint.replace(/\D/g, '').slice(0, 10)}`}>
                        吊销
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {revoking && (
        <RevokeModal
          k={revoking}
          onClose={() => setRevoking(null)}
          onDone={() => {
            void message.success(`已吊销“${revoking.name}”的密钥`);
            setRevoking(null);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

export default function KeysScreen() {
  const query = useQuery(() => api.exchange.keyStatus({}), []);
  return (
    <div className="exchange-screen" data-testid="keys-screen">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        密钥与对方
      </Typography.Title>
      <QueryState query={query}>
        {(status) => (
          <>
            {status.notReady.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="keys-not-ready"
                title="还不能加密交换数据"
                description={
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {status.notReady.map((n, i) => (
                      <li key={i}>{n}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <OwnKey status={status} onChanged={query.reload} />
            <TrustNew status={status} onChanged={query.reload} />
            <Registered status={status} onChanged={query.reload} />
          </>
        )}
      </QueryState>
    </div>
  );
}
