import { describe, expect, it } from 'vitest';
import { createVpsClient, type VpsClient, type VpsClientOptions } from '../../main/api/client';
import { VpsApiError } from '../../main/api/errors';
import { startSimulator } from '../../main/simulator/simulator';
import type { StartSimulatorFn } from '../../main/fleet/demo';
import { EventChannel, InvokeChannel } from '../../common/contract';
import { createCore } from '../../main/core';
import { createMemoryPorts, createMemoryVault } from '../../dev/memory-ports';
import { APP_SENDER, fleetSnapshot, invoke, setApiBaseUrl, until, useHarnessPerTest } from './harness';

const startHarness = useHarnessPerTest();

describe('the token never crosses IPC', () => {
  it('is absent from every response, event, tray summary, notification and log line of a realistic session', async () => {
    const demoTokens: string[] = [];
    const recordingSimulator: StartSimulatorFn = (options) => {
      if (options.token) demoTokens.push(options.token);
      return startSimulator(options);
    };
    const h = await startHarness({
      withToken: false,
      deps: { startSimulator: recordingSimulator, demoSpeed: 600 },
    });
    const responses: unknown[] = [];
    const traySummaries: unknown[] = [h.core.tray.getState()];
    h.core.tray.onChange((summary) => traySummaries.push(summary));
    const call = async (channel: string, payload?: unknown) => {
      const result = await h.core.router.handle(channel, payload, { url: 'file:///app/dist/renderer/index.html' });
      responses.push(result);
      return result;
    };
    const wrongToken = 'wrong-token-9f8e7d6c';

    await call(InvokeChannel.demoStart);
    await until(() => h.core.tray.getState().servers.length > 0, 'demo list');
    await call(InvokeChannel.fleetSubscribe);
    setApiBaseUrl(h, h.sim.baseUrl);
    await call(InvokeChannel.tokenSet, { token: wrongToken });
    await call(InvokeChannel.tokenSet, { token: h.sim.token });
    await h.settle();
    await call(InvokeChannel.authState);
    await call(InvokeChannel.fleetSubscribe);
    await call(InvokeChannel.serversReboot, { accountId: 'default', id: 12345 });
    await call(InvokeChannel.serversReboot, { accountId: 'default', id: 12345 });
    await h.advance(3_000);
    h.sim.injectFault({ type: 'status', status: 503 }, { method: 'POST', times: 1 });
    await call(InvokeChannel.serversStop, { accountId: 'default', id: 12345 });
    await call(InvokeChannel.serversGet, { accountId: 'default', id: 12345 });
    await call(InvokeChannel.serversList, { location: 'us-west' });
    await call(InvokeChannel.serversCreate, { name: 'new-01', plan_id: 1, os_id: 5, location: 'us-west' });
    h.sim.injectFault({ type: 'html' }, { method: 'GET', times: 1 });
    await call(InvokeChannel.fleetRefresh);
    await call(InvokeChannel.settingsGet);
    await call(InvokeChannel.appInfo);
    h.sim.revokeToken();
    await h.advance(3_000);
    await call(InvokeChannel.fleetRefresh);
    await call(InvokeChannel.authState);
    await call(InvokeChannel.tokenClear);

    expect(demoTokens).toHaveLength(1);
    expect(responses.length).toBeGreaterThan(15);
    expect(h.events.length).toBeGreaterThan(10);
    const everything = JSON.stringify({
      responses,
      events: h.events,
      traySummaries,
      notifications: h.ports.notifier.notifications,
      logs: h.logs,
      settings: h.ports.settings.get(),
    });
    for (const secret of [h.sim.token, wrongToken, ...demoTokens]) expect(everything).not.toContain(secret);
    expect(h.core.authState()).toEqual({ mode: 'none' });
  });
});

// A client that lets its token through (the real one redacts its own errors): the core must still.
const leakyClient = (options: VpsClientOptions): VpsClient => {
  const real = createVpsClient(options);
  const leak = (what: string) =>
    new VpsApiError('server', `${what} failed: Bearer ${options.token} was refused.`, {
      status: 502,
      apiText: `Refused Bearer ${options.token}`,
    });
  let lists = 0;
  return {
    ...real,
    listServers: (filter, listOptions) => {
      // What a careless client might log: the core's log must still hold no token.
      options.log?.('warn', `Listing with Authorization: Bearer ${options.token}`);
      return ++lists > 1 ? Promise.reject(leak('List')) : real.listServers(filter, listOptions);
    },
    powerAction: (id, action, powerOptions) =>
      action === 'reboot' ? Promise.reject(leak('Reboot')) : real.powerAction(id, action, powerOptions),
  };
};

