// 5 完成: what the import did, where the backup made before it lies, and the rows left out
// (to save, fix and import again).
import { Button, Descriptions, Result, Space, Typography } from 'antd';
import { appliedText, doneItems, rejectedFileName } from '../../editor/import-view.ts';
import { useStore } from '../../store/index.ts';
import { useImportFlow } from './flow.ts';
import { saveBase64 } from './save-file.ts';

export default function DoneStep() {
  const done = useImportFlow((s) => s.done);
  const restart = useImportFlow((s) => s.restart);
  const navigate = useStore((s) => s.navigate);
  if (!done) return null;
  const items = doneItems(done);
  return (
    <Result
      status="success"
      title={<span data-testid="import-done">导入完成：{appliedText(done)}</span>}
      subTitle={`文件：${done.fileName}`}
      extra={[
        <Button key="list" type="primary" data-testid="import-open-households" onClick={() => navigate({ name: 'households' })}>
          查看农户档案
        </Button>,
        <Button key="check" onClick={() => navigate({ name: 'quality' })}>
          数据检查
        </Button>,
        <Button key="again" data-testid="import-again" onClick={restart}>
          继续导入其他文件
        </Button>,
      ]}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Descriptions
          data-testid="import-done-summary"
          size="small"
          bordered
          column={{ xs: 1, sm: 2, md: 3 }}
          items={items.map((i) => ({ key: i.key, label: i.label, children: i.value }))}
        />
        <Typography.Paragraph style={{ margin: 0 }} data-testid="import-backup">
          {done.backupFile ? (
            <>
              导入前的档案已备份到：<Typography.Text copyable code>{done.backupFile}</Typography.Text>
              （如需回到导入前的状态，可以用这个备份恢复）
            </>
          ) : (
            '导入前档案是空的，没有另做备份。'
          )}
        </Typography.Paragraph>
        {done.rejected > 0 && done.rejectedBase64 && (
          <Space wrap>
            <Typography.Text type="warning">有 {done.rejected} 户因问题没有导入。</Typography.Text>
            <Button data-testid="import-save-rejected" onClick={() => saveBase64(rejectedFileName(done.fileName), done.rejectedBase64!)}>
              保存有问题的行（Excel）
            </Button>
          </Space>
        )}
      </Space>
    </Result>
  );
}
