import { Tag } from 'antd';
import { statusLabel } from '../../shared/status.ts';

const COLORS: Record<string, string> = {
  ordinary: 'default',
  poor: 'red',
  exited: 'green',
  returned: 'volcano',
  edge: 'orange',
  unstable: 'gold',
  sudden: 'magenta',
  closed: 'default',
};

export function StatusTag({ status }: { status: string }) {
  return <Tag color={COLORS[status] ?? 'default'}>{statusLabel(status)}</Tag>;
}
