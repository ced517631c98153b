// Loading / error frame for a screen's read from the archive.
import { Alert, Button, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { Query } from '../hooks/use-query.ts';

export default function QueryState<T>({ query, children }: { query: Query<T>; children: (data: T) => ReactNode }) {
  if (query.error && query.data === undefined) {
    return (
      <Alert
        type="error"
        showIcon
        title="读取失败"
        description={query.error}
        action={
          <Button size="small" onClick={query.reload}>
            重试
          </Button>
        }
      />
    );
  }
  if (query.data === undefined) return <Spin description="正在读取…" style={{ display: 'block', margin: 48 }} />;
  return <>{children(query.data)}</>;
}
