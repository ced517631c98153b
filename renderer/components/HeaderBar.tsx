// Township, operator (click to change), undo, and switching archives.
import { App, Button, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useStore } from '../store/index.ts';
import OperatorDialog from './OperatorDialog.tsx';
import UndoButton from './UndoButton.tsx';

export default function HeaderBar() {
  const archive = useStore((s) => s.session?.archive ?? null);
  const operator = useStore((s) => s.session?.operator ?? null);
  const guard = useStore((s) => s.guard);
  const closeArchive = useStore((s) => s.closeArchive);
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);

  const switchArchive = (): void => {
    guard(() => {
      closeArchive().catch((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)));
    });
  };

  return (
    <div className="app-header">
      <Tooltip title={archive?.file}>
        <span className="township" data-testid="township-name">
          {archive?.township}
        </span>
      </Tooltip>
      {archive?.role === 'county' && <Tag color="purple">县级</Tag>}
      <span className="spacer" />
      <Tooltip title="点击更换操作员">
        <Button type="text" data-testid="operator" onClick={() => setChanging(true)}>
          操作员：{operator ?? '未填写'}
        </Button>
      </Tooltip>
      <UndoButton />
      <Button onClick={switchArchive}>切换档案</Button>
      {changing && <OperatorDialog open onClose={() => setChanging(false)} />}
    </div>
  );
}
