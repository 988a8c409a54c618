// The server list: search, the API's status/location filters, freshness line, stale banner and the
// virtual list of servers (ServerList).
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { useStore } from '../../hooks/use-store';
import { ErrorLine, Placeholder } from '../../components/lines';
import { FILTER_STATUSES } from '../../state/fleet';
import { errorText, staleHeadline, troubleSentence } from '../../i18n/sentences';
import { statusLabel } from '../../../common/i18n/sentences';
import { DEFAULT_POLL_INTERVALS } from '../../../common/settings';
import { ServerList } from './ServerList';
import { useArrived } from '../../hooks/use-lazy';
import { lazyViews } from '../lazy';
import { TokenStorageBanners } from './TokenStorageBanners';

export const SEARCH_INPUT_ID = 'server-search';

export function ListView() {
  const store = useStore();
  const { t, fleet, filters, navigation, accounts } = store;
  // Several accounts: the filter by account and the per-account banners, fetched when first needed.
  const several = accounts.labels.value !== null;
  useArrived(several ? lazyViews.accountFilter : null);
  useArrived(several ? lazyViews.accountBanners : null);
  const AccountFilter = several ? lazyViews.accountFilter.component : null;
  const AccountBanners = several ? lazyViews.accountBanners.component : null;
  const i18n = store.i18n.value;
  const status = fleet.status.value;
  const refreshing = fleet.refreshing.value;
  const pollSeconds = store.settings.current.value?.pollIntervals.openSeconds ?? DEFAULT_POLL_INTERVALS.openSeconds;
  const all = fleet.sorted.value;
  const views = filters.visible.value;
  // Enter or ↓ in the search box: to the top match's row (its actions are the next tab stops). Bumped
  // per press, so the list moves focus each time.
  const [toTopMatch, setToTopMatch] = useState(0);
  const filtering =
    filters.status.value !== '' ||
    filters.location.value !== '' ||
    filters.account.value !== '' ||
    filters.search.value.trim() !== '';

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
        <select
          aria-label={t('list.filterStatus')}
          value={filters.status.value}
          onChange={(event) => void filters.setFilters({ status: event.currentTarget.value })}
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
          value={filters.location.value}
          onChange={(event) => void filters.setFilters({ location: event.currentTarget.value })}
        >
          <option value="">{t('list.anyLocation')}</option>
          {fleet.locations.value.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        {AccountFilter && <AccountFilter />}
      </div>

      <TokenStorageBanners />
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
        <span class="count">
          {filtering
            ? t('list.shownOf', { shown: i18n.number(views.length), total: i18n.plural('list.count', all.length) })
            : i18n.plural('list.count', all.length)}
        </span>
        <span class="updated" data-testid="last-updated">
          {/* Main tells of a poll only when it changed something: while not stale, the list is as fresh as
              the poll interval (a failed poll is always told, with the time of the last success). */}
          {status?.lastSuccessAt == null
            ? t('list.neverUpdated')
            : status.stale
              ? t('list.lastUpdated', { time: i18n.time(status.lastSuccessAt) })
              : t('list.live', { seconds: i18n.number(pollSeconds) })}
        </span>
        <button
          type="button"
          class="icon-button small"
          aria-label={refreshing ? t('list.refreshing') : t('button.refresh')}
          title={t('button.refresh')}
          aria-disabled={refreshing ? 'true' : undefined}
          onClick={() => {
            if (!refreshing) void fleet.refresh();
          }}
        >
          <span aria-hidden="true" class={refreshing ? 'spin' : undefined}>
            ↻
          </span>
        </button>
      </div>

      {status?.skipped ? (
        <p class="notice notice-info" role="status">
          {t('list.skipped', { servers: i18n.plural('list.count', status.skipped) })}
        </p>
      ) : null}
      {filters.error.value && <ErrorLine text={t('list.filterFailed', { message: filters.error.value })} />}
      <ErrorLine text={fleet.error.value} />

      {!status?.loaded ? (
        !status?.stale && <Placeholder text={t('app.loading')} />
      ) : all.length === 0 ? (
        <div class="placeholder">
          <p>{t('list.empty')}</p>
          <button type="button" class="primary" onClick={() => navigation.navigate({ name: 'create' })}>
            {t('nav.create')}
          </button>
        </div>
      ) : views.length === 0 ? (
        <p class="placeholder">{t('list.noMatch')}</p>
      ) : (
        <ServerList views={views} focusTopRequest={toTopMatch} />
      )}
    </section>
  );
}
