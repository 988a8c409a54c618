// A virtual list of servers (only the rows in view are in the DOM) with roving focus and arrow-key
// navigation. Focus never falls to <body> under the user (row-focus.ts), a row's message is as tall as
// its text (measured).
import { h } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ServerView } from '../../../common/contract';
import { useStore } from '../../hooks/use-store';
import { computeLayout, scrollToReveal, totalHeight, visibleRange } from './virtual';
import { useRowFocus } from './row-focus';
import { ServerRow } from './ServerRow';

/** px; must match .row / .row-extra heights in styles.css (the extra line's least height). */
const ROW_HEIGHT = 60;
const ROW_EXTRA_HEIGHT = 40;
/** Rows rendered beyond the view on each side, once the list's first frame is painted (none in it). */
const OVERSCAN = 6;
/** Used until the scroller is measured (and in DOMs without layout). */
const FALLBACK_VIEWPORT = 400;

/** Heights of the rows' extra lines as laid out (a long message wraps); unmeasured ones are the least. */
function useExtraHeights(listRef: { current: HTMLElement | null }) {
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(new Map());
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    let changed = false;
    const next = new Map(heights);
    for (const extra of list.querySelectorAll<HTMLElement>('.row-extra')) {
      const key = extra.closest<HTMLElement>('li[data-key]')?.dataset.key;
      const height = Math.ceil(extra.getBoundingClientRect().height);
      if (key === undefined || height <= 0 || next.get(key) === height) continue;
      next.set(key, height);
      changed = true;
    }
    if (changed) setHeights(next);
  });
  return heights;
}

/** `focusTopRequest`: each new value moves focus to the first row (Enter in the search box). */
export function ServerList({ views, focusTopRequest = 0 }: { views: ServerView[]; focusTopRequest?: number }) {
  const { t, notices, power, navigation, filters } = useStore();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(FALLBACK_VIEWPORT);
  // The first frame shows only the rows in view: the rows beyond (for scrolling) are added after its
  // paint (an effect runs after it), so they do not delay the first rows.
  const [overscan, setOverscan] = useState(0);
  useEffect(() => setOverscan(OVERSCAN), []);
  const focusActiveRow = useRef(false);
  const noticesByKey = notices.byKey.value;
  const confirming = power.confirming.value;
  const extraHeights = useExtraHeights(listRef);

  const layout = useMemo(
    () =>
      computeLayout(
        views.map((view) =>
          noticesByKey.has(view.key) || confirming?.key === view.key
            ? ROW_HEIGHT + Math.max(ROW_EXTRA_HEIGHT, extraHeights.get(view.key) ?? 0)
            : ROW_HEIGHT,
        ),
      ),
    [views, noticesByKey, confirming, extraHeights],
  );

  const activeKey = navigation.activeKey.value;
  const foundIndex = activeKey === null ? -1 : views.findIndex((view) => view.key === activeKey);
  const activeIndex = foundIndex >= 0 ? foundIndex : 0;
  const [start, end] = visibleRange(layout, scrollTop, viewportHeight, overscan);
  // The active row is always rendered, so the one tabbable row never disappears from the tab order.
  const indexes: number[] = [];
  if (activeIndex < start) indexes.push(activeIndex);
  for (let index = start; index < end; index++) indexes.push(index);
  if (activeIndex >= end) indexes.push(activeIndex);

  useRowFocus({
    listRef,
    bringIntoDom: (key) => {
      if (!views.some((view) => view.key === key)) return false;
      navigation.setActiveKey(key);
      return true;
    },
    onEngage: (key, on) => {
      filters.engage(key, on, 'focus');
      if (on) navigation.setActiveKey(key);
    },
  });
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const measure = () => setViewportHeight(scroller.clientHeight > 0 ? scroller.clientHeight : FALLBACK_VIEWPORT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (!focusActiveRow.current) return;
    focusActiveRow.current = false;
    const key = views[activeIndex]?.key;
    for (const button of scrollerRef.current?.querySelectorAll<HTMLElement>('.row-main') ?? [])
      if (button.dataset.key === key) button.focus();
  });

  function moveTo(index: number): void {
    const targetIndex = Math.max(0, Math.min(views.length - 1, index));
    const target = views[targetIndex];
    if (!target) return;
    const scroller = scrollerRef.current;
    const nextTop = scrollToReveal(layout, targetIndex, scroller?.scrollTop ?? scrollTop, viewportHeight);
    if (scroller) scroller.scrollTop = nextTop;
    setScrollTop(nextTop);
    focusActiveRow.current = true;
    navigation.setActiveKey(target.key);
  }

  useLayoutEffect(() => {
    if (focusTopRequest > 0) moveTo(0);
    // Only a new request moves focus (moveTo reads the current views and layout).
  }, [focusTopRequest]);

  function onKeyDown(event: KeyboardEvent): void {
    if (!(event.target instanceof HTMLElement) || !event.target.classList.contains('row-main')) return;
    const page = Math.max(1, Math.floor(viewportHeight / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      Home: 0,
      End: views.length - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    moveTo(next);
  }

  return (
    <div
      class="list-scroller"
      ref={scrollerRef}
      data-testid="server-list"
      onScroll={(event) => {
        setScrollTop(event.currentTarget.scrollTop);
      }}
    >
      <ul
        class="server-list"
        ref={listRef}
        aria-label={t('list.label')}
        style={{ height: `${totalHeight(layout)}px` }}
        onKeyDown={onKeyDown}
      >
        {indexes.map((index) => {
          const view = views[index]!;
          return (
            <ServerRow
              key={view.key}
              view={view}
              top={layout.offsets[index]!}
              position={index + 1}
              setSize={views.length}
              active={index === activeIndex}
              onFocusRow={() => navigation.setActiveKey(view.key)}
            />
          );
        })}
      </ul>
    </div>
  );
}
