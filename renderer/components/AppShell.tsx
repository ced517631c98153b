// The frame around every screen: menu on the left, header on top, the current screen.
import { Layout, Menu } from 'antd';
import { useEffect } from 'react';
import HouseholdPage from '../household/HouseholdPage.tsx';
import { useHistorySync } from '../hooks/use-history-sync.ts';
import HouseholdsScreen from '../screens/HouseholdsScreen.tsx';
import ImportScreen from '../screens/ImportScreen.tsx';
import OverviewScreen from '../screens/OverviewScreen.tsx';
import QualityScreen from '../screens/QualityScreen.tsx';
import VillagePage from '../screens/VillagePage.tsx';
import VillagesScreen from '../screens/VillagesScreen.tsx';
import { useStore } from '../store/index.ts';
import { menuKeyOf } from '../store/screens.ts';
import type { MenuKey, Screen } from '../store/screens.ts';
import HeaderBar from './HeaderBar.tsx';
import LeavePrompt from './LeavePrompt.tsx';
import StoredDraftsNotice from './StoredDraftsNotice.tsx';

const MENU: { key: MenuKey; label: string }[] = [
  { key: 'overview', label: '概览' },
  { key: 'villages', label: '行政村' },
  { key: 'households', label: '农户档案' },
  { key: 'quality', label: '数据检查' },
  { key: 'import', label: '导入花名册' },
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
  }
}

export default function AppShell() {
  const screen = useStore((s) => s.screen);
  const navigate = useStore((s) => s.navigate);
  const refreshLastAudit = useStore((s) => s.refreshLastAudit);
  useHistorySync();

  useEffect(() => {
    void refreshLastAudit();
  }, [screen, refreshLastAudit]);

  return (
    <Layout className="app-shell">
      <Layout.Sider width={168} breakpoint="lg" collapsedWidth={64}>
        <div className="app-logo">扶贫档案</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[menuKeyOf(screen)]}
          items={MENU.map((m) => ({ key: m.key, label: m.label, 'data-testid': `menu-${m.key}` }))}
          onClick={({ key }) => navigate({ name: key } as Screen)}
        />
      </Layout.Sider>
      <Layout>
        <HeaderBar />
        <Layout.Content className="app-content">
          <Current screen={screen} />
        </Layout.Content>
      </Layout>
      <LeavePrompt />
      <StoredDraftsNotice />
    </Layout>
  );
}
