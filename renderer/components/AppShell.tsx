// The frame around every screen: menu on the left, header on top, the current screen.
import { Alert, Layout, Menu, Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import HouseholdPage from '../household/HouseholdPage.tsx';
import { useDialogEnter } from '../hooks/use-dialog-enter.ts';
import { useHistorySync } from '../hooks/use-history-sync.ts';
import HouseholdsScreen from '../screens/HouseholdsScreen.tsx';
import OverviewScreen from '../screens/OverviewScreen.tsx';
import { useExchange } from '../screens/exchange/state.ts';
import { menuFor, screenFor } from '../editor/exchange-menu.ts';
import { menuForRole, screenForRole } from '../editor/role-menu.ts';
import { useStore } from '../store/index.ts';
import { menuKeyOf } from '../store/screens.ts';
import type { MenuKey, Screen } from '../store/screens.ts';
import HeaderBar from './HeaderBar.tsx';
import LeavePrompt from './LeavePrompt.tsx';
import StoredDraftsNotice from './StoredDraftsNotice.tsx';

// Screens other than the overview and the household list load when first opened: the first
// paint after login parses less.
const AuditScreen = lazy(() => import('../screens/AuditScreen.tsx'));
const ImportScreen = lazy(() => import('../screens/ImportScreen.tsx'));
const QualityScreen = lazy(() => import('../screens/QualityScreen.tsx'));
const VillagePage = lazy(() => import('../screens/VillagePage.tsx'));
const VillagesScreen = lazy(() => import('../screens/VillagesScreen.tsx'));
const MonitoringScreen = lazy(() => import('../screens/monitoring/MonitoringScreen.tsx'));
const ScreeningScreen = lazy(() => import('../screens/screening/ScreeningScreen.tsx'));
const BatchPage = lazy(() => import('../screens/workflows/BatchPage.tsx'));
const BatchesScreen = lazy(() => import('../screens/workflows/BatchesScreen.tsx'));
const CountyScreen = lazy(() => import('../screens/exchange/CountyScreen.tsx'));
const KeysScreen = lazy(() => import('../screens/exchange/KeysScreen.tsx'));
const ReceiveScreen = lazy(() => import('../screens/exchange/ReceiveScreen.tsx'));
const SendScreen = lazy(() => import('../screens/exchange/SendScreen.tsx'));
const TownshipPage = lazy(() => import('../screens/exchange/TownshipPage.tsx'));
const DashboardScreen = lazy(() => import('../screens/dashboard/DashboardScreen.tsx'));
const DocumentsScreen = lazy(() => import('../screens/documents/DocumentsScreen.tsx'));
const AccountsScreen = lazy(() => import('../screens/accounts/AccountsScreen.tsx'));
const SettingsScreen = lazy(() => import('../screens/SettingsScreen.tsx'));

const MENU: { key: MenuKey; label: string }[] = [
  { key: 'overview', label: '概览' },
  { key: 'villages', label: '行政村' },
  { key: 'households', label: '农户档案' },
  { key: 'batches', label: '流程批次' },
  { key: 'monitoring', label: '防返贫监测' },
  { key: 'screening', label: '部门预警' },
  { key: 'quality', label: '数据检查' },
  { key: 'import', label: '导入花名册' },
  { key: 'dashboard', label: '统计看板' },
  { key: 'documents', label: '打印文档' },
  { key: 'audit', label: '审计核验' },
  { key: 'settings', label: '乡镇设置' },
];

function Current({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'overview':
      return <OverviewScreen />;
    case 'villages':
      return <VillagesScreen />;
    case 'village':
      return <VillagePage id={screen.id} />;
    case 'households':
      return <HouseholdsScreen />;
    case 'household':
      return <HouseholdPage key={screen.id ?? 'new'} id={screen.id} />;
    case 'quality':
      return <QualityScreen />;
    case 'import':
      return <ImportScreen />;
    case 'batches':
      return <BatchesScreen />;
    case 'batch':
      return <BatchPage key={screen.id} id={screen.id} />;
    case 'monitoring':
      return <MonitoringScreen />;
    case 'screening':
      return <ScreeningScreen />;
    case 'keys':
      return <KeysScreen />;
    case 'send':
      return <SendScreen />;
    case 'receive':
      return <ReceiveScreen />;
    case 'county':
      return <CountyScreen />;
    case 'township':
      return <TownshipPage key={screen.id} id={screen.id} />;
    case 'documents':
      return <DocumentsScreen />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'accounts':
      return <AccountsScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

export default function AppShell() {
  const screen = useStore((s) => s.screen);
  const navigate = useStore((s) => s.navigate);
  const refreshLastAudit = useStore((s) => s.refreshLastAudit);
  // County archives show only the county's screens (see editor/exchange-menu.ts).
  const role = useStore((s) => s.session?.archive?.role ?? 'township');
  const archiveFile = useStore((s) => s.session?.archive?.file ?? null);
  const bindExchange = useExchange((s) => s.bindArchive);
  // And only what the operator's role may use (see editor/role-menu.ts).
  const operatorRole = useStore((s) => s.session?.role ?? null);
  const damaged = useStore((s) => s.session?.damaged ?? null);
  const menu = menuForRole(operatorRole, menuFor(role, MENU));
  const shown = screenForRole(operatorRole, screenFor(role, screen), menu);
  useEffect(() => {
    bindExchange(archiveFile);
  }, [archiveFile, bindExchange]);
  useHistorySync();
  useDialogEnter();

  useEffect(() => {
    void refreshLastAudit();
  }, [screen, refreshLastAudit]);

  return (
    <Layout className="app-shell">
      <Layout.Sider width={168} breakpoint="lg" collapsedWidth={64}>
        <div className="app-logo">扶贫档案</div>
        {role === 'county' && (
          <div data-testid="county-badge" style={{ margin: '0 12px 12px', padding: '4px 8px', borderRadius: 4, background: '#722ed1', color: '#fff', fontWeight: 600, textAlign: 'center', whiteSpace: 'nowrap' }}>
            县级审核端
          </div>
        )}
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[menuKeyOf(shown)]}
          items={menu.map((m) => ({ key: m.key, label: m.label, 'data-testid': `menu-${m.key}` }))}
          onClick={({ key }) => navigate({ name: key } as Screen)}
        />
      </Layout.Sider>
      <Layout>
        <HeaderBar />
        <Layout.Content className="app-content">
          {/* A damaged archive is read-only (core/damage.ts): said above every screen, with the way to restore, inside the scrolling area so nothing is pushed off a 1366×768 screen. */}
          {damaged ? <Alert type="error" showIcon title="档案已损坏，只能查看" description={damaged} style={{ marginBottom: 12 }} data-testid="damaged-banner" /> : null}
          <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
            <Current screen={shown} />
          </Suspense>
        </Layout.Content>
      </Layout>
      <LeavePrompt />
      <StoredDraftsNotice />
    </Layout>
  );
}
