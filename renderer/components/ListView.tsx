// The server list: search, the API's status/location filters, freshness line, stale banner and a
// virtual list (only the rows in view are in the DOM) with roving focus and arrow-key navigation.
import { Fragment, h } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ServerView } from '../../common/contract';
import { FILTER_STATUSES } from '../state/fleet';
import {
  errorText,
  sessionOnlyReason,
  staleHeadline,
  statusLabel,
  storageBackendName,
  troubleSentence,
} from '../state/text';
import { computeLayout, scrollToReveal, totalHeight, visibleRange } from '../state/virtual';
import { useStore } from './context';
import { ConfirmAction, NoticeLine, PowerButtons, StatusBadge, Placeholder, ErrorLine } from './widgets';

/** px; must match .row / .row-extra heights in styles.css. */
export const ROW_HEIGHT = 60;
export const ROW_EXTRA_HEIGHT = 40;
const OVERSCAN = 6;
/** Used until the scroller is measured (and in DOMs without layout). */
const FALLBACK_VIEWPORT = 400;

export const SEARCH_INPUT_ID = 'server-search';

export function ListView() {
  const store = useStore();
  const t = store.t;
  const status = store.fleetStatus.value;
  const all = store.sorted.value;
  const views = store.visible.value;
  const i18n = store.i18n.value;
  const filtering =
    store.statusFilter.value !== '' || store.locationFilter.value !== '' || store.search.value.trim() !== '';

  return (
    <section class="list-view" aria-labelledby="list-heading">
      <h2 id="list-heading" class="sr-only">
        {t('list.label')}
      </h2>
      <div class="toolbar">
        <input
          id={SEARCH_INPUT_ID}
          type="search"
          class="search"
          aria-label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          value={store.search.value}
          onInput={(event) => {
            store.search.value = event.currentTarget.value;
          }}
        />
        <select
          aria-label={t('list.filterStatus')}
          value={store.statusFilter.value}
          onChange={(event) => void store.setFilters({ status: event.currentTarget.value })}
        >
          <option value="">{t('list.anyStatus')}</option>
          {FILTER_STATUSES.map((value) => (
            <option key={value} value={value}>
              {statusLabel(i18n, value)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('field.location')}
          value={store.locationFilter.value}
          onChange={(event) => void store.setFilters({ location: event.currentTarget.value })}
        >
          <option value="">{t('list.anyLocation')}</option>
          {store.locations.value.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </div>

      <TokenStorageBanners />

      {status?.stale && (
        <div class="banner banner-stale" role="status" data-testid="stale-banner">
          <p>
            <span aria-hidden="true">⚠ </span>
            <strong>{staleHeadline(i18n, status.stale)}</strong>{' '}
            {status.lastSuccessAt !== null && t('stale.title', { time: i18n.time(status.lastSuccessAt) })}
          </p>
          {/* VPS.org's own trouble is the headline already; other kinds say why under it. */}
          {troubleSentence(i18n, status.stale) === null && <p class="banner-detail">{errorText(i18n, status.stale)}</p>}
          <button type="button" onClick={() => void store.bridge.fleet.refresh()}>
            {t('button.retry')}
          </button>
        </div>
      )}

      <div class="freshness">
        <span class="count">
          {filtering
            ? t('list.shownOf', { shown: i18n.number(views.length), total: i18n.plural('list.count', all.length) })
            : i18n.plural('list.count', all.length)}
        </span>
        <span class="updated" data-testid="last-updated">
          {status?.lastSuccessAt != null
            ? t('list.lastUpdated', { time: i18n.time(status.lastSuccessAt) })
            : t('list.neverUpdated')}
        </span>
        <button
          type="button"
          class="icon-button small"
          aria-label={status?.refreshing ? t('list.refreshing') : t('list.refresh')}
          title={t('list.refresh')}
          aria-disabled={status?.refreshing ? 'true' : undefined}
          onClick={() => {
            if (!status?.refreshing) void store.bridge.fleet.refresh();
          }}
        >
          <span aria-hidden="true" class={status?.refreshing ? 'spin' : undefined}>
            ↻
          </span>
        </button>
      </div>

      {status?.skipped ? (
        <p class="notice notice-info" role="status">
          {t('list.skipped', { servers: i18n.plural('list.count', status.skipped) })}
        </p>
      ) : null}
      {store.filterError.value && <ErrorLine text={t('list.filterFailed', { message: store.filterError.value })} />}
      <ErrorLine text={store.fleetError.value} />

      {!status?.loaded ? (
        !status?.stale && <Placeholder text={t('app.loading')} />
      ) : all.length === 0 ? (
        <div class="placeholder">
          <p>{t('list.empty')}</p>
          <button type="button" class="primary" onClick={() => store.navigate({ name: 'create' })}>
            {t('nav.create')}
          </button>
        </div>
      ) : views.length === 0 ? (
        <p class="placeholder">{t('list.noMatch')}</p>
      ) : (
        <ServerList views={views} />
      )}
    </section>
  );
}

/**
 * Where the token is kept: persistently, while a session-only token is in use (the user must know
 * it is gone after quitting, and why); once, right after a token was stored across restarts.
 */
function TokenStorageBanners() {
  const store = useStore();
  const t = store.t;
  const auth = store.auth.value;
  const flash = store.flash.value;
  const sessionOnly = auth?.mode === 'token' && !auth.storage.persisted ? auth.storage : null;
  const reason = sessionOnly && sessionOnlyReason(store.i18n.value, sessionOnly, store.appInfo.value?.platform ?? '');
  return (
    <Fragment>
      {sessionOnly && (
        <div class="banner banner-calm" role="status" data-testid="session-token-banner">
          <p>
            {t('token.sessionOnly')}
            {reason && ` ${reason}`}
          </p>
          <button type="button" onClick={() => store.navigate({ name: 'settings' })}>
            {t('token.openSettings')}
          </button>
        </div>
      )}
      {flash?.kind === 'token-stored' && !sessionOnly && (
        <div class="banner banner-calm" role="status" data-testid="token-stored">
          <p>
            <span aria-hidden="true">✓ </span>
            {t('settings.storage', { backend: storageBackendName(store.i18n.value, flash.backend) })}{' '}
            {t('settings.persisted')}
          </p>
          <button
            type="button"
            class="icon-button small"
            aria-label={t('button.dismiss')}
            onClick={() => {
              store.flash.value = null;
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </Fragment>
  );
}

function ServerList({ views }: { views: ServerView[] }) {
  const store = useStore();
  const t = store.t;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(FALLBACK_VIEWPORT);
  const focusActiveRow = useRef(false);
  const notices = store.notices.value;
  const confirming = store.confirming.value;

  const layout = useMemo(
    () =>
      computeLayout(
        views.map((view) =>
          notices.has(view.key) || confirming?.key === view.key ? ROW_HEIGHT + ROW_EXTRA_HEIGHT : ROW_HEIGHT,
        ),
      ),
    [views, notices, confirming],
  );

  const activeKey = store.activeKey.value;
  const foundIndex = activeKey === null ? -1 : views.findIndex((view) => view.key === activeKey);
  const activeIndex = foundIndex >= 0 ? foundIndex : 0;
  const [start, end] = visibleRange(layout, scrollTop, viewportHeight, OVERSCAN);
  // The active row is always rendered, so the one tabbable row never disappears from the tab order.
  const indexes: number[] = [];
  if (activeIndex < start) indexes.push(activeIndex);
  for (let index = start; index < end; index++) indexes.push(index);
  if (activeIndex >= end) indexes.push(activeIndex);

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
    store.activeKey.value = target.key;
  }

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
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <ul
        class="server-list"
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
              onFocusRow={() => {
                store.activeKey.value = view.key;
              }}
              onRefocus={() => {
                focusActiveRow.current = true;
                store.activeKey.value = view.key;
              }}
            />
          );
        })}
      </ul>
    </div>
  );
}

function ServerRow({
  view,
  top,
  position,
  setSize,
  active,
  onFocusRow,
  onRefocus,
}: {
  view: ServerView;
  top: number;
  position: number;
  setSize: number;
  active: boolean;
  onFocusRow: () => void;
  onRefocus: () => void;
}) {
  const store = useStore();
  const { server } = view;
  const notice = store.notices.value.get(view.key);
  const confirming = store.confirming.value;
  const confirmAction = confirming?.key === view.key ? confirming.action : null;
  const tabIndex = active ? 0 : -1;
  const meta = [server.ip_address ?? '—', server.location ?? '—', server.plan?.name ?? '—'].join(' · ');
  return (
    <li
      class={`row${active ? ' row-active' : ''}`}
      style={{ top: `${top}px` }}
      aria-posinset={position}
      aria-setsize={setSize}
      data-key={view.key}
      data-status={server.status}
    >
      <div class="row-line">
        <button
          type="button"
          class="row-main"
          data-key={view.key}
          tabIndex={tabIndex}
          title={server.name}
          onFocus={onFocusRow}
          onClick={() => store.openDetail(view.key)}
        >
          <span class="row-title">
            <span class="row-name">{server.name}</span>
            <StatusBadge status={server.status} />
          </span>
          <span class="row-meta">{meta}</span>
        </button>
        {confirmAction === null && <PowerButtons view={view} compact tabIndex={tabIndex} />}
      </div>
      {confirmAction !== null ? (
        <div class="row-extra">
          <ConfirmAction view={view} action={confirmAction} onClose={onRefocus} />
        </div>
      ) : (
        notice && (
          <div class="row-extra">
            <NoticeLine notice={notice} onDismiss={() => store.setNotice(view.key, null)} />
          </div>
        )
      )}
    </li>
  );
}
