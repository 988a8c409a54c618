// Settings' one Accounts section: the demo (and leaving it), or each token account with where its token
// is kept (and why only for this session), why it is not polled (if so), renamed inline, signed out of
// after a confirmation (its token forgotten, its servers gone: the same as removing it); and a form to
// add one (name and token; main checks the token against VPS.org before storing it). Forms keep what was
// typed when main refuses it; how a change went is said next to it (./notes).
import { Fragment, h } from 'preact';
import { useState } from 'preact/hooks';
import type { AccountState, AuthState, Result } from '../../../common/contract';
import { checkAccountLabel } from '../../../common/rules';
import { fieldA11y } from '../../forms/fields';
import { formFailure, violationText, type FieldMessages } from '../../forms/messages';
import { useStore } from '../../hooks/use-store';
import { errorText, sessionOnlyReason, storageBackendName } from '../../i18n/sentences';
import { NoteAt, useNotes } from './notes';
import { SettingsSection } from './SettingsSection';

function useAccountResult() {
  const store = useStore();
  const notes = useNotes();
  /** A refusal's field messages (for the caller's fields); the rest is said at `at`. */
  return (at: string, result: Result<AuthState>, fields: readonly string[]): FieldMessages => {
    notes.report(at, result, (i18n, error) => formFailure(i18n, error, fields).formError);
    return result.ok ? {} : formFailure(store.i18n.value, result.error, fields).fieldMessages;
  };
}

/** Where the account's token is kept, and why only for this session. */
function StorageLine({ storage }: { storage: NonNullable<AccountState['storage']> }) {
  const store = useStore();
  const { t } = store;
  const reason = storage.persisted
    ? null
    : sessionOnlyReason(store.i18n.value, storage, store.app.info.value?.platform ?? '');
  return (
    <Fragment>
      <p class="hint">
        {t('settings.storage', { backend: storageBackendName(store.i18n.value, storage.backend) })}{' '}
        {storage.persisted ? t('settings.persisted') : t('token.sessionOnly')}
      </p>
      {reason && <p class="hint">{reason}</p>}
    </Fragment>
  );
}

