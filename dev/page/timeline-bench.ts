// Runs in a blank page for bench/timeline.ts: the detail's History (renderer/views/history/HistoryPanel)
// over an in-page bridge that answers a dense 7-day history at once, timed inside the page from the
// mount to the end of the first frame that shows the timeline (its newest entries; the rest on demand).
import { h, render } from 'preact';
import { createBridge } from '../../common/bridge';
import type { HistoryEntry, ServerHistory, StripSpan } from '../../common/history';
import type { ServerRef } from '../../common/servers';
import { loadViewMessages } from '../../renderer/i18n';
import { StoreContext } from '../../renderer/hooks/use-store';
import { createAppStore } from '../../renderer/state/store';
import { HistoryPanel } from '../../renderer/views/history/HistoryPanel';
import { paintedWhen } from './painted';

declare global {
  interface Window {
    /** Mounts the History of a server with `entries` entries, `runs` times; each run's ms. */
    vpsTimelineBench(entries: number, runs: number): Promise<number[]>;
  }
}

const DAY = 86_400_000;

/** A flapping server: `count` entries spread over the last 7 days, newest first (status, actions, alerts, gaps). */
function denseHistory(ref: ServerRef, count: number, now: number): ServerHistory {
  const step = (7 * DAY) / count;
  const entries: HistoryEntry[] = [];
  const week: StripSpan[] = [];
  for (let index = 0; index < count; index++) {
    const at = Math.round(now - (index + 1) * step);
    const until = Math.round(at + step / 2);
    const common = { ref, name: 'web-01' };
    const kind = index % 4;
    if (kind === 0) entries.push({ kind: 'status', ...common, at, from: 'active', to: 'stopped', until });
    else if (kind === 1)
      entries.push({
        kind: 'action',
        ...common,
        at,
        action: 'reboot',
        source: 'tray',
        outcome: 'succeeded',
        tookMs: 41_000,
      });
    else if (kind === 2)
      entries.push({
        kind: 'alert',
        ...common,
        at,
        alert: 'cpu',
        severity: 'hard',
        acknowledged: index % 8 === 2,
        paused: false,
        until,
      });
    else entries.push({ kind: 'gap', at, until, reason: 'asleep' });
    week.unshift(
      { from: at, until, state: kind === 3 ? 'unknown' : 'down' },
      { from: until, until: at + step, state: 'up' },
    );
  }
  const uptime = { upMs: 5 * DAY, downMs: DAY, unknownMs: DAY };
  return {
    ref,
    name: 'web-01',
    entries,
    strip: { day: week.filter((span) => span.from >= now - DAY), week },
    uptime: { day: uptime, week: uptime, month: uptime },
    off: false,
  };
}

window.vpsTimelineBench = async (count, runs) => {
  await loadViewMessages();
  const histories = new Map<number, ServerHistory>();
  const bridge = createBridge({
    invoke: (channel, request) => {
      const answer = channel === 'vps:history:server' ? histories.get((request as ServerRef).id) : null;
      return Promise.resolve({ ok: true, value: answer } as never);
    },
    subscribe: () => () => undefined,
  });
  const store = createAppStore(bridge);
  const root = document.getElementById('app')!;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const ref = { accountId: 'bench', id: run + 1 };
    histories.set(ref.id, denseHistory(ref, count, Date.now()));
    render(null, root);
    const started = performance.now();
    render(h(StoreContext.Provider, { value: store }, h(HistoryPanel, { serverRef: ref })), root);
    const painted = await paintedWhen(() => root.querySelector('.timeline-entry') !== null);
    times.push(painted - started);
  }
  return times;
};
