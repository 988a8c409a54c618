// The server list: search, the filters (folded behind one button), the glance line, the stale banner and
// the virtual list of servers (ServerList).
import { h } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { useStore } from '../../hooks/use-store';
import { ErrorLine, Placeholder } from '../../components/lines';
import { errorText, staleHeadline, troubleSentence } from '../../i18n/sentences';
import { DEFAULT_POLL_INTERVALS } from '../../../common/settings';
import { ServerList } from './ServerList';
import { GlanceLine } from './GlanceLine';
import { Icon } from '../../components/icons';
import { useArrived } from '../../hooks/use-lazy';
import { lazyViews } from '../lazy';
import { isDeletedNoteDue } from './deleted-note';

export const SEARCH_INPUT_ID = 'server-search';
const FILTERS_PANEL_ID = 'list-filters';

/**
 * The control outside the list that had focus when the list gave way to another view (the header's
 * Settings or New server): focused again when the list comes back, as the one that opened the view.
 */
let returnFocusTo: HTMLElement | null = null;

function useReturnFocus(): void {
  useLayoutEffect(() => {
    const target = returnFocusTo;
    returnFocusTo = null;
    if (target?.isConnected && (document.activeElement === document.body || document.activeElement === null))
      target.focus();
    return () => {
      const active = document.activeElement;
      const inList = active instanceof HTMLElement && active.closest('.list-view') !== null;
      returnFocusTo = active instanceof HTMLElement && active !== document.body && !inList ? active : null;
    };
  }, []);
}

