// The usage reads of one account (a detail request per server a threshold watches), as a step of its
// poll: the session's poller runs them after a good list, so they wait out a backoff, a Retry-After and
// a suspended machine as the list does, and their own 401 or 429 slows or stops that same poller.
import type { Log } from '../app-log';
import { serverKey, type ServerDetail } from '../../common/servers';
import { isVpsApiError } from '../api/errors';
import type { VpsClient } from '../api/client';

/** What the alerts feature says about usage: which servers to read, and where the readings go. */
export interface UsageWatch {
  /** Ids of the account's servers whose usage to read now (a threshold watches them); [] for none. */
  watched(accountId: string): number[];
  /** The details read, by server id. */
  report(accountId: string, details: ReadonlyMap<number, ServerDetail>): void;
}

export interface UsageReadsDeps {
  accountId: string;
  api: Pick<VpsClient, 'getServer'>;
  watch: UsageWatch;
  /** The least time between two rounds of reads (the idle poll interval: usage moves slowly). */
  everyMs: () => number;
  now: () => number;
  /** The session ended: stop reading, report nothing. */
  ended: () => boolean;
  log: Log;
}

/** An answer about the account, not the server: the poller must hear it (401 stops, 429 waits). */
const concernsAccount = (error: unknown): boolean =>
  isVpsApiError(error) && (error.kind === 'unauthorized' || error.kind === 'rate-limited');

export function createUsageReads(deps: UsageReadsDeps): { readIfDue(): Promise<void> } {
  let readAt = Number.NEGATIVE_INFINITY;
  return {
    /**
     * One round, one server at a time, when `everyMs` has passed since the last. Another server's read
     * failing is that server's alone (logged); an account's 401 or 429 ends the round and rejects.
     */
    async readIfDue() {
      if (deps.ended() || deps.now() - readAt < deps.everyMs()) return;
      const ids = deps.watch.watched(deps.accountId);
      if (ids.length === 0) return;
      readAt = deps.now();
      const details = new Map<number, ServerDetail>();
      let failure: unknown = null;
      for (const id of ids) {
        if (deps.ended()) return;
        try {
          details.set(id, await deps.api.getServer(id));
        } catch (error) {
          const key = serverKey(deps.accountId, id);
          deps.log('warn', `Usage of ${key} not read: ${error instanceof Error ? error.message : String(error)}`);
          if (concernsAccount(error)) {
            failure = error;
            break;
          }
        }
      }
      if (!deps.ended() && details.size > 0) deps.watch.report(deps.accountId, details);
      if (failure !== null) throw failure;
    },
  };
}
