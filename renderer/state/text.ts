// Wording shared by components: status names, error texts, rule violations.
import { NAME_MAX_LENGTH, type RuleViolation } from '../../main/api/rules';
import type { ServerStatus } from '../../main/api/schemas';
import type { IpcError } from '../../preload/contract';
import { isMessageKey, type I18n } from '../i18n';
import { isKnownStatus } from './fleet';

/** A known status in the user's language; an unknown one exactly as the API sent it. */
export function statusLabel(i18n: I18n, status: ServerStatus): string {
  return isKnownStatus(status) ? i18n.t(`status.${status}`) : status;
}

export interface ErrorContext {
  /**
   * The failed call asked VPS.org to change something (power, create, edit, delete). A timeout or a
   * lost connection then leaves the outcome unknown, and the user must be told so.
   */
  write?: boolean;
}

/**
 * The API's own words worth showing (quoted, in English: they are the API's): the detail of a 400, or
 * the reason a request was refused. Main words `message` as "… (400): <API text>" or "… VPS.org said:
 * "<API text>""; when neither shape is found the whole message is the reason.
 */
export function quotedReason(error: IpcError): string | null {
  if (error.kind === 'conflict') return error.message.trim() || null;
  // The app's own checks failed: the fields say what is wrong, in the user's language.
  if (error.kind !== 'bad-request' || error.fieldViolations) return null;
  const said = /VPS\.org said: "([\s\S]*)"\s*$/.exec(error.message) ?? /\(\d{3}\): ([\s\S]+)$/.exec(error.message);
  return (said?.[1] ?? error.message).trim() || null;
}

/** The sentence for a failure, from its kind (and status, wait time, whether it was a write) only. */
export function errorSentence(i18n: I18n, error: IpcError, context: ErrorContext = {}): string {
  const write = context.write ?? false;
  switch (error.kind) {
    case 'rate-limited':
      return error.retryAfterSeconds === undefined
        ? i18n.t('errorKind.rate-limited')
        : i18n.t('error.rateLimited', { seconds: error.retryAfterSeconds });
    case 'server':
      if (error.status === undefined) return i18n.t('errorKind.server');
      // 501 and 503 mean "not done"; any other 5xx to a write may have happened half-way.
      return write && error.status !== 501 && error.status !== 503
        ? i18n.t('error.serverUnknownOutcome', { status: error.status })
        : i18n.t('error.serverStatus', { status: error.status });
    case 'network':
      return i18n.t(write ? 'error.networkWrite' : 'errorKind.network');
    case 'timeout':
      return i18n.t(write ? 'error.timeoutWrite' : 'errorKind.timeout');
    default:
      return i18n.t(`errorKind.${error.kind}`);
  }
}

/** What to tell a person about a failed call, in their language; the API's own reason quoted after it. */
export function errorText(i18n: I18n, error: IpcError, context: ErrorContext = {}): string {
  const reason = quotedReason(error);
  if (reason && (error.kind === 'bad-request' || error.kind === 'conflict'))
    return i18n.t(`error.quoted.${error.kind}`, { text: reason });
  return errorSentence(i18n, error, context);
}

/** Where the token is kept, named for a person; an unknown backend as Electron reports it. */
export function storageBackendName(i18n: I18n, backend: string): string {
  const key = `storage.${backend}`;
  return isMessageKey(key) ? i18n.t(key) : backend;
}

export function violationText(i18n: I18n, violation: RuleViolation): string {
  return i18n.t(`violation.${violation}`, { max: NAME_MAX_LENGTH });
}