describe('the core’s own redaction', () => {
  it('removes a token that an API error carries from answers, events, the tray result, notifications and the log', async () => {
    const h = await startHarness({ deps: { createClient: leakyClient } });
    const active = (await fleetSnapshot(h)).servers.find((view) => view.server.status === 'active');
    if (!active) throw new Error('the simulator lists no active server');
    const ref = { accountId: active.accountId, id: active.server.id };

    const popupAnswer = await invoke(h, InvokeChannel.serversReboot, ref);
    const trayAnswer = await h.core.powerAction(ref, 'reboot');
    await h.advance(60_000);

    expect(popupAnswer).toMatchObject({ ok: false, error: { kind: 'server', apiText: 'Refused Bearer [redacted]' } });
    expect(trayAnswer).toMatchObject({ ok: false, error: { kind: 'server', apiText: 'Refused Bearer [redacted]' } });
    expect(h.eventsOf(EventChannel.actionFinished)).toHaveLength(2);
    expect(h.eventsOf(EventChannel.fleetChanged).at(-1)?.status.stale?.message).toContain('Bearer [redacted]');
    expect(h.logs.some((line) => line.includes('Bearer [redacted]'))).toBe(true);
    expect(h.logs.some((line) => line.includes('Listing with Authorization: Bearer [redacted]'))).toBe(true);
    expect(h.ports.notifier.notifications.length).toBeGreaterThan(0);
    const everything = JSON.stringify({
      popupAnswer,
      trayAnswer,
      events: h.events,
      tray: h.core.tray.getState(),
      notifications: h.ports.notifier.notifications,
      logs: h.logs,
    });
    expect(everything).not.toContain(h.sim.token);
  });
});

describe('small channels', () => {
  it('app.info, clipboard (text only, 4 KB) and popup.hide go to their ports; foreign senders are refused', async () => {
    const h = await startHarness();
    const app = { url: 'file:///app/dist/renderer/index.html' };
    expect(await h.core.router.handle(InvokeChannel.appInfo, undefined, app)).toEqual({
      ok: true,
      value: { version: '0.1.0-test', platform: 'linux', systemLocale: 'en-US', notices: [] },
    });
    expect(await h.core.router.handle(InvokeChannel.clipboardWrite, '203.0.113.10', app)).toEqual({
      ok: true,
      value: null,
    });
    expect(await h.core.router.handle(InvokeChannel.clipboardWrite, 'é'.repeat(2049), app)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-payload' },
    });
    expect(h.ports.clipboard.texts).toEqual(['203.0.113.10']);
    expect(await h.core.router.handle(InvokeChannel.popupHide, undefined, app)).toEqual({ ok: true, value: null });
    expect(h.ports.popup.hides).toBe(1);
    expect(
      await h.core.router.handle(InvokeChannel.clipboardWrite, 'x', { url: 'https://evil.example/' }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(h.ports.clipboard.texts).toHaveLength(1);
  });
});

describe('the sender check fails closed', () => {
  it('a core built without isTrustedSender trusts no page, not even the app’s own: nothing reaches a handler', async () => {
    const vault = createMemoryVault([
      { account: { id: 'default', label: 'VPS.org', baseUrl: 'http://127.0.0.1:1/api/v1' }, token: 'never-used-token' },
    ]);
    const ports = createMemoryPorts({ vault, settings: { demoMode: false } });
    const core = createCore(ports);
    for (const channel of core.router.channels) {
      for (const sender of [APP_SENDER, { url: 'https://evil.example/' }, { url: '' }]) {
        const payload = channel === InvokeChannel.clipboardWrite ? 'copied' : undefined;
        expect({ channel, result: await core.router.handle(channel, payload, sender) }).toEqual({
          channel,
          result: { ok: false, error: { kind: 'forbidden', message: 'This page may not use the app API.' } },
        });
      }
    }
    expect(ports.clipboard.texts).toEqual([]);
    expect(ports.popup.hides).toBe(0);
    expect(ports.settings.writes).toBe(0);
    expect(vault.stored.size).toBe(1);
    await core.stop();
  });
});
