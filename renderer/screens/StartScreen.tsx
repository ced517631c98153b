// No archive open: the recent ones, opening one by its path, or creating a new one.
import { App, Button, Card, Col, Empty, Input, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useStore } from '../store/index.ts';
import NewArchiveForm from './NewArchiveForm.tsx';

export default function StartScreen() {
  const session = useStore((s) => s.session);
  const openArchive = useStore((s) => s.openArchive);
  const { message } = App.useApp();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  const open = async (file: string): Promise<void> => {
    if (!file.trim()) {
      void message.warning('请填写档案文件的完整路径');
      return;
    }
    setBusy(file);
    try {
      await openArchive(file.trim());
      const backup = useStore.getState().session?.archive?.backupFile;
      if (backup) void message.info(`档案已升级到新版本，升级前的备份保存在：${backup}`, 8);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e), 6);
    } finally {
      setBusy(null);
    }
  };

  const recent = session?.recent ?? [];
  return (
    <div style={{ maxWidth: 1100, margin: '32px auto', padding: '0 16px' }}>
      <Typography.Title level={2}>扶贫档案</Typography.Title>
      <Typography.Paragraph type="secondary">请选择要打开的档案，或新建一个乡镇档案。</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card title="最近打开的档案" style={{ marginBottom: 16 }}>
            {recent.length === 0 ? (
              <Empty description="还没有打开过档案" />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {recent.map((r) => (
                  <Button
                    key={r.file}
                    block
                    data-testid="recent-archive"
                    loading={busy === r.file}
                    onClick={() => void open(r.file)}
                    style={{ height: 'auto', padding: '8px 12px', textAlign: 'left', justifyContent: 'flex-start' }}
                  >
                    <div>
                      <Typography.Text strong>{r.township}</Typography.Text>
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.file} · {new Date(r.openedAt).toLocaleString('zh-CN')}
                      </Typography.Text>
                    </div>
                  </Button>
                ))}
              </Space>
            )}
          </Card>
          <Card title="打开档案">
            <Space.Compact style={{ width: '100%' }}>
              <Input
                aria-label="档案文件路径"
                placeholder="档案文件的完整路径，例如 D:\扶贫档案\青山镇.db"
                value={path}
                onChange={(e) => setPath(e.target.value)}
                onPressEnter={() => void open(path)}
              />
              <Button type="primary" loading={busy === path.trim()} onClick={() => void open(path)}>
                打开档案
              </Button>
            </Space.Compact>
            {session && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                默认档案目录：{session.dataDir}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title="新建档案">
            <NewArchiveForm />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
