// Expected-state alerts through the real core and simulator on a fake clock: the popup's channels, the
// tray summary and the notifier, as a user sees them.
import { createVpsClient } from '../../main/api/client';
import { describe, expect, it } from 'vitest';
import type { AlertsSnapshot } from '../../common/alerts';
import { EventChannel, InvokeChannel } from '../../common/contract';
import { DEFAULT_ALERT_SETTINGS, type Settings } from '../../common/settings';
import { type Harness, invoke, okValue, useHarnessPerTest } from '../core/harness';

const start = useHarnessPerTest();
const MIN = 60_000;

function serverWith(h: Harness, status: string): number {
  const id = h.sim.listServerIds().find((candidate) => {
    const server = h.sim.getServer(candidate) as { status: string };
    return server.status === status;
  });
  if (id === undefined) throw new Error(`no ${status} server`);
  return id;
}

/** A power action sent by someone else (the VPS.org dashboard): the app did not ask for it. */
async function outOfBand(h: Harness, id: number, action: 'stop' | 'start'): Promise<void> {
  const response = await fetch(`${h.sim.baseUrl}/servers/${id}/${action}/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${h.sim.token}` },
  });
  expect(response.ok).toBe(true);
}

/** No hold time; a running server (so it should run) stopped by someone else: the icon calls for attention. */
async function oneServerStopped(): Promise<{ h: Harness; ref: { accountId: string; id: number } }> {
  const h = await start({ settings: { alerts: holdFor(0) } });
  const id = serverWith(h, 'active');
  await outOfBand(h, id, 'stop');
  for (let minute = 0; minute < 3; minute++) await h.advance(MIN);
  expect(h.core.tray.getState().icon).toBe('attention');
  return { h, ref: { accountId: 'default', id } };
}

const alertNotifications = (h: Harness) =>
  h.ports.notifier.notifications.filter(
    (notification) => notification.title.includes('needs attention') || notification.title.includes('back to normal'),
  );

