// A notification's button through the real core and simulator: a failed power action's notification
// offers Retry; pressing it (createNoticeActions, the tray's power intent with the core's powerAction,
// as main/index.ts wires it) asks as the settings say, sends ONE request, and a second press sends none.
import { describe, expect, it, vi } from 'vitest';
import { EventChannel, InvokeChannel } from '../../common/contract';
import type { ServerNotice } from '../../main/ports';
import { createNoticeActions, runTrayIntent, type TrayIntentDeps } from '../../main/tray/intents';
import { type Harness, invoke, okValue, trayDepsOverCore, useHarnessPerTest } from '../core/harness';
import type { ServerHistory } from '../../common/history';

const startHarness = useHarnessPerTest();

const WEB = { accountId: 'default', id: 12345 }; // active, "web-server-01"
const REBOOT = '/api/v1/servers/12345/reboot/';

/** The press of a notification's button, wired as in main/index.ts and main/desktop/tray-setup.ts. */
function noticeActions(h: Harness, answer: boolean) {
  const confirm = vi.fn<TrayIntentDeps['confirm']>(async () => answer);
  const deps = trayDepsOverCore(h, confirm);
  const press = createNoticeActions({
    run: (intent) => runTrayIntent(intent, deps),
    confirmations: () => h.ports.settings.get().confirmations,
  });
  return { press, confirm };
}

/** A reboot that VPS.org refused (503 once): its outcome's notification. */
async function failedReboot(h: Harness): Promise<ServerNotice> {
  h.sim.injectFault({ type: 'status', status: 503 }, { method: 'POST', path: REBOOT, times: 1 });
  await invoke(h, InvokeChannel.serversReboot, WEB);
  await h.settle();
  expect(h.eventsOf(EventChannel.actionFinished)).toEqual([expect.objectContaining({ outcome: 'failed' })]);
  const [notification] = h.ports.notifier.notifications;
  expect(notification?.body).toMatch(/^The reboot of web-server-01 failed\./);
  return h.ports.notifier.about(notification!)!;
}

describe('a notification about an action', () => {
  it('a failed reboot offers Retry; pressed twice at once: ONE confirmation, ONE request; a later press is refused as elsewhere', async () => {
    const h = await startHarness();
    const notice = await failedReboot(h);
    expect(notice).toEqual({
      ref: WEB,
      serverName: 'web-server-01',
      offer: { action: 'reboot', label: 'Retry' },
    });
    const { press, confirm } = noticeActions(h, true);
    const offered = { ...notice, offer: notice.offer! };
    await Promise.all([press(offered), press(offered)]);
    // Reboots are confirmed by default: the tray's question, asked once.
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm.mock.calls[0]![0]).toBe('Reboot web-server-01?');
    expect(h.postsTo(REBOOT)).toBe(2);

    // Another press while the reboot is carried out: the core refuses it without a request, and the
    // refusal is worded as the tray menu's.
    await press(offered);
    expect(h.postsTo(REBOOT)).toBe(2);
    expect(h.ports.notifier.notifications.at(-1)).toEqual({
      title: 'The reboot of web-server-01 failed',
      body: 'web-server-01: wait until the current action (reboot) finishes.',
    });

    // It settles: the outcome's notification is about the server, with nothing to retry.
    await h.advance(3_000);
    const done = h.ports.notifier.notifications.at(-1)!;
    expect(done.body).toMatch(/^web-server-01 rebooted/);
    expect(h.ports.notifier.about(done)).toEqual({ ref: WEB, serverName: 'web-server-01' });
  });

  it('Retry declined in the confirmation sends nothing; without a confirmation setting it is sent at once', async () => {
    const h = await startHarness();
    const notice = await failedReboot(h);
    const offered = { ...notice, offer: notice.offer! };
    await noticeActions(h, false).press(offered);
    expect(h.postsTo(REBOOT)).toBe(1);

    h.ports.settings.set({ ...h.ports.settings.get(), confirmations: { start: false, stop: true, reboot: false } });
    const unasked = noticeActions(h, false);
    await unasked.press(offered);
    expect(unasked.confirm).not.toHaveBeenCalled();
    expect(h.postsTo(REBOOT)).toBe(2);
  });

  it('the history keeps a Retry as started from the notification', async () => {
    const h = await startHarness();
    const notice = await failedReboot(h);
    const { press } = noticeActions(h, true);
    await press({ ...notice, offer: notice.offer! });
    await h.settle();
    const answer = okValue(await invoke(h, InvokeChannel.historyServer, WEB)) as ServerHistory;
    const actions = answer.entries.filter((entry) => entry.kind === 'action');
    expect(actions.map((entry) => [entry.source, entry.outcome])).toEqual([
      ['notification', 'sent'],
      ['popup', 'failed'],
    ]);
  });
});
