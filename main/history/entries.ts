// The stored events (oldest first) as the popup's entries: a status holds until the next one, an action
// joins its outcome, an alert its hardening, acknowledgement and end, an account failure its recovery,
// and a gap says why. Names are looked up now (`Names`), never stored. Also the spans a server was not
// watched, for the uptime maths (uptime.ts).
import type {
  AccountEntry,
  AccountFailure,
  ActionEntry,
  AlertEntry,
  GapEntry,
  GapReason,
  HistoryEntry,
  StatusEntry,
} from '../../common/history';
import type { ServerRef } from '../../common/servers';
import { APP_WIDE, type HistoryEvent } from './events';
import type { Span } from './uptime';

export interface Names {
  /** The server's name now; null when it is no longer in the list. */
  server(ref: ServerRef): string | null;
  /** The account's label now; null when it was removed. */
  account(accountId: string): string | null;
}

const GAP_REASON: Record<Extract<HistoryEvent, { kind: 'gap' }>['reason'], GapReason> = {
  closed: 'not-running',
  suspended: 'asleep',
  offline: 'account-failing',
};

const serverKeyOf = (event: { accountId: string; serverId?: number }) => `${event.accountId}:${event.serverId}`;

/** Every entry the events make, newest first. */
export function entriesOf(events: readonly HistoryEvent[], names: Names): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  const lastStatus = new Map<string, StatusEntry>();
  const openActions = new Map<string, ActionEntry>();
  const openAlerts = new Map<string, AlertEntry>();
  const openAccounts = new Map<string, AccountEntry>();
  const named = (accountId: string, serverId: number) => {
    const ref = { accountId, id: serverId };
    return { ref, name: names.server(ref) };
  };
  const fail = (at: number, accountId: string, failure: AccountFailure) => {
    if (openAccounts.has(accountId)) return;
    const entry: AccountEntry = {
      kind: 'account',
      at,
      accountId,
      label: names.account(accountId),
      failure,
      until: null,
    };
    openAccounts.set(accountId, entry);
    entries.push(entry);
  };
  for (const event of events) {
    switch (event.kind) {
      case 'status': {
        const key = serverKeyOf(event);
        const before = lastStatus.get(key);
        if (before) before.until = event.at;
        const entry: StatusEntry = {
          kind: 'status',
          ...named(event.accountId, event.serverId),
          at: event.at,
          from: event.from,
          to: event.to,
          until: null,
        };
        lastStatus.set(key, entry);
        entries.push(entry);
        break;
      }
      case 'action': {
        const key = `${serverKeyOf(event)} ${event.action}`;
        const open = openActions.get(key);
        if (event.outcome === 'sent') {
          const entry: ActionEntry = {
            kind: 'action',
            ...named(event.accountId, event.serverId),
            at: event.at,
            action: event.action,
            source: event.source ?? 'popup',
            outcome: 'sent',
            tookMs: null,
          };
          openActions.set(key, entry);
          entries.push(entry);
        } else if (open) {
          open.outcome = event.outcome;
          open.tookMs = event.tookMs ?? event.at - open.at;
          openActions.delete(key);
        } else {
          const tookMs = event.tookMs ?? null;
          entries.push({
            kind: 'action',
            ...named(event.accountId, event.serverId),
            at: event.at - (tookMs ?? 0),
            action: event.action,
            source: event.source ?? 'popup',
            outcome: event.outcome,
            tookMs,
          });
        }
        break;
      }
      case 'alert': {
        if (event.serverId === undefined) break;
        const key = `${serverKeyOf(event)} ${event.alert}`;
        const open = openAlerts.get(key);
        if (event.state === 'raised') {
          if (open) open.until = event.at;
          const entry: AlertEntry = {
            kind: 'alert',
            ...named(event.accountId, event.serverId),
            at: event.at,
            alert: event.alert,
            severity: 'soft',
            acknowledged: false,
            paused: event.paused ?? false,
            until: null,
          };
          openAlerts.set(key, entry);
          entries.push(entry);
        } else if (open && event.state === 'hard') open.severity = 'hard';
        else if (open && event.state === 'acknowledged') open.acknowledged = true;
        else if (open && event.state === 'ended') {
          open.until = event.at;
          openAlerts.delete(key);
        }
        break;
      }
      case 'account': {
        if (event.change === 'failed') fail(event.at, event.accountId, event.failure ?? 'offline');
        else if (event.change === 'token-refused') fail(event.at, event.accountId, 'unauthorized');
        else if (event.change === 'recovered') {
          const open = openAccounts.get(event.accountId);
          if (open) open.until = event.at;
          openAccounts.delete(event.accountId);
        }
        break;
      }
      case 'gap': {
        const gap: GapEntry = {
          kind: 'gap',
          at: event.at,
          until: event.until,
          reason: GAP_REASON[event.reason],
          ...(event.accountId !== APP_WIDE && { accountId: event.accountId }),
        };
        entries.push(gap);
        break;
      }
    }
  }
  // Newest first; of two at the same moment, the one recorded later first.
  return entries.toReversed().toSorted((a, b) => b.at - a.at);
}

/**
 * The spans an account's servers were not watched: the app's own gaps, the account's gaps and failures
 * (one still failing lasts until `now`).
 */
export function unwatchedSpans(events: readonly HistoryEvent[], accountId: string, now: number): Span[] {
  const spans: Span[] = [];
  let failingSince: number | null = null;
  for (const event of events) {
    if (event.accountId !== accountId && event.accountId !== APP_WIDE) continue;
    if (event.kind === 'gap') spans.push({ from: event.at, until: event.until });
    else if (event.kind === 'account' && (event.change === 'failed' || event.change === 'token-refused'))
      failingSince ??= event.at;
    else if (event.kind === 'account' && event.change === 'recovered' && failingSince !== null) {
      spans.push({ from: failingSince, until: event.at });
      failingSince = null;
    }
  }
  if (failingSince !== null) spans.push({ from: failingSince, until: now });
  return spans;
}
