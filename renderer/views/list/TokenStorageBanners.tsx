import { Fragment, h } from 'preact';
import { useStore } from '../../hooks/use-store';
import { sessionOnlyReason, storageBackendName } from '../../i18n/sentences';

/**
 * Where the token is kept: persistently, while a session-only token is in use (the user must know
 * it is gone after quitting, and why); once, right after a token was stored across restarts.
 */
export function TokenStorageBanners() {
  const { t, i18n, app, auth, navigation } = useStore();
  const state = auth.state.value;
  const flash = navigation.flash.value;
  const sessionOnly = state?.mode === 'token' && !state.storage.persisted ? state.storage : null;
  const reason = sessionOnly && sessionOnlyReason(i18n.value, sessionOnly, app.info.value?.platform ?? '');
  return (
    <Fragment>
      {sessionOnly && (
        <div class="banner banner-calm" role="status" data-testid="session-token-banner">
          <p>
            {t('token.sessionOnly')}
            {reason && ` ${reason}`}
          </p>
          <button type="button" onClick={() => navigation.navigate({ name: 'settings' })}>
            {t('token.openSettings')}
          </button>
        </div>
      )}
      {flash?.kind === 'token-stored' && !sessionOnly && (
        <div class="banner banner-calm" role="status" data-testid="token-stored">
          <p>
            <span aria-hidden="true">✓ </span>
            {t('settings.storage', { backend: storageBackendName(i18n.value, flash.backend) })}{' '}
            {t('settings.persisted')}
          </p>
          <button
            type="button"
            class="icon-button small"
            aria-label={t('button.dismiss')}
            onClick={() => navigation.dismissFlash()}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </Fragment>
  );
}
