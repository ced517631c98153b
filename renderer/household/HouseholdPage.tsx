// One household: tabs for its data, Save (Ctrl+S), Esc to leave (asking if unsaved), Enter
// to move through the form, Alt+1…8 for the tabs, and the offer to restore an unsaved draft.
import { Alert, Badge, Button, Modal, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { API } from '../../shared/api/index.ts';
import { addMember } from '../editor/draft-ops.ts';
import { useMay } from '../hooks/use-may.ts';
import { StatusTag } from '../components/status-tag.tsx';
import type { EditorTab } from '../store/editor-slice.ts';
import { selectDirty, useStore } from '../store/index.ts';
import { AttachmentsTab } from './AttachmentsTab.tsx';
import AuditTab from './AuditTab.tsx';
import BasicTab from './BasicTab.tsx';
import IncomeTab from './IncomeTab.tsx';
import { HelpTab, HistoryTab, ProblemsTab } from './InfoTabs.tsx';
import { dialogOpen, focusElement, focusField, moveFocus, navElements } from './keyboard.ts';
import MembersTab from './MembersTab.tsx';
import { useSaveHousehold } from './use-save.ts';
import { backFromHousehold, useQualityView } from '../screens/quality/state.ts';

const TABS: { key: EditorTab; label: string; editable: boolean }[] = [
  { key: 'basic', label: '基本情况', editable: true },
  { key: 'members', label: '家庭成员', editable: true },
  { key: 'incomes', label: '收入', editable: true },
  { key: 'help', label: '帮扶', editable: false },
  { key: 'history', label: '状态记录', editable: false },
  { key: 'problems', label: '问题', editable: false },
  { key: 'files', label: '档案资料', editable: false },
  { key: 'audit', label: '修改记录', editable: false },
];

/**
 * The cursor goes with the tab (Alt+N): into its first field once the tab has rendered, else onto
 * the tab itself — never left on the page body.
 */
function focusTab(tries = 20): void {
  setTimeout(() => {
    // Only the active tab's fields are visible (navElements skips hidden ones).
    const pane = document.querySelector<HTMLElement>('[data-testid="household-page"]');
    const first = pane ? navElements(pane)[0] : undefined;
    if (first && focusElement(first)) return;
    if (tries > 0) {
      focusTab(tries - 1);
      return;
    }
    document.querySelector<HTMLElement>('.household-tabs .ant-tabs-tab-active [role="tab"]')?.focus();
  }, 50);
}

function useGlobalKeys(save: () => Promise<boolean>): void {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent): void => {
      const st = useStore.getState();
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (!dialogOpen()) void save();
        return;
      }
      if (e.altKey && /^[1-8]$/.test(e.key)) {
        const tab = TABS[Number(e.key) - 1]!;
        if (tab.editable || st.editor.detail) {
          e.preventDefault();
          st.setTab(tab.key);
          focusTab();
        }
        return;
      }
      if (e.key === 'Escape' && !e.isComposing && !dialogOpen()) {
        const t = e.target as HTMLElement | null;
        if (t?.getAttribute('aria-expanded') === 'true' || document.querySelector('.ant-select-open')) return;
        // This Esc is ours: the prompt it may open must not see it and close again.
        e.preventDefault();
        e.stopPropagation();
        st.navigate(backFromHousehold(st.editor.householdId));
      }
    };
    // Capture phase: an open dropdown still shows as open here (Esc then only closes it).
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [save]);
}

function RestoreOffer() {
  const offer = useStore((s) => s.editor.restoreOffer);
  const accept = useStore((s) => s.acceptRestore);
  const decline = useStore((s) => s.declineRestore);
  return (
    <Modal
      open={offer !== null}
      title="发现未保存的修改"
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={[
        <Button key="drop" onClick={decline}>
          丢弃
        </Button>,
        <Button key="restore" type="primary" autoFocus onClick={accept} data-testid="restore-draft">
          恢复修改
        </Button>,
      ]}
    >
      {offer && `这一户有上次没有保存的修改（${new Date(offer.savedAt).toLocaleString('zh-CN')}）。要恢复吗？`}
    </Modal>
  );
}

function ErrorSummary() {
  const errors = useStore((s) => s.editor.fieldErrors);
  const requestFocus = useStore((s) => s.requestFocus);
  const list = Object.entries(errors);
  if (list.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      title={`有 ${list.length} 处需要改正`}
      description={
        <Space orientation="vertical" size={0}>
          {list.slice(0, 6).map(([field, msg]) => (
            <a key={field} onClick={() => requestFocus(field)}>
              {msg}
            </a>
          ))}
        </Space>
      }
    />
  );
}

function PageHeader({ save }: { save: () => Promise<boolean> }) {
  const detail = useStore((s) => s.editor.detail);
  const saving = useStore((s) => s.editor.saving);
  const dirty = useStore(selectDirty);
  const head = useStore((s) => s.editor.draft?.members.find((m) => m.relation === '户主' && !m.leftReason)?.name ?? '');
  const navigate = useStore((s) => s.navigate);
  const mayEdit = useMay(API.households.save);
  const fromCheck = useQualityView((q) => detail != null && q.openedFrom === detail.household.id);
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {fromCheck && (
        <Button type="primary" ghost onClick={() => navigate({ name: 'quality' })} title="Esc" data-testid="back-to-check">
          ← 返回数据检查
        </Button>
      )}
      <Button onClick={() => navigate({ name: 'households' })} title={fromCheck ? undefined : 'Esc'}>
        ← 返回列表
      </Button>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {detail ? `户编号 ${detail.household.no}` : '新增农户'}
        {head ? ` · 户主 ${head}` : ''}
      </Typography.Title>
      {detail && <Tag>{detail.village.name}</Tag>}
      {detail && <StatusTag status={detail.household.status} />}
      {dirty && <Tag color="orange" data-testid="dirty-flag">有未保存的修改</Tag>}
      {mayEdit ? (
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="save-household" title="Ctrl+S">
          保存（Ctrl+S）
        </Button>
      ) : (
        <Tag data-testid="read-only">只读：不能修改</Tag>
      )}
      {detail && (
        <Typography.Text type="secondary">
          第 {detail.household.version} 版 · {detail.household.updatedBy} 于 {new Date(detail.household.updatedAt).toLocaleString('zh-CN')} 修改
        </Typography.Text>
      )}
    </Space>
  );
}

