// The history in the running core (simulator, in-memory ports, history in memory): what the user did
// and from where (the popup's keyboard path, the tray), how it ended, the statuses seen, the popup told
// of new events only while it is open, Clear and the removal of an account forgetting them.
import { describe, expect, it } from 'vitest';
import { EventChannel, InvokeChannel } from '../../common/contract';
import type { ServerHistory } from '../../common/history';
import { fleetSnapshot, type Harness, invoke, okValue, until, useHarnessPerTest } from './harness';

const startHarness = useHarnessPerTest();
const WEB = { accountId: 'default', id: 12345 }; // active, "web-server-01"

async function historyOf(h: Harness, ref = WEB): Promise<ServerHistory> {
  return okValue(await invoke(h, InvokeChannel.historyServer, ref)) as ServerHistory;
}

describe('history in the core', () => {
  it('records a reboot from the popup’s keyboard path with its outcome, and the statuses it went through', async () => {
    const h = await startHarness();
    await invoke(h, InvokeChannel.serversReboot, { ...WEB, source: 'keyboard' });
    await h.advance(3_000);
    await until(() => h.eventsOf(EventChannel.actionFinished).length === 1, 'the outcome');
    await until(() => true);
    const answer = await historyOf(h);
    expect(answer.name).toBe('web-server-01');
    expect(answer.entries.filter((entry) => entry.kind === 'action')).toEqual([
      expect.objectContaining({ action: 'reboot', source: 'keyboard', outcome: 'succeeded', tookMs: 3000 }),
    ]);
    expect(answer.entries.filter((entry) => entry.kind === 'status').map((entry) => entry.to)).toEqual([
      'active',
      'rebooting',
      'active',
    ]);
  });

  it('an action from the tray is recorded as the tray’s; the popup hears of new events only while it is open', async () => {
    const h = await startHarness();
    h.core.setPopupOpen(true);
    await h.core.powerAction(WEB, 'reboot');
    await until(() => h.eventsOf(EventChannel.historyChanged).length > 0, 'historyChanged');
    expect(h.eventsOf(EventChannel.historyChanged)[0]).toEqual({ refs: [WEB] });
    h.core.setPopupOpen(false);
    const heard = h.eventsOf(EventChannel.historyChanged).length;
    await h.advance(3_000);
    await until(() => h.eventsOf(EventChannel.actionFinished).length === 1, 'the outcome');
    const answer = await historyOf(h);
    expect(answer.entries.find((entry) => entry.kind === 'action')).toMatchObject({
      source: 'tray',
      outcome: 'succeeded',
    });
    expect(h.eventsOf(EventChannel.historyChanged)).toHaveLength(heard);
  });

  it('Clear forgets everything; removing the account forgets its history', async () => {
    const h = await startHarness();
    await until(() => true);
    expect((await historyOf(h)).entries.length).toBeGreaterThan(0);
    okValue(await invoke(h, InvokeChannel.historyClear));
    expect((await historyOf(h)).entries).toEqual([]);

    await h.core.powerAction(WEB, 'reboot');
    await until(() => true);
    expect((await historyOf(h)).entries.length).toBeGreaterThan(0);
    okValue(await invoke(h, InvokeChannel.accountRemove, { id: 'default' }));
    expect((await historyOf(h)).entries).toEqual([]);
  });

  it('leaving the demo forgets the demo’s history (its servers are made up)', async () => {
    const h = await startHarness({ withToken: false, deps: { demoSpeed: 600 } });
    expect(h.core.authState().mode).toBe('demo');
    await h.settle();
    const demoServer = (await fleetSnapshot(h)).servers.find((view) => view.accountId === 'demo')!;
    const ref = { accountId: 'demo', id: demoServer.server.id };
    await until(() => true);
    expect((await historyOf(h, ref)).entries.length).toBeGreaterThan(0);
    okValue(await invoke(h, InvokeChannel.demoStop));
    expect((await historyOf(h, ref)).entries).toEqual([]);
  });

  it('an export without a Save dialog (the preview) is handed to the page as a download', async () => {
    const h = await startHarness();
    const result = okValue(await invoke(h, InvokeChannel.historyExport, { accountId: 'default', format: 'json' }));
    expect(result).toMatchObject({ outcome: 'download', mimeType: 'application/json' });
    expect(JSON.parse((result as { content: string }).content)).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'status', server: 'web-server-01' })]),
    );
  });

  it('the tray’s uptime line follows the setting: there once it is on, gone when it is off', async () => {
    const h = await startHarness();
    await until(() => true);
    expect(h.core.tray.getState().uptime).toBeUndefined();
    okValue(await invoke(h, InvokeChannel.settingsSet, { uptimeInTooltip: true }));
    expect(h.core.tray.getState().uptime).toEqual({ permille: null, incidents: 0 });
    await h.advance(11 * 60_000);
    await h.core.powerAction(WEB, 'reboot');
    // The seeded account has stopped and suspended servers: some of the time seen is down.
    await until(() => typeof h.core.tray.getState().uptime?.permille === 'number', 'the time seen');
    expect(h.core.tray.getState().uptime?.permille).toBeGreaterThan(0);
    expect(h.core.tray.getState().uptime?.permille).toBeLessThan(1000);
    okValue(await invoke(h, InvokeChannel.settingsSet, { uptimeInTooltip: false }));
    expect(h.core.tray.getState().uptime).toBeUndefined();
  });
});
