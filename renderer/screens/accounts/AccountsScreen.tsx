// 账户管理 (the station chief, or the county reviewer): who may open this archive, in which
// role, whether the account is in use and when it last logged in; new accounts, new passwords,
// stopping and restarting an account, and the minutes after which the app locks itself.
import { Alert, App, Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { OperatorView } from '../../../shared/api/index.ts';
import { api } from '../../api.ts';
import { messageOf } from '../../auth/form-errors.ts';
import { accountRows, stampLabel } from '../../editor/account-forms.ts';
import type { AccountRow } from '../../editor/account-forms.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { useStore } from '../../store/index.ts';
import { AddAccountDialog, ResetPasswordDialog } from './AccountDialogs.tsx';

function IdleMinutes() {
  const minutes = useStore((s) => s.session?.idleLockMinutes ?? 15);
  const loadSession = useStore((s) => s.loadSession);
  const { message } = App.useApp();
  const [value, setValue] = useState<number | null>(minutes);
  const [busy, setBusy] = useState(false);
  const save = async (): Promise<void> => {
    if (value == null) return;
    setBusy(true);
    try {
      const r = await api.accounts.setIdleMinutes({ minutes: value });
      await loadSession();
      void message.success(`已设为 ${r.minutes} 分钟无操作后自动锁定`);
    } catch (e) {
      void message.error(messageOf(e), 6);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      <Typography.Text>无人操作</Typography.Text>
      <InputNumber aria-label="自动锁定时间" min={1} max={240} precision={0} value={value} onChange={setValue} data-testid="idle-minutes" style={{ width: 90 }} />
      <Typography.Text>分钟后自动锁定（1～240）</Typography.Text>
      <Button onClick={() => void save()} loading={busy} disabled={value == null || value === minutes} data-testid="idle-save">
        保存
      </Button>
    </Space>
  );
}

export default function AccountsScreen() {
  const me = useStore((s) => s.session?.operator ?? null);
  const side = useStore((s) => s.session?.archive?.role ?? 'township');
  const { message, modal } = App.useApp();
  const q = useQuery(() => api.accounts.list({}), []);
  const [list, setList] = useState<OperatorView[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<OperatorView | null>(null);
  const rows = accountRows(list ?? q.data ?? [], me);

  const stop = (row: AccountRow): void => {
    modal.confirm({
      title: `停用“${row.name}”的账户？`,
      content: '停用后此人不能再登录；以前的记录仍保留其姓名。要恢复使用，请为其重设密码。',
      okText: '停用',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          setList(await api.accounts.setDisabled({ name: row.name, disabled: true }));
          void message.success(`已停用：${row.name}`);
        } catch (e) {
          void message.error(messageOf(e), 6);
        }
      },
    });
  };

  const done = (text: string) => (l: OperatorView[]) => {
    setList(l);
    setAdding(false);
    setResetting(null);
    void message.success(text);
  };

  return (
    <div data-testid="accounts-screen" style={{ maxWidth: 1000 }}>
      <Space style={{ marginBottom: 8 }} align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          账户管理
        </Typography.Title>
        <Button type="primary" onClick={() => setAdding(true)} data-testid="account-add">
          新增账户
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        每个人用自己的账户登录，档案的每一次修改都记下登录的人（谁签字谁负责）。录入员录入和导入农户，审核员办理流程和报送，只读账户只能查看和打印。
      </Typography.Paragraph>
      {q.error && <Alert type="error" showIcon title={q.error} style={{ marginBottom: 12 }} />}
      <Table<AccountRow>
        rowKey="name"
        size="small"
        loading={q.loading && !list}
        dataSource={rows}
        pagination={false}
        data-testid="accounts-table"
        columns={[
          { title: '姓名', dataIndex: 'name', render: (n: string, r) => (r.self ? `${n}（本人）` : n) },
          { title: '角色', dataIndex: 'roleLabel', width: 110 },
          { title: '状态', dataIndex: 'statusLabel', width: 90, render: (s: string, r) => <Tag color={r.disabled ? 'default' : 'green'}>{s}</Tag> },
          { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (t: string | null) => stampLabel(t) },
          { title: '密码设置于', dataIndex: 'passwordChangedAt', width: 150, render: (t: string) => stampLabel(t) },
          {
            title: '操作',
            width: 190,
            render: (_: unknown, r) => (
              <Space size={4}>
                <Button size="small" onClick={() => setResetting(r)} data-testid="account-reset">
                  {r.disabled ? '重设密码并启用' : '重设密码'}
                </Button>
                {!r.disabled && !r.self && (
                  <Button size="small" danger onClick={() => stop(r)} data-testid="account-stop">
                    停用
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Card size="small" title="自动锁定" style={{ marginTop: 16 }}>
        <IdleMinutes />
      </Card>
      {adding && <AddAccountDialog side={side} onClose={() => setAdding(false)} onDone={done('账户已新增')} />}
      {resetting && <ResetPasswordDialog account={resetting} onClose={() => setResetting(null)} onDone={done(`已为“${resetting.name}”重设密码`)} />}
    </div>
  );
}
