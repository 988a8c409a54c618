// The list's parts for several accounts, a chunk of their own (a single account never fetches them): the
// filter by account next to the search, and a banner per account that cannot be refreshed.
import { Fragment, h } from 'preact';
import { useStore } from '../../hooks/use-store';
import { staleHeadline } from '../../i18n/sentences';

/** Shows one account's servers; a select, so it is reached and changed from the keyboard. */
export function AccountFilter() {
  const { t, accounts, filters } = useStore();
  return (
    <select
      aria-label={t('list.filterAccount')}
      data-testid="account-filter"
      value={filters.account.value}
      onChange={(event) => filters.setAccount(event.currentTarget.value)}
    >
      <option value="">{t('list.anyAccount')}</option>
      {accounts.list.value.map((account) => (
        <option key={account.id} value={account.id}>
          {account.label}
        </option>
      ))}
    </select>
  );
}

/**
 * With several accounts: one banner per account that cannot be refreshed, with its reason (its poll
 * failed, or its token was rejected or cannot be read), while the other accounts' servers stay listed.
 * `noticesOnly`: the list's own banner already says every polled account is unreachable; an account
 * whose token needs replacing is still named, as no other banner tells it.
 */
export function AccountBanners({ noticesOnly = false }: { noticesOnly?: boolean }) {
  const { t, i18n, accounts, fleet } = useStore();
  if (!accounts.labels.value) return null;
  const statuses = fleet.accountStatuses.value;
  return (
    <Fragment>
      {accounts.list.value.map((account) => {
        const stale = statuses[account.id]?.stale ?? null;
        const lastSuccessAt = statuses[account.id]?.lastSuccessAt ?? null;
        if (!account.notice && (!stale || noticesOnly)) return null;
        const code = account.notice?.code;
        const text =
          code === 'token-rejected'
            ? t('accountTrouble.rejected', { label: account.label })
            : t('accountTrouble.stale', {
                label: account.label,
                reason: code ? t(`token.notice.${code}`) : staleHeadline(i18n.value, stale!),
              });
        return (
          <div class="banner banner-stale" role="status" key={account.id} data-testid="account-trouble">
            <p>
              <span aria-hidden="true">⚠ </span>
              {text}
              {!account.notice && lastSuccessAt !== null && (
                <span class="banner-detail"> {t('stale.title', { time: i18n.value.time(lastSuccessAt) })}</span>
              )}
            </p>
          </div>
        );
      })}
    </Fragment>
  );
}
