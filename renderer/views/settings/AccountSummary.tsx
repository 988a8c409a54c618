// Settings' account: which one is signed in and where its token is kept (and why only for this session),
// signing out (or leaving the demo), and the app's version.
import { Fragment, h } from 'preact';
import { useStore } from '../../hooks/use-store';
import { errorText, sessionOnlyReason, storageBackendName } from '../../i18n/sentences';
import type { Note } from './StatusNote';

export function AccountSummary({ onFailure }: { onFailure: (note: Note) => void }) {
  const store = useStore();
  const { t } = store;
  const auth = store.auth.state.value;
  const info = store.app.info.value;

  async function signOut(): Promise<void> {
    const result = await store.auth.signOut();
    if (!result.ok) onFailure({ tone: 'error', text: errorText(store.i18n.value, result.error) });
  }

  return (
    <section class="account" aria-labelledby="account-title">
      <h3 id="account-title">{t('settings.account')}</h3>
      {auth?.mode === 'token' && (
        <Fragment>
          <p>{auth.account.label}</p>
          <p>
            {t('settings.storage', { backend: storageBackendName(store.i18n.value, auth.storage.backend) })}
            <span class="sub">{auth.storage.persisted ? t('settings.persisted') : t('token.sessionOnly')}</span>
          </p>
          {!auth.storage.persisted && (
            <p class="hint">{sessionOnlyReason(store.i18n.value, auth.storage, info?.platform ?? '')}</p>
          )}
        </Fragment>
      )}
      {auth?.mode === 'demo' && <p>{t('settings.demoAccount')}</p>}
      {auth?.mode === 'none' && <p>{t('settings.noAccount')}</p>}
      {/* With several accounts, each is removed on its own (AccountsSection). */}
      {auth && auth.mode !== 'none' && store.accounts.list.value.length < 2 && (
        <button type="button" class="danger-outline" onClick={() => void signOut()}>
          {auth.mode === 'demo' ? t('demo.leave') : t('settings.signOut')}
        </button>
      )}
      {info?.version && <p class="hint">{t('settings.version', { version: info.version })}</p>}
    </section>
  );
}
