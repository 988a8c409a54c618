// Settings' accounts: each token account with where its token is kept and why it is not polled (if so),
// renamed inline, removed after a confirmation; and a form to add one (name and token; main checks the
// token against VPS.org before storing it). Forms keep what was typed when main refuses it.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import type { AccountState, AuthState, Result } from '../../../common/contract';
import { checkAccountLabel } from '../../../common/rules';
import { fieldA11y } from '../../forms/fields';
import { formFailure, violationText, type FieldMessages } from '../../forms/messages';
import { useStore } from '../../hooks/use-store';
import { storageBackendName } from '../../i18n/sentences';

type Status = { tone: 'info' | 'error'; text: string } | null;

function useAccountResult(setStatus: (status: Status) => void) {
  const store = useStore();
  /** A refusal's field messages (for the caller's fields), or the whole message in the status line. */
  return (result: Result<AuthState>, fields: readonly string[], done: string): FieldMessages => {
    if (result.ok) {
      setStatus({ tone: 'info', text: done });
      return {};
    }
    const { fieldMessages, formError } = formFailure(store.i18n.value, result.error, fields);
    setStatus({ tone: 'error', text: store.t('settings.failed', { message: formError }) });
    return fieldMessages;
  };
}

function AccountItem({ account, setStatus }: { account: AccountState; setStatus: (status: Status) => void }) {
  const store = useStore();
  const { t, accounts } = store;
  const [mode, setMode] = useState<'show' | 'rename' | 'remove'>('show');
  const [draft, setDraft] = useState(account.label);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const report = useAccountResult(setStatus);
  const inputId = `account-label-${account.id}`;

  async function rename(): Promise<void> {
    if (busy) return;
    const others = accounts.list.value.filter((other) => other.id !== account.id);
    const violation = checkAccountLabel(draft, others);
    if (violation) return setError(violationText(store.i18n.value, violation));
    setBusy(true);
    const result = await accounts.rename(account.id, draft.trim());
    setBusy(false);
    const fields = report(result, ['label'], t('form.saved'));
    setError(fields.label);
    if (result.ok) setMode('show');
  }

  async function remove(): Promise<void> {
    if (busy) return;
    setBusy(true);
    const result = await accounts.remove(account.id);
    setBusy(false);
    report(result, [], t('form.saved'));
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
      {/* One account's storage is said in the Account section above already. */}
      {account.storage && accounts.list.value.length > 1 && (
        <p class="hint">
          {t('settings.storage', { backend: storageBackendName(store.i18n.value, account.storage.backend) })}{' '}
          {account.storage.persisted ? t('settings.persisted') : t('token.sessionOnly')}
        </p>
      )}
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
              onClick={() => void remove()}
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

function AddAccountForm({ setStatus }: { setStatus: (status: Status) => void }) {
  const store = useStore();
  const { t, accounts } = store;
  const [label, setLabel] = useState('');
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<FieldMessages>({});
  const [busy, setBusy] = useState(false);
  const report = useAccountResult(setStatus);

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
    setStatus(null);
    const result = await accounts.add(label.trim(), token);
    setBusy(false);
    const fields = report(result, ['label', 'token'], t('form.saved'));
    setErrors(fields);
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
    </form>
  );
}

export function AccountsSection() {
  const { t, accounts } = useStore();
  const [status, setStatus] = useState<Status>(null);
  return (
    <section class="accounts" aria-labelledby="accounts-title">
      <h3 id="accounts-title">{t('accounts.title')}</h3>
      <ul class="account-list">
        {accounts.list.value.map((account) => (
          <AccountItem key={account.id} account={account} setStatus={setStatus} />
        ))}
      </ul>
      <AddAccountForm setStatus={setStatus} />
      {status && (
        <p class={`notice notice-${status.tone}`} role={status.tone === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
