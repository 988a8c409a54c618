import { Fragment, h } from 'preact';
import { useStore } from '../../hooks/use-store';
import { staleHeadline } from '../../state/text';

/**
 * With several accounts: one banner per account that cannot be refreshed, with its reason (its poll
 * failed, or its token was rejected or cannot be read), while the other accounts' servers stay listed.
 */
export function AccountBanners() {
  const { t, i18n, accounts, fleet } = useStore();
  if (!accounts.labels.value) return null;
  const statuses = fleet.accountStatuses.value;
  return (
    <Fragment>
      {accounts.list.value.map((account) => {
        const stale = statuses[account.id]?.stale ?? null;
        const lastSuccessAt = statuses[account.id]?.lastSuccessAt ?? null;
        if (!account.notice && !stale) return null;
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
                <span class="banner-detail">
                  {' '}
                  {t('accountTrouble.since', { time: i18n.value.time(lastSuccessAt) })}
                </span>
              )}
            </p>
          </div>
        );
      })}
    </Fragment>
  );
}
