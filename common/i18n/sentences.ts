// Sentences the tray's notifications and the popup both build from data: a status, how long an action
// took, an action's outcome, why an action was refused. One function each, for both sides, over the
// templates of ./words that both sides' dictionaries start from, so a notification and the popup say
// the same (a missing key fails the typecheck where the function is called).
import type { DeviationKind } from '../alerts';
import type { ActionOutcome, ConflictInfo, PendingAction } from '../contract';
import { isKnownStatus, type KnownStatus, type ServerStatus } from '../statuses';
import type { I18n } from './i18n';

type ActionKind = PendingAction['action'];
type OutcomeKind = ActionOutcome['outcome'];
/** Outcomes that may say where the server is now. */
type OutcomeWithStatus = 'failed' | 'timed-out' | 'unknown';
type ElapsedKey = 'elapsed.minutes';
type StatusKey = `status.${KnownStatus}`;

/**
 * Keys of the outcome sentences. Each template gets `{name}`, `{action}` (the action's name), `{verb}`
 * (its done-verb), `{elapsed}`, `{detail}` (the outcome's API error in the caller's words, with a leading
 * space; empty without) and `{now}` (where the server is now, worded by `outcomeStatus.<outcome>` from
 * `{status}`; empty when unknown).
 */
export type OutcomeKey =
  | StatusKey
  | ElapsedKey
  | `doneVerb.${ActionKind}`
  | `actionName.${ActionKind}`
  | `outcome.${OutcomeKind}`
  | `outcomeStatus.${OutcomeWithStatus}`;

/**
 * Keys of the refusal sentences. Each template gets `{name}`, `{status}` and `{pending}` (the name of the
 * action in flight, as a sentence names it).
 */
export type ConflictKey =
  StatusKey | `actionName.${ActionKind}` | `conflict.${ConflictInfo['reason']}` | 'conflict.in-flightAny';

/** A known status in the user's language; an unknown one exactly as the API sent it. */
export function statusLabel(i18n: I18n<StatusKey>, status: ServerStatus): string {
  return isKnownStatus(status) ? i18n.t(`status.${status}`) : status;
}

/** How long something took: "42 s", "3 min 5 s", whole minutes as ./words writes them ("10 min"). */
export function elapsedText(i18n: I18n<ElapsedKey>, ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) return `${seconds} s`;
  return seconds === 0 ? i18n.t('elapsed.minutes', { minutes }) : `${minutes} min ${seconds} s`;
}

/** The facts an outcome is worded from (`ActionOutcome.message` is English, for logs only). */
export type OutcomeFacts = Pick<ActionOutcome, 'outcome' | 'action' | 'serverName' | 'elapsedMs'> &
  Partial<Pick<ActionOutcome, 'finalStatus' | 'error'>>;

/**
 * The end of a tracked action in words: the notification's body and the popup's row notice, the same
 * sentence for both. A power action says where the server is now (the status says nothing about an
 * edit). `errorWords` words the outcome's API error for templates that show `{detail}` (the popup's
 * failed outcome says why; a notification passes none, and the sentence reads whole without it).
 */
export function outcomeText<Texts extends I18n<OutcomeKey>>(
  i18n: Texts,
  outcome: OutcomeFacts,
  errorWords?: (i18n: Texts, error: NonNullable<ActionOutcome['error']>) => string,
): string {
  const { action, finalStatus, error } = outcome;
  const power = action === 'start' || action === 'stop' || action === 'reboot';
  const kind = outcome.outcome;
  const now =
    !finalStatus || !power || kind === 'done' || kind === 'removed'
      ? ''
      : i18n.t(`outcomeStatus.${kind}`, { status: statusLabel(i18n, finalStatus) });
  return i18n.t(`outcome.${kind}`, {
    name: outcome.serverName,
    action: i18n.t(`actionName.${action}`),
    verb: i18n.t(`doneVerb.${action}`),
    elapsed: elapsedText(i18n, outcome.elapsedMs),
    detail: error && errorWords ? ` ${errorWords(i18n, error)}` : '',
    now,
  });
}

/** Why an action was refused without asking VPS.org, from the reason as data. */
export function conflictText(i18n: I18n<ConflictKey>, conflict: ConflictInfo): string {
  const pending = conflict.pendingAction;
  const key =
    conflict.reason === 'in-flight' && !pending ? 'conflict.in-flightAny' : (`conflict.${conflict.reason}` as const);
  return i18n.t(key, {
    name: conflict.serverName,
    status: statusLabel(i18n, conflict.status),
    pending: pending && i18n.t(`actionName.${pending}`),
  });
}

type DeviationKey = `deviation.${DeviationKind}`;

/** A deviation as a sentence: "web-01 should be running but is stopped". */
export function deviationText(i18n: I18n<DeviationKey>, name: string, kind: DeviationKind): string {
  return `${name} ${i18n.t(`deviation.${kind}`)}`;
}
