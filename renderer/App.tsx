// Providers (Chinese locale everywhere: antd texts, dayjs dates) and the top-level decision:
// no connection yet → loading; an archive chosen but locked → login (or, for a plain one, its
// encryption); a recovery code just made → shown once; no archive → start screen; else the shell.
import { App as AntApp, Button, ConfigProvider, Modal, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback, useEffect, useState } from 'react';
import AppShell from './components/AppShell.tsx';
import LoginScreen from './auth/LoginScreen.tsx';
import RecoveryCodeScreen from './auth/RecoveryCodeScreen.tsx';
import UpgradeScreen from './auth/UpgradeScreen.tsx';
import { useIdleLock } from './hooks/use-idle-lock.ts';
import { useShellEvents } from './hooks/use-shell-events.ts';
import NewArchiveForm from './screens/NewArchiveForm.tsx';
import StartScreen from './screens/StartScreen.tsx';
import { useStore } from './store/index.ts';
import { whenCallRefused } from './api.ts';

dayjs.locale('zh-cn');

function Root() {
  const session = useStore((s) => s.session);
  const sessionError = useStore((s) => s.sessionError);
  const loadSession = useStore((s) => s.loadSession);
  const recovery = useStore((s) => s.recovery);
  const lockArchive = useStore((s) => s.lockArchive);
  const { message } = AntApp.useApp();
  const lockNow = useCallback(() => {
    lockArchive().catch((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)));
  }, [lockArchive, message]);
  useIdleLock(session?.archive ? session.idleLockMinutes : null, lockNow);
  const [newArchive, setNewArchive] = useState(false);
  useShellEvents({ newArchive: useCallback(() => setNewArchive(true), []) });
  const file = session?.archive?.file;
  useEffect(() => setNewArchive(false), [file]);

  useEffect(() => {
    void loadSession();
    // Default dates come from the session's day (SessionState.today): on the real clock the day
    // may have turned while the window was in the background, so ask again on return.
    const again = (): void => void loadSession();
    window.addEventListener('focus', again);
    whenCallRefused(again);
    return () => {
      window.removeEventListener('focus', again);
      whenCallRefused(null);
    };
  }, [loadSession]);

  if (sessionError && !session) {
    return (
      <Result
        status="error"
        title="连接不上档案服务"
        subTitle={sessionError}
        extra={<Button type="primary" onClick={() => void loadSession()}>重试</Button>}
      />
    );
  }
  if (!session) return <Spin size="large" description="正在连接档案…" fullscreen />;
  if (session.archive && recovery) return <RecoveryCodeScreen notice={recovery} />;
  if (!session.archive && session.pending?.kind === 'login') return <LoginScreen file={session.pending.file} />;
  if (!session.archive && session.pending?.kind === 'upgrade') return <UpgradeScreen file={session.pending.file} />;
  return (
    <>
      {session.archive ? <AppShell /> : <StartScreen />}
      <Modal open={newArchive && !!session.archive} title="新建档案" footer={null} onCancel={() => setNewArchive(false)} destroyOnHidden>
        <NewArchiveForm />
      </Modal>
    </>
  );
}

export default function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { fontSize: 14 } }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Root />
      </AntApp>
    </ConfigProvider>
  );
}
