// The English words of actions for logs: `ActionOutcome.message` and `IpcError.message`. The popup,
// the tray and notifications word the same data themselves, in the user's language.
import type { VpsApiError } from '../api/errors';
import type { ActionOutcome, PendingAction } from '../../common/contract';
import { messagesFor } from '../i18n';
import { outcomeText } from '../../common/i18n/sentences';

export const ENGLISH = messagesFor('en');

export type OutcomeError = NonNullable<ActionOutcome['error']>;

export function outcomeError(error: VpsApiError): OutcomeError {
  const result: OutcomeError = { kind: error.kind };
  if (error.status !== undefined) result.status = error.status;
  if (error.apiText !== undefined) result.apiText = error.apiText;
  return result;
}

/** "server-1 rebooted (24 s)" and the like, for an action started at `startedAt` and ending `at`. */
export function englishOutcome(
  entry: { action: PendingAction['action']; name: string; startedAt: number },
  outcome: 'done' | 'removed' | 'unknown',
  at: number,
): string {
  return outcomeText(ENGLISH, {
    outcome,
    action: entry.action,
    serverName: entry.name,
    elapsedMs: at - entry.startedAt,
  });
}
