// The preview's history (dev only, never shipped): a believable last week of the simulated accounts,
// written as the app would have left it in its history folder before this start, so the popup's digest,
// timelines, strips and uptime show at once. A few incidents (a server down one night, with its alert),
// reboots by you from the popup, the tray, a notification and the keyboard, an account's outage, a night
// the app was not running and a morning the machine slept; the popup last closed six hours ago, so the
// digest has something to say. Each server's last status is its status now, so the first poll records
// no change that did not happen.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryEvent } from '../main/history/events';
import { APP_WIDE } from '../main/history/events';
import type { Simulator } from '../main/simulator/simulator';
import { MARKS_FILE } from '../main/history/marks';
import { HISTORY_FILE } from '../main/history/store';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface PreviewAccount {
  accountId: string;
  servers: Array<{ id: number; status: string }>;
}

/** One server's week: seen up eight days ago, then what the story gives it, ending in its status now. */
function serverWeek(accountId: string, id: number, now: number, story: Array<[number, string]>, current: string) {
  const events: HistoryEvent[] = [];
  let status: string | null = null;
  const to = (at: number, next: string) => {
    if (next === status) return;
    events.push({ at, accountId, serverId: id, kind: 'status', from: status, to: next });
    status = next;
  };
  to(now - 8 * DAY, 'active');
  for (const [at, next] of story) to(at, next);
  to(Math.max(now - 2 * DAY, (events.at(-1)?.at ?? 0) + MINUTE), current);
  return events;
}

/** A reboot by you: sent, the server rebooting, back up, and the outcome with the time it took. */
function reboot(
  accountId: string,
  serverId: number,
  at: number,
  source: 'popup' | 'tray' | 'notification' | 'keyboard',
) {
  const tookMs = 40_000;
  return {
    story: [
      [at, 'rebooting'],
      [at + tookMs, 'active'],
    ] as Array<[number, string]>,
    events: [
      { at, accountId, serverId, kind: 'action', action: 'reboot', outcome: 'sent', source },
      { at: at + tookMs, accountId, serverId, kind: 'action', action: 'reboot', outcome: 'succeeded', source, tookMs },
    ] satisfies HistoryEvent[],
  };
}

/** The events of every account's week, oldest first. */
export function previewHistory(accounts: readonly PreviewAccount[], now: number): HistoryEvent[] {
  const events: HistoryEvent[] = [
    // A night the app was not running, and a morning the machine slept.
    {
      at: now - 5 * DAY - 2 * HOUR,
      accountId: APP_WIDE,
      kind: 'gap',
      until: now - 4 * DAY - 15 * HOUR,
      reason: 'closed',
    },
    {
      at: now - 2 * DAY - 10 * HOUR,
      accountId: APP_WIDE,
      kind: 'gap',
      until: now - 2 * DAY - 7 * HOUR,
      reason: 'suspended',
    },
  ];
  for (const [index, { accountId, servers }] of accounts.entries()) {
    // The account's outage: its list could not be read for 45 minutes.
    const outage = now - (3 + index) * DAY + 9 * HOUR;
    events.push(
      { at: outage, accountId, kind: 'account', change: 'failed', failure: index === 0 ? 'server-error' : 'offline' },
      { at: outage + 45 * MINUTE, accountId, kind: 'account', change: 'recovered' },
    );
    const sources = ['popup', 'tray', 'notification', 'keyboard'] as const;
    for (const [position, server] of servers.entries()) {
      const story: Array<[number, string]> = [];
      if (position === 0 && server.status === 'active') {
        // An incident one night: down 25 minutes, its alert hard, then over.
        const down = now - 3 * DAY - 20 * HOUR;
        story.push([down, 'stopped'], [down + 25 * MINUTE, 'active']);
        const alert = { accountId, serverId: server.id, kind: 'alert', alert: 'stopped' } as const;
        events.push(
          { ...alert, at: down + MINUTE, state: 'raised', paused: false },
          { ...alert, at: down + 6 * MINUTE, state: 'hard' },
          { ...alert, at: down + 25 * MINUTE, state: 'ended' },
        );
      }
      if (position >= 1 && position <= 4 && server.status === 'active') {
        // Reboots by you; the keyboard's is recent, since the popup was last closed.
        const at = position === 4 ? now - 2 * HOUR : now - (position + 1) * DAY + 14 * HOUR;
        const done = reboot(accountId, server.id, at, sources[position - 1]!);
        story.push(...done.story);
        events.push(...done.events);
      }
      if (position === 5 && server.status === 'active') {
        // A recent incident, since the popup was last closed.
        story.push([now - 90 * MINUTE, 'stopped'], [now - 50 * MINUTE, 'active']);
        const alert = { accountId, serverId: server.id, kind: 'alert', alert: 'stopped' } as const;
        events.push(
          { ...alert, at: now - 89 * MINUTE, state: 'raised', paused: false },
          { ...alert, at: now - 84 * MINUTE, state: 'hard' },
          { ...alert, at: now - 50 * MINUTE, state: 'ended' },
        );
      }
      events.push(...serverWeek(accountId, server.id, now, story, server.status));
    }
  }
  return events.toSorted((a, b) => a.at - b.at);
}

/** Writes the week into `directory` (the core's history folder), as a run that just ended left it. */
export function seedPreviewHistory(directory: string, accounts: readonly PreviewAccount[], now: number): void {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const lines = previewHistory(accounts, now).map((event) => `${JSON.stringify(event)}\n`);
  writeFileSync(join(directory, HISTORY_FILE), lines.join(''), { mode: 0o600 });
  writeFileSync(
    join(directory, MARKS_FILE),
    JSON.stringify({ lastSeenAt: now - MINUTE, lastClosedAt: now - 6 * HOUR }),
    {
      mode: 0o600,
    },
  );
}

/** The week of the preview's simulated accounts (ids as dev/harness.ts stores them), written before the core starts. */
export function seedWeek(directory: string, sims: readonly Simulator[]): void {
  const accounts = sims.map((sim, index) => ({
    accountId: index === 0 ? 'default' : `account-${index + 1}`,
    servers: sim.listServerIds().map((id) => ({ id, status: (sim.getServer(id) as { status: string }).status })),
  }));
  seedPreviewHistory(directory, accounts, Date.now());
}
