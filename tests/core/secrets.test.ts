import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/simulator/simulator';
import type { StartSimulatorFn } from '../../main/fleet/demo';
import { InvokeChannel } from '../../common/contract';
import { until, useHarnessPerTest } from './harness';

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
    await call(InvokeChannel.settingsSet, { apiBaseUrl: h.sim.baseUrl });
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
