// The household list body: only the rows in view exist in the DOM (20,000 households stay
// smooth), and rows are fetched a page at a time as they come into view.
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty } from 'antd';
import { useEffect, useImperativeHandle, useRef } from 'react';
import type { KeyboardEvent, Ref } from 'react';
import type { HouseholdListItem, HouseholdSort } from '../../shared/api/index.ts';
import { StatusTag } from '../components/status-tag.tsx';
import { itemAt } from '../store/list-slice.ts';
import { useStore } from '../store/index.ts';

const ROW = 36;

/** Header labels and the sort each one applies (null: not sortable). */
const HEADS: [string, HouseholdSort | null][] = [
  ['户编号', 'no'],
  ['户主', 'head'],
  ['行政村', 'village'],
  ['村民小组', 'group'],
  ['人数', 'size'],
  ['户状态', 'status'],
  ['贫困户属性', null],
  ['主要致贫原因', null],
  ['监测对象类别', null],
];

/** A search that found the household through another member says whom ("匹配：张诗小"). */
function matchNote(h: HouseholdListItem): string | null {
  const others = (h.matched ?? []).filter((n) => n !== h.head);
  return others.length ? `匹配：${others.join('、')}` : null;
}

/** A column header that sorts the list (again: reverses it); ▲/▼ marks the sorted one. */
function SortHead(props: { label: string; sortKey: HouseholdSort }) {
  const sort = useStore((s) => s.filter.sort);
  const desc = useStore((s) => s.filter.desc);
  const setFilter = useStore((s) => s.setFilter);
  const on = sort === props.sortKey;
  return (
    <span>
      <button
        type="button"
        className={`hh-sort${on ? ' on' : ''}`}
        data-testid={`sort-${props.sortKey}`}
        aria-label={`按${props.label}排序`}
        onClick={() => void setFilter(on ? { desc: !desc } : { sort: props.sortKey, desc: false })}
      >
        {props.label}
        {on ? (desc ? ' ▼' : ' ▲') : ''}
      </button>
    </span>
  );
}

export interface RowsHandle {
  scrollToIndex(i: number): void;
  focus(): void;
}

export default function HouseholdRows(props: { onOpen: (id: string) => void; onKeyDown: (e: KeyboardEvent) => void; ref?: Ref<RowsHandle> }) {
  const parentRef = useRef<HTMLDivElement>(null);
  const totalKnown = useStore((s) => s.total);
  const total = totalKnown ?? 0;
  const pages = useStore((s) => s.pages);
  const queryId = useStore((s) => s.queryId);
  const activeIndex = useStore((s) => s.activeIndex);
  const ensureRange = useStore((s) => s.ensureRange);
  const setActiveIndex = useStore((s) => s.setActiveIndex);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW,
    overscan: 15,
    scrollMargin: ROW,
    scrollPaddingStart: ROW,
    initialOffset: () => useStore.getState().scrollTop,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total > 0) ensureRange(first, last);
  }, [first, last, total, queryId, ensureRange]);

  useEffect(() => {
    const el = parentRef.current;
    return () => {
      if (el) useStore.getState().setScrollTop(el.scrollTop);
    };
  }, []);

  useImperativeHandle(props.ref, () => ({
    scrollToIndex: (i) => virtualizer.scrollToIndex(i, { align: 'auto' }),
    focus: () => parentRef.current?.focus(),
  }));

  return (
    <div ref={parentRef} className="hh-list" tabIndex={0} role="listbox" aria-label="农户列表" aria-activedescendant={total ? `hh-${activeIndex}` : undefined} onKeyDown={props.onKeyDown}>
      <div style={{ minWidth: 1090 }}>
        <div className="hh-head" role="presentation">
          {HEADS.map(([label, key]) =>
            key ? (
              <SortHead key={label} label={label} sortKey={key} />
            ) : (
              <span key={label}>{label}</span>
            ),
          )}
        </div>
        {totalKnown === 0 && <Empty style={{ margin: 32 }} description="没有找到符合条件的农户" />}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const h = itemAt(pages, v.index);
            const style = { height: ROW, transform: `translateY(${v.start - ROW}px)`, top: 0 };
            if (!h) {
              return (
                <div key={v.key} className="hh-row placeholder" style={style}>
                  <span>加载中…</span>
                </div>
              );
            }
            return (
              <div
                key={v.key}
                id={`hh-${v.index}`}
                role="option"
                aria-selected={v.index === activeIndex}
                data-testid="household-row"
                className={`hh-row${v.index === activeIndex ? ' active' : ''}`}
                style={style}
                onClick={() => {
                  setActiveIndex(v.index);
                  props.onOpen(h.id);
                }}
              >
                <span>{h.no}</span>
                <span title={matchNote(h) ?? undefined}>
                  {h.head ?? '（无户主）'}
                  {matchNote(h) && <small className="hh-match"> {matchNote(h)}</small>}
                </span>
                <span>{h.villageName}</span>
                <span>{h.groupName ?? ''}</span>
                <span>{h.size}</span>
                <span>
                  <StatusTag status={h.status} />
                </span>
                <span>{h.attribute ?? ''}</span>
                <span>{h.mainCause ?? ''}</span>
                <span>{h.monitoringCategory ?? ''}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