describe('alerts feature', () => {
  it('learns expectations on the first poll and keeps them in the settings', async () => {
    const h = await start();
    const running = serverWith(h, 'active');
    const expectations = h.ports.settings.get().alerts.expectations;
    expect(expectations[`default:${running}`]).toBe('should-run');
    expect(expectations[`default:${serverWith(h, 'stopped')}`]).toBe('may-stop');
  });

  it('a should-run server stopped elsewhere: attention and ONE notification after the hold time, ONE on recovery', async () => {
    const h = await start({ settings: { alerts: holdFor(120) } });
    const id = serverWith(h, 'active');
    const key = `default:${id}`;
    await outOfBand(h, id, 'stop');
    await h.advance(MIN);
    await h.advance(MIN);
    expect(h.core.tray.getState().icon).not.toBe('attention');
    expect(alertNotifications(h)).toEqual([]);
    for (let minute = 0; minute < 6; minute++) await h.advance(MIN);
    expect(h.core.tray.getState().icon).toBe('attention');
    expect(alertNotifications(h)).toHaveLength(1);
    expect(alertNotifications(h)[0]?.body).toMatch(/should be running but is stopped/);
    const snapshot = okValue(await invoke(h, InvokeChannel.alertsState)) as AlertsSnapshot;
    expect(snapshot.attention).toEqual([key]);
    expect(snapshot.servers[key]?.deviations[0]).toMatchObject({ kind: 'stopped', acknowledged: false });
    expect(h.eventsOf(EventChannel.alertsChanged).at(-1)?.attention).toEqual([key]);
    // The tray's summary has the server's deviation, for the menu's Acknowledge.
    const entry = h.core.tray.getState().servers.find((server) => server.ref.id === id);
    expect(entry?.alert).toMatchObject({ deviation: 'stopped', canAcknowledge: true, expectation: 'should-run' });

    await outOfBand(h, id, 'start');
    for (let minute = 0; minute < 4; minute++) await h.advance(MIN);
    expect(alertNotifications(h).map((notification) => notification.title)).toEqual([
      expect.stringContaining('needs attention'),
      expect.stringContaining('back to normal'),
    ]);
    expect(h.core.tray.getState().icon).not.toBe('attention');
  });

  it('a server whose entry in the list cannot be read is missing, not gone: no alert', async () => {
    let unreadable: number | null = null;
    const h = await start({
      settings: { alerts: holdFor(60) },
      deps: {
        // VPS.org answers the list with one entry the client cannot read: it is left out and counted.
        createClient: (options) => {
          const client = createVpsClient(options);
          return {
            ...client,
            async listServers(filter, request) {
              const list = await client.listServers(filter, request);
              if (unreadable === null) return list;
              return {
                ...list,
                results: list.results.filter((server) => server.id !== unreadable),
                skipped: (list.skipped ?? 0) + 1,
              };
            },
          };
        },
      },
    });
    const id = serverWith(h, 'active');
    expect(h.ports.settings.get().alerts.expectations[`default:${id}`]).toBe('should-run');
    unreadable = id;
    for (let minute = 0; minute < 5; minute++) await h.advance(MIN);
    expect(h.core.tray.getState().icon).not.toBe('attention');
    expect(alertNotifications(h)).toEqual([]);
  });

  it('acknowledge calms the icon; pausing the whole tray silences it and shows when it ends', async () => {
    const { h, ref } = await oneServerStopped();
    const acknowledged = okValue(await invoke(h, InvokeChannel.alertsAcknowledge, ref)) as AlertsSnapshot;
    expect(acknowledged.attention).toEqual([]);
    expect(h.core.tray.getState().icon).not.toBe('attention');

    const paused = okValue(await invoke(h, InvokeChannel.alertsPause, { ref: null, duration: '1h' })) as AlertsSnapshot;
    expect(paused.pauseAll).toEqual({ until: Date.now() + 60 * MIN });
    expect(h.ports.settings.get().alerts.pauseAll).toEqual({ until: Date.now() + 60 * MIN });
    expect(h.core.tray.getState().alerts?.pauseAll).toEqual({ until: Date.now() + 60 * MIN });
    await h.advance(61 * MIN);
    // The window ended by itself, and is gone from the settings too.
    expect(h.ports.settings.get().alerts.pauseAll).toBeNull();
    expect(h.core.tray.getState().alerts?.pauseAll).toBeNull();
  });

  it('switching a server to may-stop from the popup calms it; odd payloads are refused', async () => {
    const { h, ref } = await oneServerStopped();
    const snapshot = okValue(
      await invoke(h, InvokeChannel.alertsExpect, { ref, expectation: 'may-stop' }),
    ) as AlertsSnapshot;
    expect(snapshot.attention).toEqual([]);
    expect(h.ports.settings.get().alerts.expectations[`default:${ref.id}`]).toBe('may-stop');
    expect(h.core.tray.getState().icon).not.toBe('attention');
    const own = okValue(
      await invoke(h, InvokeChannel.alertsServerThresholds, { ref, thresholds: { cpuPercent: null, diskPercent: 95 } }),
    ) as AlertsSnapshot;
    expect(own.servers[`default:${ref.id}`]?.thresholds).toEqual({ cpuPercent: null, diskPercent: 95 });
    expect(h.ports.settings.get().alerts.serverThresholds).toEqual({
      [`default:${ref.id}`]: { cpuPercent: null, diskPercent: 95 },
    });
    okValue(await invoke(h, InvokeChannel.alertsServerThresholds, { ref, thresholds: {} }));
    expect(h.ports.settings.get().alerts.serverThresholds).toEqual({});

    for (const [channel, payload] of [
      [InvokeChannel.alertsExpect, { ref, expectation: 'always' }],
      [InvokeChannel.alertsPause, { ref: null, duration: 'forever' }],
      [InvokeChannel.alertsConfigure, { holdSeconds: -1 }],
      [InvokeChannel.alertsConfigure, { thresholds: { cpuPercent: 250 } }],
      [InvokeChannel.alertsAcknowledge, { accountId: 'default' }],
      [InvokeChannel.alertsServerThresholds, { ref, thresholds: { diskPercent: 0 } }],
      [InvokeChannel.alertsServerThresholds, { ref, thresholds: { memory: 50 } }],
    ] as const) {
      const result = await invoke(h, channel, payload);
      expect(result.ok ? null : result.error.kind).toBe('invalid-payload');
    }
  });

  it('a server deleted from the app is forgotten: no "gone" deviation, its expectation dropped', async () => {
    const h = await start({ settings: { alerts: holdFor(0) } });
    const id = serverWith(h, 'active');
    const key = `default:${id}`;
    expect(h.ports.settings.get().alerts.expectations[key]).toBe('should-run');
    const name = (h.sim.getServer(id) as { name: string }).name;
    okValue(await invoke(h, InvokeChannel.serversDelete, { ref: { accountId: 'default', id }, confirmName: name }));
    for (let minute = 0; minute < 3; minute++) await h.advance(MIN);
    expect(h.sim.listServerIds()).not.toContain(id);
    expect(alertNotifications(h)).toEqual([]);
    expect(h.core.tray.getState().icon).not.toBe('attention');
    expect(h.ports.settings.get().alerts.expectations[key]).toBeUndefined();
  });

  it('a server name carrying the token never reaches a notification', async () => {
    const h = await start({ settings: { alerts: holdFor(0) } });
    const id = serverWith(h, 'active');
    h.sim.renameServerUnchecked(id, `leak-${h.sim.token}`);
    await h.advance(MIN);
    await outOfBand(h, id, 'stop');
    for (let minute = 0; minute < 3; minute++) await h.advance(MIN);
    expect(alertNotifications(h)).toHaveLength(1);
    expect(JSON.stringify(h.ports.notifier.notifications)).not.toContain(h.sim.token);
    // What the notification is about (the name a confirmation and a refusal would show) too.
    const abouts = h.ports.notifier.notifications.map((notification) => h.ports.notifier.about(notification));
    expect(abouts).toEqual([expect.objectContaining({ serverName: expect.stringMatching(/^leak-/) as unknown })]);
    expect(JSON.stringify(abouts)).not.toContain(h.sim.token);
  });

  it('a should-run server found stopped: its notification is about it and offers Start; back to normal offers nothing', async () => {
    const { h, ref } = await oneServerStopped();
    const [attention] = alertNotifications(h);
    const name = (h.sim.getServer(ref.id) as { name: string }).name;
    expect(h.ports.notifier.about(attention!)).toEqual({
      ref,
      serverName: name,
      offer: { action: 'start', label: 'Start' },
    });
    await outOfBand(h, ref.id, 'start');
    for (let minute = 0; minute < 4; minute++) await h.advance(MIN);
    const [, recovered] = alertNotifications(h);
    expect(recovered?.title).toBe(`${name} is back to normal`);
    expect(h.ports.notifier.about(recovered!)).toEqual({ ref, serverName: name });
  });

  it('a should-run server deleted elsewhere is told without a button: no power action brings it back', async () => {
    const h = await start({ settings: { alerts: holdFor(0) } });
    const id = serverWith(h, 'active');
    const response = await fetch(`${h.sim.baseUrl}/servers/${id}/`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${h.sim.token}` },
    });
    expect(response.ok).toBe(true);
    for (let minute = 0; minute < 3; minute++) await h.advance(MIN);
    const [attention] = alertNotifications(h);
    expect(attention?.body).toMatch(/should be running but is no longer listed/);
    expect(h.ports.notifier.about(attention!)).toEqual({
      ref: { accountId: 'default', id },
      serverName: expect.any(String) as unknown,
    });
  });

  it('with notifications switched off, a deviation still turns the icon but sends nothing', async () => {
    const h = await start({ settings: { notifications: false, alerts: holdFor(0) } });
    const id = serverWith(h, 'active');
    await outOfBand(h, id, 'stop');
    for (let minute = 0; minute < 3; minute++) await h.advance(MIN);
    expect(h.core.tray.getState().icon).toBe('attention');
    expect(h.ports.notifier.notifications).toEqual([]);
  });

  it('a CPU threshold reads usage from server details only when set, for running servers, once per idle interval', async () => {
    const h = await start({ servers: 4 });
    const details = () => h.sim.requests.filter((request) => /^\/api\/v1\/servers\/\d+\/$/.test(request.path)).length;
    for (let minute = 0; minute < 3; minute++) await h.advance(MIN);
    expect(details()).toBe(0);
    const settings = okValue(
      await invoke(h, InvokeChannel.alertsConfigure, { holdSeconds: 0, thresholds: { cpuPercent: 1 } }),
    ) as Settings;
    expect(settings.alerts.thresholds).toEqual({ cpuPercent: 1, diskPercent: null, bandwidthPercent: null });
    await h.advance(MIN);
    await h.settle();
    const running = h.sim
      .listServerIds()
      .filter((id) => (h.sim.getServer(id) as { status: string }).status === 'active').length;
    expect(details()).toBe(running);
    // 1 % CPU: every running server is over it once read.
    await h.advance(MIN);
    const snapshot = okValue(await invoke(h, InvokeChannel.alertsState)) as AlertsSnapshot;
    const cpu = Object.values(snapshot.servers).filter((server) => server.deviations.some((d) => d.kind === 'cpu'));
    expect(cpu.length).toBeGreaterThan(0);
    // At the idle interval (60 s): the second read came a minute after the first, though the polls in
    // between changed nothing (and so told no one).
    expect(details()).toBe(running * 2);
  });
});

/** The default alert settings with another hold time (a copy: the test's settings store keeps it). */
function holdFor(holdSeconds: number): Settings['alerts'] {
  return { ...structuredClone(DEFAULT_ALERT_SETTINGS), holdSeconds };
}
