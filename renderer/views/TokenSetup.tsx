// Token setup (after leaving the demo, or when the stored token is unreadable or revoked): paste a token, or try
// the demo. The token goes to the main process once and is never read back; the input keeps its text after an error.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AuthNotice, IpcError } from '../../common/contract';
import { fieldA11y } from '../forms/fields';
import { formFailure } from '../forms/messages';
import { useStore } from '../hooks/use-store';
import type { I18n } from '../i18n';
import { errorText } from '../i18n/sentences';

/** Why the token was refused: main's reason at the field (its shape, in the user's language), else the error's. */
function tokenErrorText(i18n: I18n, error: IpcError): string {
  if (error.kind === 'unauthorized') return i18n.t('token.rejected');
  const { fieldMessages, formError } = formFailure(i18n, error, ['token']);
  return fieldMessages.token ?? formError;
}

export function TokenSetup({ notice }: { notice: AuthNotice | undefined }) {
  const store = useStore();
  const { t, auth } = store;
  const [token, setToken] = useState('');
  const [visible, setVisible] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'token' | 'demo' | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  // Switched through the DOM: Preact's typings tie `type` to a fixed literal per element.
  useEffect(() => {
    if (inputRef.current) inputRef.current.type = visible ? 'text' : 'password';
  }, [visible]);

  async function save(): Promise<void> {
    if (busy) return;
    const trimmed = token.trim();
    if (trimmed === '') {
      setError(t('token.empty'));
      return;
    }
    setBusy('token');
    setError(null);
    const result = await auth.saveToken(trimmed);
    setBusy(null);
    if (!result.ok) setError(tokenErrorText(store.i18n.value, result.error));
  }

  async function startDemo(): Promise<void> {
    if (busy) return;
    setBusy('demo');
    setError(null);
    const result = await auth.startDemo();
    setBusy(null);
    if (!result.ok) setError(errorText(store.i18n.value, result.error));
  }

  return (
    <section class="token-setup" aria-labelledby="token-title">
      <h2 id="token-title">{t('token.title')}</h2>
      {notice && (
        <p class="banner banner-warning" role="alert">
          {/* Why main asks for a token, in the popup's language (main's own text is English). */}
          {t(`token.notice.${notice.code}`)}
        </p>
      )}
      <p>{t('token.intro')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label for="token-input">{t('token.label')}</label>
        <div class="token-row">
          <input
            ref={inputRef}
            {...fieldA11y('token-input', error ?? undefined, 'token-input-hint')}
            type="password"
            autocomplete="off"
            spellcheck={false}
            value={token}
            onInput={(event) => setToken(event.currentTarget.value)}
          />
          <button
            type="button"
            class="icon-button"
            aria-pressed={visible}
            aria-label={t('token.show')}
            title={visible ? t('token.hide') : t('token.show')}
            onClick={() => setVisible((value) => !value)}
          >
            <svg class="icon" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
              <g fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round">
                <path d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8s-2.4 4.5-6.5 4.5S1.5 8 1.5 8z" />
                <circle cx="8" cy="8" r="2" />
                {visible && <path d="M3 13 13 3" />}
              </g>
            </svg>
          </button>
        </div>
        <p class="hint token-keychain" id="token-input-hint">
          {t('token.keychain')}
        </p>
        {error && (
          <p class="field-error" id="token-input-error" role="alert">
            {error}
          </p>
        )}
        <div class="buttons">
          <button type="submit" class="primary" aria-disabled={busy ? 'true' : undefined}>
            {busy === 'token' ? t('token.saving') : t('token.save')}
          </button>
        </div>
      </form>
      <section class="token-help" aria-labelledby="token-help-title">
        <h3 id="token-help-title">{t('token.whereTitle')}</h3>
        <ol>
          <li>{t('token.whereStep1')}</li>
          <li>{t('token.whereStep2')}</li>
          <li>{t('token.whereStep3')}</li>
        </ol>
      </section>
      <section class="token-demo" aria-labelledby="token-demo-title">
        <h3 id="token-demo-title">{t('token.demoTitle')}</h3>
        <p class="hint">{t('token.demoHint')}</p>
        <button type="button" aria-disabled={busy ? 'true' : undefined} onClick={() => void startDemo()}>
          {busy === 'demo' ? t('app.loading') : t('token.demo')}
        </button>
      </section>
    </section>
  );
}
