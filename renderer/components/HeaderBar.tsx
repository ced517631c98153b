// Township, who is logged in and in which role, undo, 快捷键 (also F1), 修改密码, 锁定 (back to the login) and 退出
// (close the archive, back to the start screen).
import { App, Button, Tag, Tooltip } from 'antd';
import { useCallback, useState } from 'react';
import ChangePasswordDialog from '../auth/ChangePasswordDialog.tsx';
import { useStore } from '../store/index.ts';
import KeyboardHelp, { useF1 } from './KeyboardHelp.tsx';
import UndoButton from './UndoButton.tsx';

export default function HeaderBar() {
  const archive = useStore((s) => s.session?.archive ?? null);
  const operator = useStore((s) => s.session?.operator ?? null);
  const roleLabel = useStore((s) => s.session?.roleLabel ?? null);
  const guard = useStore((s) => s.guard);
  const closeArchive = useStore((s) => s.closeArchive);
  const lockArchive = useStore((s) => s.lockArchive);
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);
  const [keysOpen, setKeysOpen] = useState(false);
  useF1(useCallback(() => setKeysOpen(true), []));
  const closeKeys = useCallback(() => setKeysOpen(false), []);

  const fail = (e: unknown): void => void message.error(e instanceof Error ? e.message : String(e));
  const leave = (): void => guard(() => void closeArchive().catch(fail));
  const lock = (): void => guard(() => void lockArchive().catch(fail));

  return (
    <div className="app-header">
      <Tooltip title={archive?.file}>
        <span className="township" data-testid="township-name">
          {archive?.township}
        </span>
      </Tooltip>
      {archive?.role === 'county' && <Tag color="purple">县级</Tag>}
      <span className="spacer" />
      <span data-testid="operator" title="当前登录的操作员：每次修改都记下此人">
        {operator ?? '未登录'}
        {roleLabel && (
          <Tag style={{ marginInlineStart: 6, marginInlineEnd: 0 }} data-testid="operator-role">
            {roleLabel}
          </Tag>
        )}
      </span>
      <UndoButton />
      <Button onClick={() => setKeysOpen(true)} data-testid="keyboard-help-button" title="快捷键（F1）">
        快捷键
      </Button>
      <Button onClick={() => setChanging(true)} data-testid="change-password">
        修改密码
      </Button>
      <Button onClick={lock} data-testid="lock">
        锁定
      </Button>
      <Button onClick={leave} data-testid="close-archive">
        退出
      </Button>
      {changing && <ChangePasswordDialog onClose={() => setChanging(false)} />}
      <KeyboardHelp open={keysOpen} onClose={closeKeys} />
    </div>
  );
}
