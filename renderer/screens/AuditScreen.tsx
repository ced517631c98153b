// 审计核验: walks the audit log's hash chain when the clerk presses 核验 — 完整 with the row count
// and the head, or the first broken link: which row, and what was done to it, in plain Chinese.
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import type { AuditVerifyView } from '../../shared/api/index.ts';
import { api } from '../api.ts';
import { shortTime } from '../editor/exchange-keys.ts';

type State = { running: boolean; result: AuditVerifyView | null; error: string | null };

export default function AuditScreen() {
  const [st, setSt] = useState<State>({ running: false, result: null, error: null });
  const verify = async (): Promise<void> => {
    setSt({ running: true, result: null, error: null });
    try {
      setSt({ running: false, result: await api.audit.verify({}), error: null });
    } catch (e) {
      setSt({ running: false, result: null, error: e instanceof Error ? e.message : String(e) });
    }
  };
  const r = st.result;
  const row = r?.broken?.row ?? null;
  return (
    <div data-testid="audit-screen" style={{ maxWidth: 960 }}>
      <Space style={{ marginBottom: 8 }} align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          审计核验
        </Typography.Title>
        <Button type="primary" loading={st.running} onClick={() => void verify()} data-testid="audit-verify">
          核验
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        每条审计记录（谁、何时、改了什么）写入时都带有校验值，并与上一条记录的校验值相连。用数据库工具改动、删除或调换其中任何一条，核验都会发现，并指出第一处断点。
      </Typography.Paragraph>
      {st.error && <Alert type="error" showIcon title="核验没有完成" description={st.error} />}
      {r && r.intact && (
        <Alert
          type="success"
          showIcon
          data-testid="audit-result"
          title={<span style={{ fontSize: 16, fontWeight: 600 }}>完整</span>}
          description={
            <>
              <div>{r.summary}</div>
              {r.rows > 0 && (
                <Typography.Text type="secondary" copyable={{ text: r.head }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
                  链尾校验值 {r.head}
                </Typography.Text>
              )}
            </>
          }
        />
      )}
      {r?.broken && (
        <Card size="small" data-testid="audit-result">
          <Alert type="error" showIcon title={<span style={{ fontSize: 16, fontWeight: 600 }}>审计记录有断点</span>} description={<span data-testid="audit-broken">{r.broken.message}</span>} />
          {row && (
            <Descriptions size="small" bordered column={2} style={{ marginTop: 12 }} title={`断点所在：第 ${row.id} 条审计记录`}>
              <Descriptions.Item label="时间">{shortTime(row.at)}</Descriptions.Item>
              <Descriptions.Item label="操作员">{row.operator}</Descriptions.Item>
              <Descriptions.Item label="说明" span={2}>
                {row.note ?? row.action}
              </Descriptions.Item>
            </Descriptions>
          )}
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            请不要继续修改档案，把这一结果告知站长；可用此前的备份核对被改动的内容。共核对 {r.rows} 条记录。
          </Typography.Paragraph>
        </Card>
      )}
    </div>
  );
}
