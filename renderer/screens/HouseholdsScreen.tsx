// 农户档案: filters, the search box (debounced; ↑/↓ move, Enter opens), the list, 新增农户.
import { Alert, App, Button, Input, Space, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { API } from '../../shared/api/index.ts';
import { useMay } from '../hooks/use-may.ts';
import { PAGE_SIZE, itemAt } from '../store/list-slice.ts';
import { useStore } from '../store/index.ts';
import ExportListButton from '../components/ExportListButton.tsx';
import HouseholdFilters from './HouseholdFilters.tsx';
import HouseholdRows from './HouseholdRows.tsx';
import type { RowsHandle } from './HouseholdRows.tsx';

const DEBOUNCE_MS = 150;
const PAGE_JUMP = 10;

export default function HouseholdsScreen() {
  const searchInput = useStore((s) => s.searchInput);
  const total = useStore((s) => s.total);
  const listError = useStore((s) => s.listError);
  const setSearchInput = useStore((s) => s.setSearchInput);
  const navigate = useStore((s) => s.navigate);
  const mayEdit = useMay(API.households.save);
  const { message } = App.useApp();
  const rows = useRef<RowsHandle>(null);
  const exportFilter = useStore((s) => s.filter);
  const search = useRef<InputRef>(null);

  useEffect(() => {
    const st = useStore.getState();
    if (st.listStale || st.total == null) void st.refreshList();
    search.current?.focus();
  }, []);

  useEffect(() => {
    if (searchInput === useStore.getState().filter.search) return;
    const t = setTimeout(() => void useStore.getState().setFilter({ search: searchInput }), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [searchInput]);

  const open = (id: string): void => navigate({ name: 'household', id });

  const openActive = async (): Promise<void> => {
    let st = useStore.getState();
    if (st.searchInput !== st.filter.search) await st.setFilter({ search: st.searchInput });
    // The debounced search may still be on its way: wait for the page the selection is on.
    for (let query = -1; query !== useStore.getState().queryId; ) {
      st = useStore.getState();
      query = st.queryId;
      await st.loadPage(Math.floor(st.activeIndex / PAGE_SIZE));
    }
    st = useStore.getState();
    const h = itemAt(st.pages, st.activeIndex);
    if (h) open(h.id);
    else if (st.total === 0) void message.info('没有找到符合条件的农户');
  };

  const move = (delta: number): void => {
    const st = useStore.getState();
    st.setActiveIndex(st.activeIndex + delta);
    rows.current?.scrollToIndex(useStore.getState().activeIndex);
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.nativeEvent.isComposing) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      PageDown: () => move(PAGE_JUMP),
      PageUp: () => move(-PAGE_JUMP),
      Enter: () => void openActive(),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  return (
    <div className="screen-fill">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          农户档案
        </Typography.Title>
        <Input
          ref={search}
          aria-label="查找农户"
          data-testid="household-search"
          allowClear
          style={{ width: 320 }}
          placeholder="姓名 / 拼音首字母 / 身份证后几位 / 户编号"
          value={searchInput}
          onChange={(e) => setSearchInput(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <Typography.Text type="secondary" data-testid="household-total">
          {total == null ? '正在查找…' : `共 ${total} 户`}
        </Typography.Text>
        <ExportListButton name="农户名单" request={{ kind: 'households', filter: exportFilter }} disabled={!total} testId="export-households" />
        {mayEdit && (
          <Button type="primary" data-testid="new-household" onClick={() => navigate({ name: 'household', id: null })}>
            新增农户
          </Button>
        )}
      </Space>
      <div style={{ marginBottom: 12 }}>
        <HouseholdFilters />
      </div>
      {listError && <Alert type="error" showIcon title={listError} style={{ marginBottom: 12 }} />}
      <HouseholdRows ref={rows} onOpen={open} onKeyDown={onKeyDown} />
    </div>
  );
}
