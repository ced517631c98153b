// Pieces shared by the exchange screens: a refusal with its details, a path field with its
// hint, the result of packing (写入校验, number, size, the passphrase shown once), the packages log
// and, at the county, what a township's packages say about its audit chain.
import { Alert, App, Button, Card, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import type { AuditContinuityView, PackageLogView, PackResultView } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import { auditAlert } from '../../editor/exchange-import.ts';
import { formatBytes, pathHint } from '../../editor/exchange-files.ts';
import { shortTime } from '../../editor/exchange-keys.ts';
import { fingerprintGroups } from '../../editor/exchange-keys.ts';
import Fingerprint from './Fingerprint.tsx';
import type { Failure } from './state.ts';

export function FailureAlert({ failure, title, testId, onClose }: { failure: Failure | null; title?: string; testId?: string; onClose?: () => void }) {
  if (!failure) return null;
  return (
    <Alert
      type={failure.cancelled ? 'info' : 'error'}
      showIcon
      data-testid={testId}
      style={{ marginTop: 12 }}
      title={failure.cancelled ? failure.message : (title ?? failure.message)}
      description={
        failure.cancelled ? undefined : (
          <>
            {title && <div>{failure.message}</div>}
            {failure.details.length > 0 && (
              <ul style={{ margin: '6px 0 0', paddingLeft: 20 }}>
                {failure.details.slice(0, 20).map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
                {failure.details.length > 20 && <li>……共 {failure.details.length} 条</li>}
              </ul>
            )}
          </>
        )
      }
      {...(onClose ? { closable: { onClose } } : {})}
    />
  );
}

/**
 * A path, typed or chosen with 选择… (the shell's own file dialog: only a path chosen there, or
 * in the app's folders, may be read or written — core/api/path-guard.ts). The browser shell has
 * no dialog: its refusal is shown under the field.
 */
export function PathField(props: { label: string; value: string; onChange: (v: string) => void; want: '.fpkg' | '.json'; testId: string; disabled?: boolean; placeholder?: string; extra?: ReactNode }) {
  const { message } = App.useApp();
  const hint = pathHint(props.value, props.want);
  const saving = props.label.includes('保存');
  const choose = async (): Promise<void> => {
    try {
      const r = await api.files.choose({ mode: saving ? 'save' : 'open', kind: props.want === '.fpkg' ? 'package' : 'public-key', title: props.label, defaultPath: props.value });
      if (r.path) props.onChange(r.path);
    } catch (e) {
      void message.warning(e instanceof Error ? e.message : String(e), 8);
    }
  };
  return (
    <div style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%' }}>
        <Space.Addon>{props.label}</Space.Addon>
        <Input aria-label={props.label} data-testid={props.testId} value={props.value} disabled={props.disabled} placeholder={props.placeholder} onChange={(e) => props.onChange(e.target.value)} />
        <Button disabled={props.disabled} onClick={() => void choose()} data-testid={`${props.testId}-choose`}>
          选择…
        </Button>
        {props.extra}
      </Space.Compact>
      {hint && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
    </div>
  );
}

/** The passphrase of a passphrase package: shown once, big, with what to do with it. */
export function PassphraseBox({ passphrase, onDone }: { passphrase: string; onDone: () => void }) {
  const groups = passphrase.replace(/\D/g, '').match(/.{1,4}/g) ?? [passphrase];
  return (
    <div className="passphrase-box" data-testid="pack-passphrase">
      <Typography.Title level={4} style={{ marginTop: 0, color: '#ad4e00' }}>
        口令（只显示这一次）
      </Typography.Title>
      <div className="passphrase-digits" aria-label={`口令 ${groups.join(' ')}`}>
        {groups.map((g, i) => (
          <span key={i}>{g}</span>
        ))}
      </div>
      <Typography.Paragraph style={{ margin: '12px 0 4px', fontSize: 15 }}>
        <b>请现在就打电话，把这 8 组数字逐组读给对方，</b>请对方复述一遍核对。口令不要写在U盘上、不要和数据包放在一起，也不要用微信、短信发送。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        关闭后本软件不再显示这个口令；对方没记下时，只能重新制作数据包（会生成新口令）。口令加密的数据包在对方登记本方公钥之前显示为“未认证”。
      </Typography.Paragraph>
      <Button type="primary" style={{ marginTop: 12 }} onClick={onDone} data-testid="pack-passphrase-done">
        已电话告知对方，关闭口令
      </Button>
    </div>
  );
}

/** County: whether the township's audit chain goes on from its previous package — history cut or rewritten stands out. */
export function AuditChainAlert({ audit, testId }: { audit: AuditContinuityView; testId: string }) {
  const a = auditAlert(audit);
  return <Alert type={a.type} showIcon data-testid={testId} title={<span style={a.type === 'error' ? { fontWeight: 600 } : undefined}>{a.title}</span>} />;
}

export function PackResultCard({ result, onClose }: { result: PackResultView; onClose: () => void }) {
  const rows = result.tables.filter((t) => t.rows > 0);
  // Brought into view when it appears: the passphrase above all must not stay below the fold.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
  }, [result.packageId]);
  return (
    <Card size="small" data-testid="pack-result" style={{ marginTop: 12 }}>
      <div ref={ref} />
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 12 }}
        title={<span style={{ fontSize: 16, fontWeight: 600 }}>{`${result.kind === 'review-result' ? '审核结果数据包' : '报送数据包'}已写好：写入校验通过`}</span>}
        description="已从保存位置重新读出整个文件，签名和校验值都核对无误。可以拔出U盘交给对方。"
      />
      {result.passphrase && <PassphraseBox passphrase={result.passphrase} onDone={onClose} />}
      <Descriptions size="small" column={2} bordered style={{ marginTop: 12 }} styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="文件" span={2}>
          <Typography.Text copyable data-testid="pack-result-file">
            {result.file}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="编号">第 {result.seq} 号</Descriptions.Item>
        <Descriptions.Item label="大小">
          <span data-testid="pack-result-bytes">{formatBytes(result.bytes)}</span>（{result.bytes.toLocaleString('zh-CN')} 字节）
        </Descriptions.Item>
        <Descriptions.Item label="数据包标识" span={2}>
          <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="pack-result-id">
            {result.packageId}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="加密给" span={2}>
          {result.recipient ? <Fingerprint value={result.recipient} size="small" /> : <Tag color="orange">口令加密（未登记对方公钥）</Tag>}
        </Descriptions.Item>
        {result.kind === 'review-result' ? (
          <Descriptions.Item label="审核意见" span={2}>
            {result.opinions} 条{result.staleOpinions > 0 && <Tag color="orange" style={{ marginLeft: 8 }}>{result.staleOpinions} 条针对旧数据包的意见未包含，请重新核对</Tag>}
          </Descriptions.Item>
        ) : (
          <Descriptions.Item label="内容" span={2}>
            {rows.map((t) => `${t.label} ${t.rows}`).join('，') || '（空）'}；附件 {result.attachments} 份（{formatBytes(result.attachmentBytes)}）
          </Descriptions.Item>
        )}
        {result.audit && (
          <Descriptions.Item label="审计记录" span={2}>
            <span data-testid="pack-result-audit">
              {!result.audit.intact && <Tag color="red">有断点</Tag>}
              {result.audit.summary}
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {!result.passphrase && (
        <Button style={{ marginTop: 12 }} onClick={onClose}>
          关闭
        </Button>
      )}
    </Card>
  );
}

/** `answers`: township exports — answered by the county, still awaited, or else superseded by a newer one answered. */
export function PackagesLog({ packages, testId, answers }: { packages: PackageLogView[]; testId: string; answers?: { answered: Set<string>; waiting: Set<string> } }) {
  return (
    <Table<PackageLogView>
      size="small"
      rowKey="packageId"
      data-testid={testId}
      dataSource={packages}
      pagination={packages.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      locale={{ emptyText: '还没有数据包' }}
      columns={[
        { title: '编号', dataIndex: 'seq', width: 64, render: (s: number) => `第 ${s} 号` },
        { title: '类型', dataIndex: 'kindLabel', width: 120 },
        { title: '时间', dataIndex: 'at', width: 140, render: (a: string) => shortTime(a) },
        { title: '对方', dataIndex: 'party', width: 130 },
        {
          title: '内容',
          dataIndex: 'result',
          render: (r: string, p) => (
            <Space size={4} wrap>
              <span>{r}</span>
              {!p.authenticated && <Tag color="red">未认证</Tag>}
              {answers &&
                p.direction === 'out' &&
                p.kind === 'township-export' &&
                (answers.answered.has(p.packageId) ? (
                  <Tag color="green">县级已回复</Tag>
                ) : answers.waiting.has(p.packageId) ? (
                  <Tag>等待县级审核</Tag>
                ) : (
                  <Tag>已由较新的报送取代</Tag>
                ))}
            </Space>
          ),
        },
        { title: '大小', dataIndex: 'bytes', width: 90, render: (b: number | null) => formatBytes(b) },
        { title: '经办', dataIndex: 'operator', width: 80 },
      ]}
      expandable={{
        expandedRowRender: (p) => (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="数据包标识">{p.packageId}</Descriptions.Item>
            {p.file && <Descriptions.Item label="文件">{p.file}</Descriptions.Item>}
            {p.partyFingerprint && <Descriptions.Item label="对方指纹">{fingerprintGroups(p.partyFingerprint).join(' ')}</Descriptions.Item>}
            {p.answersTo && <Descriptions.Item label="答复的数据包">{p.answersTo}</Descriptions.Item>}
            <Descriptions.Item label="校验值（SHA-256）">
              <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{p.payloadSha256}</span>
            </Descriptions.Item>
          </Descriptions>
        ),
      }}
    />
  );
}
