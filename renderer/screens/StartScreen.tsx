// No archive open: the recent ones, the archives in the app's archive folder, choosing one with
// the desktop's file dialog (or typing its path), or creating a new one. An archive another
// window or computer has open is marked before the clerk picks it (the archive lock).
import { App, Button, Card, Col, Empty, Input, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api.ts';
import { formatBytes } from '../editor/exchange-files.ts';
import { useQuery } from '../hooks/use-query.ts';
import { useStore } from '../store/index.ts';
import NewArchiveForm from './NewArchiveForm.tsx';

interface Choice {
  file: string;
  title: string;
  detail: string;
  busy: string | null;
}

function ChoiceList(props: { items: Choice[]; busy: string | null; testId: string; onOpen: (file: string) => void }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {props.items.map((r) => (
        <Button
          key={r.file}
          block
          data-testid={props.testId}
          loading={props.busy === r.file}
          onClick={() => props.onOpen(r.file)}
          style={{ height: 'auto', padding: '8px 12px', textAlign: 'left', justifyContent: 'flex-start', whiteSpace: 'normal' }}
        >
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong>{r.title}</Typography.Text>
            {r.busy && (
              <Tag color="orange" style={{ marginLeft: 8 }} data-testid="archive-busy">
                {r.busy}
              </Tag>
            )}
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
              {r.detail}
            </Typography.Text>
          </div>
        </Button>
      ))}
    </Space>
  );
}

export default function StartScreen() {
  const session = useStore((s) => s.session);
  const openArchive = useStore((s) => s.openArchive);
  const { message } = App.useApp();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const choices = useQuery(() => api.archive.choices({}), []);

  const open = async (file: string): Promise<void> => {
    if (!file.trim()) {
      void message.warning('请填写档案文件的完整路径，或从上面的列表中选择');
      return;
    }
    setBusy(file);
    try {
      await openArchive(file.trim());
      const backup = useStore.getState().session?.archive?.backupFile;
      if (backup) void message.info(`档案已升级到新版本，升级前的备份保存在：${backup}`, 8);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e), 6);
      choices.reload();
    } finally {
      setBusy(null);
    }
  };

  const choose = async (): Promise<void> => {
    try {
      const r = await api.files.choose({ mode: 'open', kind: 'archive', title: '打开档案', defaultPath: '' });
      if (r.path) await open(r.path);
    } catch (e) {
      void message.warning(e instanceof Error ? e.message : String(e), 8);
    }
  };

  const c = choices.data;
  const recent: Choice[] = (session?.recent ?? []).map((r) => ({ file: r.file, title: r.township, detail: `${r.file} · 上次打开 ${new Date(r.openedAt).toLocaleString('zh-CN')}`, busy: c?.busy[r.file] ?? null }));
  const inFolder: Choice[] = (c?.inFolder ?? []).map((a) => ({ file: a.file, title: a.name, detail: `${formatBytes(a.bytes)} · 修改于 ${new Date(a.modifiedAt).toLocaleString('zh-CN')}`, busy: a.busy }));
  return (
    <div style={{ maxWidth: 1100, margin: '24px auto', padding: '0 16px' }}>
      <Typography.Title level={2}>扶贫档案</Typography.Title>
      <Typography.Paragraph type="secondary">请选择要打开的档案，或新建一个乡镇档案。</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card title="最近打开的档案" size="small" style={{ marginBottom: 16 }}>
            {recent.length === 0 ? <Empty description="还没有打开过档案" /> : <ChoiceList items={recent} busy={busy} testId="recent-archive" onOpen={(f) => void open(f)} />}
          </Card>
          {inFolder.length > 0 && (
            <Card title="档案目录中的其他档案" size="small" style={{ marginBottom: 16 }} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{c?.folder}</Typography.Text>}>
              <ChoiceList items={inFolder} busy={busy} testId="folder-archive" onOpen={(f) => void open(f)} />
            </Card>
          )}
          <Card title="打开其他位置的档案" size="small">
            {c?.nativeDialogs && (
              <Button type="primary" block style={{ marginBottom: 8 }} onClick={() => void choose()} data-testid="choose-archive">
                选择档案文件…
              </Button>
            )}
            <Space.Compact style={{ width: '100%' }}>
              <Input
                aria-label="档案文件路径"
                placeholder="或填写完整路径，例如 D:\扶贫档案\青山镇.db"
                value={path}
                onChange={(e) => setPath(e.target.value)}
                onPressEnter={() => void open(path)}
              />
              <Button loading={busy === path.trim()} onClick={() => void open(path)}>
                打开
              </Button>
            </Space.Compact>
            {c && !c.nativeDialogs && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
                浏览器界面不能浏览本机文件夹：请从上面的列表打开，或把档案文件复制到档案目录 {c.folder} 后刷新本页。
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title="新建档案" size="small">
            <NewArchiveForm />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
