// Wording shared by components: status names, error texts, rule violations.
import { NAME_MAX_LENGTH, type RuleViolation } from '../../main/api/rules';
import type { ServerStatus } from '../../main/api/schemas';
import type { ActionOutcome, ConflictInfo, FleetStatus, IpcError, TokenStorageInfo } from '../../preload/contract';
import { isMessageKey, type I18n } from '../i18n';
import { isKnownStatus } from './fleet';

/** A known status in the user's language; an unknown one exactly as the API sent it. */
export function statusLabel(i18n: I18n, status: ServerStatus): string {
  return isKnownStatus(status) ? i18n.t(`status.${status}`) : status;
}

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
export function quotedReason(error: IpcError): string | null {
  if (error.kind === 'conflict') return error.conflict ? null : error.message.trim() || null;
  if (error.fieldViolations) return null;
  return error.apiText?.trim() || null;
}

/** Why the app refused an action without asking VPS.org, from main's structured reason. */
export function conflictSentence(i18n: I18n, conflict: ConflictInfo): string {
  const params = { name: conflict.serverName, status: statusLabel(i18n, conflict.status) };
  if (conflict.reason !== 'in-flight') return i18n.t(`conflict.${conflict.reason}`, params);
  return conflict.pendingAction
    ? i18n.t('conflict.in-flight', { ...params, action: i18n.t(`actionName.${conflict.pendingAction}`) })
    : i18n.t('conflict.in-flightAny', params);
}

/** The sentence for a failure, from its kind, status, wait time and whether its outcome is unknown. */
export function errorSentence(i18n: I18n, error: IpcError, context: ErrorContext = {}): string {
  const unknown = error.outcomeUnknown === true;
  switch (error.kind) {
    case 'rate-limited':
      return error.retryAfterSeconds === undefined
        ? i18n.t('errorKind.rate-limited')
        : i18n.t('error.rateLimited', { seconds: error.retryAfterSeconds });
    case 'server':
      if (error.status === undefined) return i18n.t('errorKind.server');
      return i18n.t(unknown ? 'error.serverUnknownOutcome' : 'error.serverStatus', { status: error.status });
    case 'network':
      return i18n.t(unknown ? 'error.networkWrite' : context.write ? 'error.networkUnsent' : 'errorKind.network');
    case 'timeout':
      return i18n.t(unknown ? 'error.timeoutWrite' : 'errorKind.timeout');
    case 'conflict':
      return error.conflict ? conflictSentence(i18n, error.conflict) : i18n.t('errorKind.conflict');
    default:
      return i18n.t(`errorKind.${error.kind}`);
  }
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

/** A duration as "42 s" or "3 min 5 s" (the same units in both languages). */
export function elapsedText(i18n: I18n, ms: number): string {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const rest = `${i18n.number(seconds % 60)} s`;
  return minutes > 0 ? `${i18n.number(minutes)} min ${rest}` : rest;
}

const isPower = (action: ActionOutcome['action']) => action === 'start' || action === 'stop' || action === 'reboot';

/**
 * The end of a tracked action, worded from its fields (main's `message` is English, for logs only).
 * A power action that failed or timed out says where the server is now, so the user knows what to do.
 */
export function outcomeText(i18n: I18n, outcome: ActionOutcome): string {
  const { serverName: name, action, finalStatus } = outcome;
  const params = {
    name,
    action: i18n.t(`actionName.${action}`),
    elapsed: elapsedText(i18n, outcome.elapsedMs),
    status: finalStatus === null ? '' : statusLabel(i18n, finalStatus),
  };
  const nowStatus = finalStatus !== null && isPower(action) ? ` ${i18n.t('outcome.nowStatus', params)}` : '';
  switch (outcome.outcome) {
    case 'done':
      return i18n.t('outcome.done', { ...params, verb: i18n.t(`doneVerb.${action}`) });
    case 'removed':
      return i18n.t('outcome.removed', params);
    case 'timed-out':
      return i18n.t('outcome.timedOut', params) + nowStatus;
    case 'unknown':
      return i18n.t(finalStatus === null ? 'outcome.unknown' : 'outcome.unknownStill', params);
    case 'failed': {
      const error = outcome.error;
      const why = error ? ` ${errorText(i18n, { ...error, message: '' })}` : '';
      return i18n.t('outcome.failed', params) + why + nowStatus;
    }
  }
}

/** The stale banner's headline: what is wrong with VPS.org, from the kind of the last poll's failure. */
export function staleHeadline(i18n: I18n, stale: NonNullable<FleetStatus['stale']>): string {
  switch (stale.kind) {
    case 'network':
    case 'timeout':
      return i18n.t('stale.offline');
    case 'rate-limited':
      return stale.retryAfterSeconds === undefined
        ? i18n.t('stale.slowDown')
        : i18n.t('stale.slowDownRetry', { seconds: stale.retryAfterSeconds });
    case 'server':
      return stale.status === undefined
        ? i18n.t('stale.trouble')
        : i18n.t('stale.troubleStatus', { status: stale.status });
    case 'invalid-response':
      return i18n.t('stale.unreadable');
    default:
      return i18n.t('stale.failed');
  }
}

/** Whether the headline already says all there is to say about the stale kind. */
export function staleHeadlineSuffices(kind: IpcError['kind']): boolean {
  return ['network', 'timeout', 'rate-limited', 'server', 'invalid-response'].includes(kind);
}

/**
 * Why a token is kept for this session only, worded from main's code (main's English `reason` only
 * without one). A missing keyring is fixed by installing one: only Linux lacks one out of the box.
 */
export function sessionOnlyReason(i18n: I18n, storage: TokenStorageInfo, platform: string): string | null {
  const code = storage.reasonCode;
  if (!code) return storage.reason?.trim() || null;
  const what = i18n.t(`tokenReason.${code}`);
  const installable =
    code === 'no-keyring' || code === 'unknown-backend' || (code !== 'keychain-refused' && platform === 'linux');
  return installable ? `${what} ${i18n.t('tokenReason.install')}` : what;
}

export function violationText(i18n: I18n, violation: RuleViolation): string {
  return i18n.t(`violation.${violation}`, { max: NAME_MAX_LENGTH });
}