export default function HouseholdPage({ id }: { id: string | null }) {
  // Narrow selectors: typing changes the draft, and must not re-render the whole page.
  const loading = useStore((s) => s.editor.loading);
  const loadError = useStore((s) => s.editor.loadError);
  const tab = useStore((s) => s.editor.tab);
  const detail = useStore((s) => s.editor.detail);
  const hasDraft = useStore((s) => s.editor.draft !== null);
  const focusN = useStore((s) => s.editor.focusRequest?.n);
  const navigate = useStore((s) => s.navigate);
  const setTab = useStore((s) => s.setTab);
  const save = useSaveHousehold();
  const root = useRef<HTMLDivElement>(null);
  const pendingAdvance = useRef<(() => void) | null>(null);
  useGlobalKeys(save);

  useEffect(() => {
    const f = useStore.getState().filter;
    void useStore.getState().openHousehold(id, { villageId: f.villageId ?? '', groupName: f.groupName ?? '' });
  }, [id]);

  useEffect(() => {
    const req = useStore.getState().editor.focusRequest;
    if (!req || !root.current) return;
    const el = root.current;
    const t = setTimeout(() => focusField(el, req.field), 30);
    return () => clearTimeout(t);
  }, [focusN, loading]);

  const runPendingAdvance = (): void => {
    const f = pendingAdvance.current;
    pendingAdvance.current = null;
    f?.();
  };
  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.altKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (e.ctrlKey) {
      // Ctrl+Enter in the member grid: this member is done, on to the next one's name (a new row at the end).
      const row = /^members\.(\d+)\./.exec(target.closest<HTMLElement>('[data-nav]')?.dataset.field ?? '');
      if (!row) return;
      e.preventDefault();
      e.stopPropagation();
      const next = Number(row[1]) + 1;
      const st = useStore.getState();
      if (next >= (st.editor.draft?.members.length ?? 0)) st.edit(addMember);
      st.requestFocus(`members.${next}.name`);
      return;
    }
    const nav = target.closest<HTMLElement>('[data-nav]');
    if (!nav || target instanceof HTMLTextAreaElement || target instanceof HTMLButtonElement || !root.current) return;
    const container = root.current;
    const advance = (): void => {
      const end = nav.dataset.navEnd;
      const st = useStore.getState();
      if (!e.shiftKey && end === 'add-member') {
        const index = Number(/^members\.(\d+)\./.exec(nav.dataset.field ?? '')?.[1] ?? '0');
        st.edit(addMember);
        st.requestFocus(`members.${index + 1}.name`);
      } else if (!e.shiftKey && end === 'members-tab') {
        st.requestFocus('members.0.name');
      } else {
        // Choosing in a list re-renders the row: find the field again rather than trust `nav`.
        const field = nav.dataset.field;
        const current = (field && container.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`)) || nav;
        moveFocus(container, current, e.shiftKey ? -1 : 1);
      }
    };
    if (target.getAttribute('aria-expanded') === 'true') {
      // An open list takes the Enter to choose; move on right after it has (bubble phase,
      // below), so the next keystrokes land in the next field. A multi-select stays for a
      // second choice. Should the list swallow the event, a frame later is the fallback.
      if (nav.dataset.navMulti === undefined) {
        pendingAdvance.current = advance;
        requestAnimationFrame(runPendingAdvance);
      }
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    advance();
  };

  if (loadError) {
    return <Result status="warning" title="打不开这一户" subTitle={loadError} extra={<Button onClick={() => navigate({ name: 'households' })}>返回列表</Button>} />;
  }
  if (loading || !hasDraft) return <Spin description="正在读取…" style={{ display: 'block', margin: 48 }} />;

  const tabItems = TABS.map((t) => {
    const children = (() => {
      switch (t.key) {
        case 'basic':
          return <BasicTab />;
        case 'members':
          return <MembersTab />;
        case 'incomes':
          return <IncomeTab />;
        case 'help':
          return detail && <HelpTab detail={detail} />;
        case 'history':
          return detail && <HistoryTab detail={detail} />;
        case 'problems':
          return detail && <ProblemsTab detail={detail} />;
        case 'files':
          return detail && <AttachmentsTab householdId={detail.household.id} />;
        case 'audit':
          return <AuditTab />;
      }
    })();
    const label = t.key === 'problems' && detail?.problems.length ? <Badge count={detail.problems.length} size="small" offset={[8, -2]}>{t.label}</Badge> : t.label;
    return { key: t.key, label, children, disabled: !t.editable && !detail, forceRender: t.editable };
  });

  return (
    <div ref={root} onKeyDownCapture={onKeyDownCapture} onKeyDown={runPendingAdvance} data-testid="household-page">
      <PageHeader save={save} />
      <ErrorSummary />
      <Tabs className="household-tabs" activeKey={tab} onChange={(k) => setTab(k as EditorTab)} items={tabItems} />
      <RestoreOffer />
    </div>
  );
}
