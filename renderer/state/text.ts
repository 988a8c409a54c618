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

/** What to tell a person about a failed call. The main process already words it; a few kinds get more. */
export function errorText(i18n: I18n, error: IpcError): string {
  if (error.kind === 'rate-limited' && error.retryAfterSeconds !== undefined)
    return i18n.t('error.rateLimited', { seconds: error.retryAfterSeconds });
  if (error.kind === 'conflict') return i18n.t('error.conflict', { message: error.message });
  // English shows main's own wording (it may carry the API's detail); other languages word the kind.
  return i18n.t(`errorKind.${error.kind}`, { message: error.message });
}

/** Where the token is kept, named for a person; an unknown backend as Electron reports it. */
export function storageBackendName(i18n: I18n, backend: string): string {
  const key = `storage.${backend}`;
  return isMessageKey(key) ? i18n.t(key) : backend;
}

export function violationText(i18n: I18n, violation: RuleViolation): string {
  return i18n.t(`violation.${violation}`, { max: NAME_MAX_LENGTH });
}
