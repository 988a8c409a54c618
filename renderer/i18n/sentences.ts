// Sentences the popup makes from facts: error texts, VPS.org's trouble, where a token is kept. Rule
// violations are worded by the forms (renderer/forms/messages), the only place that meets them. Status
// names, outcomes and refusals are worded by common/i18n/sentences (the tray's notifications say them too).
import type { ActionOutcome, IpcError, TokenStorageInfo } from '../../common/contract';
import { conflictText } from '../../common/i18n/sentences';
import { isMessageKey, type I18n } from './index';

export interface ErrorContext {
  /**
   * The failed call asked VPS.org to change something (power, create, edit, delete). A connection that
   * failed without `outcomeUnknown` then certainly changed nothing, and the user is told so.
   */
  write?: boolean;
}

/**
 * Words to quote after the sentence, as they were written: the API's own text, or the reason the app
 * refused a change itself. None when the app's own field checks failed: the fields say what is wrong.
 */
function quotedReason(error: IpcError): string | null {
  if (error.kind === 'conflict') return error.conflict ? null : error.message.trim() || null;
  if (error.fieldViolations) return null;
  return error.apiText?.trim() || null;
}

/** A failure on VPS.org's side (or on the way there), as the stale banner and unknown outcomes word it. */
export type Trouble = Pick<IpcError, 'kind' | 'status' | 'retryAfterSeconds'>;

const TROUBLE_KINDS: readonly string[] = ['network', 'timeout', 'rate-limited', 'server', 'invalid-response'];

/**
 * What is wrong with VPS.org in one short sentence (the stale banner's headline), or null for kinds
 * that are not its trouble. Error texts add advice to it, so each fact is worded once.
 */
export function troubleSentence(i18n: I18n, trouble: Trouble): string | null {
  if (!TROUBLE_KINDS.includes(trouble.kind)) return null;
  const seconds = trouble.retryAfterSeconds;
  const detail =
    trouble.kind === 'server' && trouble.status !== undefined
      ? ` (${trouble.status})`
      : trouble.kind === 'rate-limited' && seconds !== undefined
        ? i18n.t('stale.retryIn', { seconds })
        : '';
  return i18n.t(`errorKind.${trouble.kind}`, { detail });
}

/** The sentence for a failure, from its kind, status, wait time and whether its outcome is unknown. */
export function errorSentence(i18n: I18n, error: IpcError, context: ErrorContext = {}): string {
  if (error.kind === 'conflict' && error.conflict) return conflictText(i18n, error.conflict);
  if (error.kind === 'rate-limited' && error.retryAfterSeconds !== undefined && !error.outcomeUnknown)
    return i18n.t('error.rateLimited', { seconds: error.retryAfterSeconds });
  const sentence = troubleSentence(i18n, error) ?? i18n.t(`errorKind.${error.kind}`, { detail: '' });
  if (error.outcomeUnknown) return `${sentence} ${i18n.t('error.maybeChanged')}`;
  if (error.kind === 'network')
    return `${sentence} ${context.write ? `${i18n.t('error.nothingChanged')} ` : ''}${i18n.t('error.checkConnection')}`;
  return TROUBLE_KINDS.includes(error.kind) ? `${sentence} ${i18n.t('error.tryLater')}` : sentence;
}

/** What to tell a person about a failed call, in their language; the API's own words quoted after it. */
export function errorText(i18n: I18n, error: IpcError, context: ErrorContext = {}): string {
  const reason = quotedReason(error);
  if (reason && (error.kind === 'bad-request' || error.kind === 'conflict'))
    return i18n.t(`error.quoted.${error.kind}`, { text: reason });
  const sentence = errorSentence(i18n, error, context);
  return reason ? `${sentence} ${i18n.t('error.apiSaid', { text: reason })}` : sentence;
}

/** Where the token is kept, named for a person; an unknown backend as Electron reports it. */
export function storageBackendName(i18n: I18n, backend: string): string {
  const key = `storage.${backend}`;
  return isMessageKey(key) ? i18n.t(key) : backend;
}

/**
 * Why a tracked action failed, for outcomeText (common/i18n/sentences): every tracked action is a change,
 * so a connection failure means it was not sent.
 */
export function outcomeErrorText(i18n: I18n, error: NonNullable<ActionOutcome['error']>): string {
  return errorText(i18n, { ...error, message: '' }, { write: true });
}

/** The stale banner's headline: what is wrong with VPS.org, from the kind of the last poll's failure. */
export function staleHeadline(i18n: I18n, stale: Trouble): string {
  // A poll that timed out looks the same to the user as one that could not connect.
  return troubleSentence(i18n, stale.kind === 'timeout' ? { kind: 'network' } : stale) ?? i18n.t('stale.failed');
}

/**
 * Why a token is kept for this session only, worded from main's code (main's English `reason` only
 * without one). A missing keyring is fixed by installing one: only Linux lacks one out of the box.
 */
export function sessionOnlyReason(i18n: I18n, storage: TokenStorageInfo, platform: string): string | null {
  const code = storage.reasonCode;
  if (!code) return storage.reason?.trim() || null;
  const what = i18n.t(`tokenReason.${code}`);
  const installable = code !== 'keychain-refused' && (code !== 'encryption-unavailable' || platform === 'linux');
  return installable ? `${what} ${i18n.t('tokenReason.install')}` : what;
}
