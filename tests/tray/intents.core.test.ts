// The tray's power actions through the real core: a failure reaches the user as one notification,
// whether the core reports it (an action that was sent and failed) or the tray does (a refusal).
import { describe, expect, it } from 'vitest';
import { runTrayIntent, type TrayIntent, type TrayIntentDeps } from '../../main/tray/intents';
import { type Harness, trayDepsOverCore, useHarnessPerTest } from '../core/harness';

const startHarness = useHarnessPerTest();

const WEB = { accountId: 'default', id: 12345 }; // active, "web-server-01"
const STOPPED = { accountId: 'default', id: 12349 }; // stopped in the seeded account

const trayDeps = (h: Harness): TrayIntentDeps => trayDepsOverCore(h, async () => true);

describe('tray power actions with the core', () => {
  it('a failed tray reboot yields exactly one notification', async () => {
    const h = await startHarness();
    h.sim.injectFault(
      { type: 'status', status: 503 },
      { method: 'POST', path: '/api/v1/servers/12345/reboot/', times: 1 },
    );
    const reboot: TrayIntent = {
      intent: 'power',
      ref: WEB,
      serverName: 'web-server-01',
      action: 'reboot',
      confirm: true,
    };
    await runTrayIntent(reboot, trayDeps(h));
    await h.settle();
    expect(h.postsTo('/api/v1/servers/12345/reboot/')).toBe(1);
    expect(h.ports.notifier.notifications).toHaveLength(1);
    expect(h.ports.notifier.notifications[0]!.body).toMatch(/web-server-01/);
  });

  it('a refused action (never sent) yields exactly one notification, from the tray', async () => {
    const h = await startHarness();
    const start: TrayIntent = {
      intent: 'power',
      ref: WEB,
      serverName: 'web-server-01',
      action: 'start',
      confirm: false,
    };
    await runTrayIntent(start, trayDeps(h));
    expect(h.postsTo('/api/v1/servers/12345/start/')).toBe(0);
    expect(h.ports.notifier.notifications).toEqual([
      { title: 'The start of web-server-01 failed', body: 'web-server-01 is already running.' },
    ]);
  });

  it('a successful action is not notified by the tray', async () => {
    const h = await startHarness();
    const start: TrayIntent = { intent: 'power', ref: STOPPED, serverName: 'stopped', action: 'start', confirm: false };
    await runTrayIntent(start, trayDeps(h));
    expect(h.postsTo('/api/v1/servers/12349/start/')).toBe(1);
    expect(h.ports.notifier.notifications).toEqual([]);
  });
});