export function ListView() {
  const store = useStore();
  const { t, fleet, filters, navigation, accounts } = store;
  // Several accounts: the filter by account and the per-account banners, fetched when first needed.
  const several = accounts.labels.value !== null;
  useArrived(several ? lazyViews.accountFilter : null);
  useArrived(several ? lazyViews.accountBanners : null);
  const AccountFilter = several ? lazyViews.accountFilter.component : null;
  const AccountBanners = several ? lazyViews.accountBanners.component : null;
  // Status and location, folded behind the Filters button: fetched when first opened.
  const [filtersOpen, setFiltersOpen] = useState(false);
  useArrived(filtersOpen ? lazyViews.filtersPanel : null);
  const FiltersPanel = filtersOpen ? lazyViews.filtersPanel.component : null;
  // The token's banners (a chunk): while the token is kept for this session only, or once after storing it.
  const authState = store.auth.state.value;
  const tokenNews =
    (authState?.mode === 'token' && !authState.storage.persisted) || navigation.flash.value?.kind === 'token-stored';
  useArrived(tokenNews ? lazyViews.tokenBanners : null);
  const TokenStorageBanners = tokenNews ? lazyViews.tokenBanners.component : null;
  const i18n = store.i18n.value;
  const status = fleet.status.value;
  // "Since you last looked" (a chunk): fetched after the first rows are painted, so it never delays them.
  useArrived(status?.loaded ? lazyViews.digest : null);
  const Digest = status?.loaded ? lazyViews.digest.component : null;
  const refreshing = fleet.refreshing.value;
  const pollSeconds = store.settings.current.value?.pollIntervals.openSeconds ?? DEFAULT_POLL_INTERVALS.openSeconds;
  const all = fleet.sorted.value;
  const views = filters.visible.value;
  // A delete just done, an account without servers, the way out of an empty result (a chunk): fetched
  // when one is due, not for the first rows; once here, always rendered (it shows only what is due).
  const notesDue = isDeletedNoteDue() || (status?.loaded && all.length === 0) || (all.length > 0 && views.length === 0);
  useArrived(notesDue ? lazyViews.listNotes : null);
  const ListNotes = lazyViews.listNotes.component;
  // Enter or ↓ in the search box: to the top match's row (its actions are the next tab stops). Bumped
  // per press, so the list moves focus each time.
  const [toTopMatch, setToTopMatch] = useState(0);
  useReturnFocus();
  const activeFilters = (filters.status.value !== '' ? 1 : 0) + (filters.location.value !== '' ? 1 : 0);
  const filtering =
    activeFilters > 0 ||
    filters.account.value !== '' ||
    filters.glance.value !== '' ||
    filters.search.value.trim() !== '';
  const freshness =
    status?.lastSuccessAt == null
      ? t('list.neverUpdated')
      : status.stale
        ? t('list.lastUpdated', { time: i18n.time(status.lastSuccessAt) })
        : t('list.live', { seconds: i18n.number(pollSeconds) });

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
          value={filters.search.value}
          onInput={(event) => filters.setSearch(event.currentTarget.value)}
          onKeyDown={(event) => {
            if ((event.key !== 'Enter' && event.key !== 'ArrowDown') || event.isComposing || views.length === 0) return;
            event.preventDefault();
            setToTopMatch((count) => count + 1);
          }}
        />
        {AccountFilter && <AccountFilter />}
        <button
          type="button"
          class={`filters-button${activeFilters > 0 ? ' filters-on' : ''}`}
          aria-expanded={filtersOpen ? 'true' : 'false'}
          aria-controls={FILTERS_PANEL_ID}
          onClick={() => setFiltersOpen((open) => !open)}
        >
          <Icon name="filters" />
          {activeFilters > 0 ? t('list.filtersActive', { count: i18n.number(activeFilters) }) : t('list.filters')}
        </button>
        <button
          type="button"
          class="icon-button refresh-button"
          aria-label={refreshing ? t('list.refreshing') : t('button.refresh')}
          title={`${t('button.refresh')} · ${freshness}`}
          aria-disabled={refreshing ? 'true' : undefined}
          onClick={() => {
            if (!refreshing) void fleet.refresh();
          }}
        >
          <Icon name="refresh" class={refreshing ? 'spin' : undefined} />
        </button>
      </div>
      {filtersOpen && FiltersPanel && <FiltersPanel id={FILTERS_PANEL_ID} />}

      {TokenStorageBanners && <TokenStorageBanners />}
      {AccountBanners && <AccountBanners noticesOnly={status?.stale != null} />}

      {status?.stale && (
        <div class="banner banner-stale" role="status" data-testid="stale-banner">
          <p>
            <span aria-hidden="true">⚠ </span>
            <strong>{staleHeadline(i18n, status.stale)}</strong>{' '}
            {status.lastSuccessAt !== null && t('stale.title', { time: i18n.time(status.lastSuccessAt) })}
          </p>
          {/* VPS.org's own trouble is the headline already; other kinds say why under it. */}
          {troubleSentence(i18n, status.stale) === null && <p class="banner-detail">{errorText(i18n, status.stale)}</p>}
          <button type="button" onClick={() => void fleet.refresh()}>
            {t('button.retry')}
          </button>
        </div>
      )}

      <div class="freshness">
        <GlanceLine />
        <span class={filtering ? 'count' : 'count sr-only'}>
          {filtering
            ? t('list.shownOf', { shown: i18n.number(views.length), total: i18n.plural('list.count', all.length) })
            : i18n.plural('list.count', all.length)}
        </span>
        {/* Main tells of a poll only when it changed something: while not stale, the list is as fresh as
            the poll interval (said to screen readers and in the Refresh button's tooltip; a failed poll is
            always told, with the time of the last success, and the stale banner). */}
        <span
          class={status?.stale || status?.lastSuccessAt == null ? 'updated' : 'updated sr-only'}
          data-testid="last-updated"
        >
          {freshness}
        </span>
      </div>

      {status?.skipped ? (
        <p class="notice notice-info" role="status">
          {t('list.skipped', { servers: i18n.plural('list.count', status.skipped) })}
        </p>
      ) : null}
      {filters.error.value && <ErrorLine text={t('list.filterFailed', { message: filters.error.value })} />}
      <ErrorLine text={fleet.error.value} />
      {ListNotes && <ListNotes />}
      {Digest && <Digest />}

      {!status?.loaded
        ? !status?.stale && <Placeholder text={t('app.loading')} />
        : views.length > 0 && <ServerList views={views} focusTopRequest={toTopMatch} />}
    </section>
  );
}