function AccountItem({ account, only }: { account: AccountState; only: boolean }) {
  const store = useStore();
  const { t, accounts } = store;
  const [mode, setMode] = useState<'show' | 'rename' | 'remove'>('show');
  const [draft, setDraft] = useState(account.label);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const report = useAccountResult();
  const notes = useNotes();
  const inputId = `account-label-${account.id}`;

  async function rename(): Promise<void> {
    if (busy) return;
    const others = accounts.list.value.filter((other) => other.id !== account.id);
    const violation = checkAccountLabel(draft, others);
    if (violation) return setError(violationText(store.i18n.value, violation));
    setBusy(true);
    const result = await accounts.rename(account.id, draft.trim());
    setBusy(false);
    setError(report(inputId, result, ['label']).label);
    if (result.ok) setMode('show');
  }

  /** Signs out of the account: its token forgotten, its servers gone (the one account: back to no account). */
  async function signOut(): Promise<void> {
    if (busy) return;
    setBusy(true);
    const result = await (only ? store.auth.signOut() : accounts.remove(account.id));
    setBusy(false);
    const { label } = account;
    if (result.ok) notes.show(LIST_AT, { tone: 'info', text: (i18n) => i18n.t('accounts.signedOut', { label }) });
    else report(LIST_AT, result, []);
  }

  return (
    <li class="account-item" data-account={account.id}>
      {mode === 'rename' ? (
        <form
          class="account-rename"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void rename();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              setMode('show');
            }
          }}
        >
          <label for={inputId}>{t('accounts.label')}</label>
          <input
            {...fieldA11y(inputId, error)}
            autocomplete="off"
            maxLength={60}
            value={draft}
            autoFocus
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          {error && (
            <p class="field-error" id={`${inputId}-error`} role="alert">
              {error}
            </p>
          )}
          <div class="buttons">
            <button type="submit" class="primary" aria-disabled={busy ? 'true' : undefined}>
              {t('form.save')}
            </button>
            <button type="button" onClick={() => setMode('show')}>
              {t('button.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class="account-line">
          <span class="account-label">{account.label}</span>
          <button
            type="button"
            onClick={() => {
              setDraft(account.label);
              setError(undefined);
              setMode('rename');
            }}
          >
            {t('accounts.rename')}
          </button>
          <button
            type="button"
            class="danger-outline"
            aria-label={t('accounts.removeLabel', { label: account.label })}
            onClick={() => setMode('remove')}
          >
            {t('accounts.remove')}
          </button>
        </div>
      )}
      {account.storage && <StorageLine storage={account.storage} />}
      <NoteAt at={inputId} />
      {account.notice && (
        <p class="field-error" role="status">
          {t(`token.notice.${account.notice.code}`)}
        </p>
      )}
      {mode === 'remove' && (
        <div class="confirm" role="group" aria-label={t('accounts.removeLabel', { label: account.label })}>
          <p>{t('accounts.removeQuestion', { label: account.label })}</p>
          <div class="buttons">
            <button
              type="button"
              class="danger"
              autoFocus
              aria-disabled={busy ? 'true' : undefined}
              onClick={() => void signOut()}
            >
              {t('accounts.removeConfirm')}
            </button>
            <button type="button" onClick={() => setMode('show')}>
              {t('button.cancel')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

const ADD_AT = 'account-add';
/** Where signing out of an account is said (its item is gone). */
const LIST_AT = 'accounts-list';

function AddAccountForm() {
  const store = useStore();
  const { t, accounts } = store;
  const [label, setLabel] = useState('');
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<FieldMessages>({});
  const [busy, setBusy] = useState(false);
  const report = useAccountResult();
  const notes = useNotes();

  async function add(): Promise<void> {
    if (busy) return;
    const i18n = store.i18n.value;
    const labelViolation = checkAccountLabel(label, accounts.list.value);
    const local: FieldMessages = {};
    if (labelViolation) local.label = violationText(i18n, labelViolation);
    if (token.trim() === '') local.token = t('token.empty');
    if (local.label || local.token) return setErrors(local);
    setBusy(true);
    setErrors({});
    notes.show(ADD_AT, null);
    const result = await accounts.add(label.trim(), token);
    setBusy(false);
    setErrors(report(ADD_AT, result, ['label', 'token']));
    if (result.ok) {
      setLabel('');
      setToken('');
    }
  }

  return (
    <form
      class="account-add"
      noValidate
      aria-labelledby="account-add-title"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <h4 id="account-add-title">{t('accounts.add')}</h4>
      <div class="field">
        <label for="account-add-label">{t('accounts.label')}</label>
        <input
          {...fieldA11y('account-add-label', errors.label)}
          autocomplete="off"
          value={label}
          onInput={(event) => setLabel(event.currentTarget.value)}
        />
        {errors.label && (
          <p class="field-error" id="account-add-label-error">
            {errors.label}
          </p>
        )}
      </div>
      <div class="field">
        <label for="account-add-token">{t('token.label')}</label>
        <input
          {...fieldA11y('account-add-token', errors.token, 'account-add-token-hint')}
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={token}
          onInput={(event) => setToken(event.currentTarget.value)}
        />
        <p class="hint" id="account-add-token-hint">
          {t('token.keychain')}
        </p>
        {errors.token && (
          <p class="field-error" id="account-add-token-error">
            {errors.token}
          </p>
        )}
      </div>
      <div class="buttons">
        <button type="submit" class="primary" aria-disabled={busy ? 'true' : undefined}>
          {busy ? t('token.saving') : t('accounts.save')}
        </button>
      </div>
      <NoteAt at={ADD_AT} />
    </form>
  );
}

/** The demo, said and left from here (nothing to forget, so no confirmation). */
function DemoAccount() {
  const store = useStore();
  const { t } = store;
  const notes = useNotes();
  return (
    <Fragment>
      <p>{t('settings.demoAccount')}</p>
      <button
        type="button"
        id="settings-leave-demo"
        onClick={() =>
          void store.auth.signOut().then((result) => {
            if (!result.ok)
              notes.show('settings-leave-demo', { tone: 'error', text: (i18n) => errorText(i18n, result.error) });
          })
        }
      >
        {t('demo.leave')}
      </button>
      <NoteAt at="settings-leave-demo" />
    </Fragment>
  );
}

export function AccountsSection() {
  const store = useStore();
  const { t, accounts } = store;
  const auth = store.auth.state.value;
  // Main lists every account; one from before several accounts has only the signed-in one.
  const shown: readonly AccountState[] =
    auth?.mode !== 'token'
      ? []
      : accounts.list.value.length > 0
        ? accounts.list.value
        : [{ id: auth.account.id, label: auth.account.label, storage: auth.storage }];
  return (
    <SettingsSection id="accounts" title={t('accounts.title')}>
      {auth?.mode === 'demo' && <DemoAccount />}
      {(!auth || auth.mode === 'none') && <p>{t('settings.noAccount')}</p>}
      {shown.length > 0 && (
        <ul class="account-list">
          {shown.map((account) => (
            <AccountItem key={account.id} account={account} only={shown.length === 1} />
          ))}
        </ul>
      )}
      <NoteAt at={LIST_AT} />
      {auth && auth.mode !== 'none' && <AddAccountForm />}
    </SettingsSection>
  );
}
