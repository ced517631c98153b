// 红色 / 黄色 / 绿色 as a coloured tag.
import { Tag } from 'antd';
import type { MonitoringLevel } from '../../../shared/workflows/index.ts';
import { LEVEL_COLORS } from '../../editor/monitoring-forms.ts';

export default function LevelTag({ o }: { o: { level: MonitoringLevel; levelLabel: string } }) {
  return (
    <Tag color={LEVEL_COLORS[o.level]} data-testid="level-tag">
      {o.levelLabel}
    </Tag>
  );
}
