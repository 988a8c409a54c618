import { describe, expect, it } from 'vitest';
import { EventChannel, InvokeChannel, type ServerView } from '../../common/contract';
import { createStaticAppInfo } from '../../dev/memory-ports';
import { errorOf, fleetSnapshot, type Harness, invoke, okValue, until, useHarnessPerTest } from './harness';

const startHarness = useHarnessPerTest();

const WEB = { accountId: 'default', id: 12345 }; // active, "web-server-01"
const STOPPED = { accountId: 'default', id: 12349 }; // stopped in the seeded account
const SUSPENDED = { accountId: 'default', id: 12352 };

/** The server's own reads (GET /servers/{id}/) the simulator answered. */
const readsOf = (h: Harness, id: number) =>
  h.sim.requests.filter((request) => request.method === 'GET' && request.path === `/api/v1/servers/${id}/`).length;

async function view(h: Harness, id: number): Promise<ServerView | undefined> {
  return (await fleetSnapshot(h)).servers.find((entry) => entry.server.id === id);
}

describe('power actions', () => {
  it('reboots once, shows rebooting at once, tracks to completion and notifies with the elapsed time', async () => {
    const h = await startHarness();
    const result = await invoke(h, InvokeChannel.serversReboot, WEB);
    expect(result).toEqual({ ok: true, value: { message: 'Server is rebooting' } });
    expect(h.postsTo('/api/v1/servers/12345/reboot/')).toBe(1);
    const optimistic = await view(h, 12345);
    expect(optimistic?.server.status).toBe('rebooting');
    expect(optimistic?.pending).toMatchObject({ action: 'reboot', startedAt: Date.now() });
    expect(h.core.tray.getState().servers.find((entry) => entry.ref.id === 12345)).toMatchObject({
      pending: true,
      actions: [],
    });

    // A second action on the same server is refused without a request.
    const again = await invoke(h, InvokeChannel.serversStop, WEB);
    expect(again).toEqual({
      ok: false,
      error: {
        kind: 'conflict',
        message: 'web-server-01: wait until the current action (reboot) finishes.',
        conflict: { reason: 'in-flight', serverName: 'web-server-01', status: 'rebooting', pendingAction: 'reboot' },
      },
    });
    expect(h.postsTo('/api/v1/servers/12345/stop/')).toBe(0);

    // Fast polling (3 s) while tracked; the simulator settles a reboot in under a second at speed 60.
    await h.advance(3_000);
    const outcomes = h.eventsOf(EventChannel.actionFinished);
    expect(outcomes).toEqual([
      {
        ref: WEB,
        serverName: 'web-server-01',
        action: 'reboot',
        outcome: 'done',
        message: 'web-server-01 rebooted (3 s)',
        elapsedMs: expect.any(Number),
        finalStatus: 'active',
      },
    ]);
    // Seen settled by the server's own read (2 s) and the list after it, within the 3 s advanced: on the
    // fake clock, the answers arrive whenever the real sockets deliver them during the advance.
    expect(outcomes[0]!.elapsedMs).toBeGreaterThanOrEqual(2000);
    expect(outcomes[0]!.elapsedMs).toBeLessThanOrEqual(3000);
    expect(h.ports.notifier.notifications).toEqual([{ title: 'VPS.org', body: 'web-server-01 rebooted (3 s)' }]);
    const settled = await view(h, 12345);
    expect(settled).toMatchObject({ pending: null, server: { status: 'active' } });
    expect(h.postsTo('/api/v1/servers/12345/reboot/')).toBe(1);

    // Back to the idle interval once nothing is busy.
    const polls = h.listRequests();
    await h.advance(59_000);
    expect(h.listRequests()).toBe(polls);
  });

  it('refuses actions the state does not allow, without a request', async () => {
    const h = await startHarness();
    const cases = [
      [InvokeChannel.serversStart, WEB, /already running/, 'already-running', 'active'],
      [InvokeChannel.serversStop, STOPPED, /not running/, 'not-running', 'stopped'],
      [InvokeChannel.serversReboot, STOPPED, /not running/, 'not-running', 'stopped'],
      [InvokeChannel.serversStart, SUSPENDED, /suspended/, 'suspended', 'suspended'],
    ] as const;
    for (const [channel, ref, message, reason, status] of cases) {
      const result = await invoke(h, channel, ref);
      expect(result).toMatchObject({ ok: false, error: { kind: 'conflict' } });
      expect(errorOf(result).message).toMatch(message);
      const serverName = (await view(h, ref.id))?.server.name;
      expect(errorOf(result).conflict).toEqual({ reason, serverName, status });
    }
    expect(h.sim.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
    const unknown = await invoke(h, InvokeChannel.serversStart, { accountId: 'default', id: 99_999 });
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('starts a stopped server through the tray path (core.powerAction)', async () => {
    const h = await startHarness();
    expect(h.core.tray.getState().servers.find((entry) => entry.ref.id === 12349)?.actions).toEqual(['start']);
    const result = await h.core.powerAction(STOPPED, 'start');
    expect(result).toEqual({ ok: true, value: { message: 'Server is starting' } });
    expect((await view(h, 12349))?.server.status).toBe('starting');
    await h.advance(3_000);
    expect(h.eventsOf(EventChannel.actionFinished)[0]).toMatchObject({
      outcome: 'done',
      message: 'cache-01 started (3 s)',
    });
  });

  it('a rejected POST is sent once, reverts the optimistic state and reports the API message', async () => {
    const h = await startHarness();
    h.sim.injectFault(
      { type: 'status', status: 503 },
      { method: 'POST', path: '/api/v1/servers/12345/reboot/', times: 1 },
    );
    const result = await invoke(h, InvokeChannel.serversReboot, WEB);
    expect(result).toMatchObject({ ok: false, error: { kind: 'server', status: 503 } });
    expect(h.postsTo('/api/v1/servers/12345/reboot/')).toBe(1);
    expect(await view(h, 12345)).toMatchObject({ pending: null, server: { status: 'active' } });
    const [outcome] = h.eventsOf(EventChannel.actionFinished);
    // A 503 says it was not carried out: a failure at once, not an unknown outcome.
    expect(outcome).toMatchObject({
      outcome: 'failed',
      action: 'reboot',
      finalStatus: 'active',
      error: { kind: 'server', status: 503 },
    });
    expect(outcome?.message).toMatch(/^The reboot of web-server-01 failed after 0 s: /);
    // The server is free again for a new action.
    expect(await invoke(h, InvokeChannel.serversReboot, WEB)).toMatchObject({ ok: true });
  });

  it('a 404 during an action removes the server with a message', async () => {
    const h = await startHarness();
    h.sim.injectFault(
      { type: 'status', status: 404 },
      { method: 'POST', path: '/api/v1/servers/12345/stop/', times: 1 },
    );
    const result = await invoke(h, InvokeChannel.serversStop, WEB);
    expect(result).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await view(h, 12345)).toBeUndefined();
    expect(h.eventsOf(EventChannel.actionFinished)[0]).toMatchObject({
      outcome: 'removed',
      message: 'web-server-01 no longer exists.',
    });
  });

  it('does not notify when notifications are switched off', async () => {
    const h = await startHarness({ settings: { notifications: false } });
    await invoke(h, InvokeChannel.serversReboot, WEB);
    await h.advance(3_000);
    expect(h.eventsOf(EventChannel.actionFinished)).toHaveLength(1);
    expect(h.ports.notifier.notifications).toHaveLength(0);
  });
});

describe('a power request whose outcome is unknown (against the simulator)', () => {
  const REBOOT_PATH = '/api/v1/servers/12345/reboot/';

  it('an unreadable answer to the reboot: one POST, the server stays pending, then done once it has rebooted', async () => {
    const h = await startHarness();
    h.sim.injectFault({ type: 'malformed-json' }, { method: 'POST', path: REBOOT_PATH, times: 1 });
    const result = await invoke(h, InvokeChannel.serversReboot, WEB);
    // Issue 8: a 2xx is an acceptance whatever its body (this used to be invalid-response, outcome unknown).
    expect(result).toEqual({ ok: true, value: { message: 'VPS.org accepted the reboot request.' } });
    expect(await view(h, 12345)).toMatchObject({ server: { status: 'rebooting' }, pending: { action: 'reboot' } });
    expect(h.eventsOf(EventChannel.actionFinished)).toEqual([]);
    // The server is still busy: a second reboot is refused without a request.
    expect(await invoke(h, InvokeChannel.serversReboot, WEB)).toMatchObject({
      ok: false,
      error: { kind: 'conflict', conflict: { reason: 'in-flight' } },
    });
    await h.advance(3_000);
    expect(h.eventsOf(EventChannel.actionFinished)).toEqual([
      expect.objectContaining({ outcome: 'done', action: 'reboot', finalStatus: 'active' }),
    ]);
    expect(await view(h, 12345)).toMatchObject({ pending: null, server: { status: 'active' } });
    expect(h.postsTo(REBOOT_PATH)).toBe(1);
  });

  it('a reboot request that hangs: the client times out, the server stays pending, then after the grace period the outcome is unknown', async () => {
    const h = await startHarness();
    h.sim.injectFault({ type: 'hang' }, { method: 'POST', path: REBOOT_PATH, times: 1 });
    const pending = invoke(h, InvokeChannel.serversReboot, WEB);
    await until(() => h.postsTo(REBOOT_PATH) === 1, 'the reboot POST');
    await h.advance(5_000);
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'timeout', outcomeUnknown: true } });
    expect(await view(h, 12345)).toMatchObject({ server: { status: 'rebooting' }, pending: { action: 'reboot' } });
    expect(h.core.tray.getState().servers.find((entry) => entry.ref.id === 12345)).toMatchObject({ actions: [] });
    // The server is read on its own meanwhile; the simulator never received the reboot, so it never shows it.
    const reads = readsOf(h, 12345);
    for (let step = 0; step < 9; step++) await h.advance(3_000);
    expect(readsOf(h, 12345)).toBeGreaterThanOrEqual(reads + 4);
    expect(h.eventsOf(EventChannel.actionFinished)).toEqual([]);
    expect(await view(h, 12345)).toMatchObject({ pending: { action: 'reboot' } });
    for (let step = 0; step < 2 && h.eventsOf(EventChannel.actionFinished).length === 0; step++) await h.advance(3_000);
    const [outcome] = h.eventsOf(EventChannel.actionFinished);
    expect(outcome).toMatchObject({ outcome: 'unknown', finalStatus: 'active', error: { kind: 'timeout' } });
    expect(outcome?.message).toMatch(/^The reboot of web-server-01 may or may not have happened/);
    expect(h.ports.notifier.notifications.at(-1)?.body).toMatch(
      /may or may not have happened; it still shows running\. Refresh to check\.$/,
    );
    expect(await view(h, 12345)).toMatchObject({ pending: null, server: { status: 'active' } });
    expect(h.postsTo(REBOOT_PATH)).toBe(1);
  });

  it('a 502 to the reboot (maybe carried out): pending until the grace period ends, then unknown', async () => {
    const h = await startHarness();
    h.sim.injectFault({ type: 'status', status: 502 }, { method: 'POST', path: REBOOT_PATH, times: 1 });
    const result = await invoke(h, InvokeChannel.serversReboot, WEB);
    expect(result).toMatchObject({ ok: false, error: { kind: 'server', status: 502, outcomeUnknown: true } });
    expect(await view(h, 12345)).toMatchObject({ pending: { action: 'reboot' } });
    for (let step = 0; step < 11 && h.eventsOf(EventChannel.actionFinished).length === 0; step++)
      await h.advance(3_000);
    expect(h.eventsOf(EventChannel.actionFinished)).toEqual([
      expect.objectContaining({
        outcome: 'unknown',
        finalStatus: 'active',
        error: { kind: 'server', status: 502, apiText: 'Bad gateway.' },
      }),
    ]);
    expect(h.eventsOf(EventChannel.actionFinished)[0]?.elapsedMs).toBeGreaterThanOrEqual(30_000);
    expect(h.postsTo(REBOOT_PATH)).toBe(1);
  });
});

describe('power actions against a list that lags behind (eventual consistency)', () => {
  // For 20 s after a power action the simulator's list still shows the status from before it; the
  // transition itself takes under a second at speed 60. The server's own read (GET /servers/{id}/) is
  // fresh: it tells first, and a lagging list does not undo what it told within the grace period.
  const LAG_MS = 20_000;

  /** Lists (asked for, as a refresh) while the list lags: the server stays as its own read showed it. */
  async function listsKeep(h: Harness, id: number, status: string) {
    for (let elapsed = 0; elapsed < LAG_MS - 5_000; elapsed += 5_000) {
      await h.core.refreshNow();
      await h.advance(5_000);
      expect(await view(h, id)).toMatchObject({ pending: null, server: { status } });
    }
  }

  it('a reboot is reported done by its own read, once; the lagging list does not undo it', async () => {
    const h = await startHarness();
    h.sim.setFaultFlags({ statusLagMs: LAG_MS });
    expect(okValue(await invoke(h, InvokeChannel.serversReboot, WEB))).toEqual({ message: 'Server is rebooting' });
    await h.advance(2_000);
    expect(h.eventsOf(EventChannel.actionFinished)).toEqual([
      expect.objectContaining({ outcome: 'done', message: 'web-server-01 rebooted (2 s)', elapsedMs: 2_000 }),
    ]);
    await listsKeep(h, 12345, 'active');
    expect(h.eventsOf(EventChannel.actionFinished)).toHaveLength(1);
    expect(h.ports.notifier.notifications).toEqual([{ title: 'VPS.org', body: 'web-server-01 rebooted (2 s)' }]);
    expect(h.postsTo('/api/v1/servers/12345/reboot/')).toBe(1);
  });

  it('a stop is told by its own read while the list still says running', async () => {
    const h = await startHarness();
    h.sim.setFaultFlags({ statusLagMs: LAG_MS });
    await invoke(h, InvokeChannel.serversStop, WEB);
    await h.advance(2_000);
    expect(h.eventsOf(EventChannel.actionFinished)).toEqual([
      expect.objectContaining({ action: 'stop', outcome: 'done', message: 'web-server-01 stopped (2 s)' }),
    ]);
    await listsKeep(h, 12345, 'stopped');
    expect(h.postsTo('/api/v1/servers/12345/stop/')).toBe(1);
  });

  it('a start is told by its own read while the list still says stopped', async () => {
    const h = await startHarness();
    h.sim.setFaultFlags({ statusLagMs: LAG_MS });
    await h.core.powerAction(STOPPED, 'start');
    await h.advance(2_000);
    expect(h.eventsOf(EventChannel.actionFinished)).toEqual([
      expect.objectContaining({ action: 'start', outcome: 'done', message: 'cache-01 started (2 s)' }),
    ]);
    await listsKeep(h, 12349, 'active');
  });

  it('a list that never catches up: after the grace period what it shows is believed', async () => {
    const h = await startHarness();
    h.sim.setFaultFlags({ statusLagMs: 10 * 60_000 });
    await invoke(h, InvokeChannel.serversStop, WEB);
    await h.advance(2_000);
    expect(h.eventsOf(EventChannel.actionFinished)).toMatchObject([{ outcome: 'done' }]);
    await listsKeep(h, 12345, 'stopped');
    await h.advance(30_000);
    await h.core.refreshNow();
    await h.settle();
    expect(await view(h, 12345)).toMatchObject({ pending: null, server: { status: 'active' } });
    expect(h.eventsOf(EventChannel.actionFinished)).toHaveLength(1);
  });
});

describe("notifications in the user's language", () => {
  it('words a completed action in Czech when the language is Czech; the popup message stays the same', async () => {
    const h = await startHarness({ settings: { language: 'cs' } });
    await invoke(h, InvokeChannel.serversReboot, WEB);
    await h.advance(3_000);
    expect(h.ports.notifier.notifications).toEqual([
      { title: 'VPS.org', body: 'Server web-server-01 byl restartován (3 s)' },
    ]);
    expect(h.eventsOf(EventChannel.actionFinished)[0]?.message).toBe('web-server-01 rebooted (3 s)');
  });

  it('follows the system locale on auto, and a language change applies to the next notification', async () => {
    const h = await startHarness({ deps: { appInfo: createStaticAppInfo({ systemLocale: 'cs-CZ' }) } });
    await h.core.powerAction(STOPPED, 'start');
    await h.advance(3_000);
    expect(okValue(await invoke(h, InvokeChannel.settingsSet, { language: 'en' }))).toMatchObject({ language: 'en' });
    await h.core.powerAction(WEB, 'stop');
    await h.advance(3_000);
    expect(h.ports.notifier.notifications.map((notification) => notification.body)).toEqual([
      'Server cache-01 byl spuštěn (3 s)',
      'web-server-01 stopped (3 s)',
    ]);
  });

  it('says in Czech that an action failed and where the server is now', async () => {
    const h = await startHarness({ settings: { language: 'cs' } });
    h.sim.injectFault(
      { type: 'status', status: 503 },
      { method: 'POST', path: '/api/v1/servers/12345/reboot/', times: 1 },
    );
    await invoke(h, InvokeChannel.serversReboot, WEB);
    expect(h.ports.notifier.notifications.map((notification) => notification.body)).toEqual([
      'Akce „restartovat“ serveru web-server-01 selhala. Aktuální stav: běží.',
    ]);
  });
});

describe('create, update, replace, delete', () => {
  it('creates a server that appears at once as provisioning and is tracked until active', async () => {
    const h = await startHarness();
    const result = await invoke(h, InvokeChannel.serversCreate, {
      name: 'api-01',
      plan_id: 1,
      os_id: 5,
      location: 'us-west',
    });
    const created = okValue(result) as ServerView;
    expect(created).toMatchObject({
      server: { name: 'api-01', status: 'provisioning' },
      pending: { action: 'create' },
    });
    expect(h.postsTo('/api/v1/servers/')).toBe(1);
    expect((await view(h, created.server.id))?.server.status).toBe('provisioning');
    for (let step = 0; step < 4 && h.eventsOf(EventChannel.actionFinished).length === 0; step++) await h.advance(3_000);
    expect(h.eventsOf(EventChannel.actionFinished)[0]).toMatchObject({
      action: 'create',
      outcome: 'done',
      serverName: 'api-01',
    });
    expect(h.eventsOf(EventChannel.actionFinished)[0]?.message).toMatch(/^api-01 created \(\d+ s\)$/);
    expect((await view(h, created.server.id))?.server).toMatchObject({
      status: 'active',
      ip_address: expect.any(String),
    });
    expect(h.postsTo('/api/v1/servers/')).toBe(1);
  });

  it('checks create input before sending and reports 402 from the API', async () => {
    const h = await startHarness();
    const invalid = await invoke(h, InvokeChannel.serversCreate, { name: '-bad name', plan_id: 0, os_id: 5 });
    expect(invalid).toMatchObject({ ok: false, error: { kind: 'bad-request' } });
    const fieldErrors = errorOf(invalid).fieldErrors ?? {};
    expect(Object.keys(fieldErrors).toSorted()).toEqual(['location', 'name', 'plan_id']);
    expect(fieldErrors.name?.[0]).toMatch(/letters, digits and hyphens/);
    expect(h.postsTo('/api/v1/servers/')).toBe(0);
    h.sim.setCredits(0);
    const broke = await invoke(h, InvokeChannel.serversCreate, {
      name: 'api-02',
      plan_id: 1,
      os_id: 5,
      location: 'us-west',
    });
    expect(broke).toMatchObject({ ok: false, error: { kind: 'payment-required', status: 402 } });
    expect(h.postsTo('/api/v1/servers/')).toBe(1);
  });

  it('updates and replaces a server and refreshes its fleet entry from the response', async () => {
    const h = await startHarness();
    const updated = await invoke(h, InvokeChannel.serversUpdate, { ref: WEB, patch: { name: 'web-renamed' } });
    expect(updated).toMatchObject({ ok: true, value: { id: 12345, name: 'web-renamed' } });
    expect((await view(h, 12345))?.server.name).toBe('web-renamed');
    const replaced = await invoke(h, InvokeChannel.serversReplace, {
      ref: WEB,
      input: { name: 'web-02', hostname: 'web02.example.com', backups_enabled: false },
    });
    expect(replaced).toMatchObject({
      ok: true,
      value: { name: 'web-02', hostname: 'web02.example.com', backups_enabled: false },
    });
    expect(await view(h, 12345)).toMatchObject({
      pending: null,
      server: { name: 'web-02', hostname: 'web02.example.com' },
    });
    const bad = await invoke(h, InvokeChannel.serversUpdate, { ref: WEB, patch: {} });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'bad-request' } });
  });

  it('deletes a server confirmed with its name: a fresh GET, then one DELETE, gone from the fleet', async () => {
    const h = await startHarness();
    const before = h.sim.requests.length;
    const deleted = await invoke(h, InvokeChannel.serversDelete, { ref: WEB, confirmName: 'web-server-01' });
    expect(deleted).toEqual({ ok: true, value: null });
    expect(h.sim.requests.slice(before).map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api/v1/servers/12345/',
      'DELETE /api/v1/servers/12345/',
    ]);
    expect(await view(h, 12345)).toBeUndefined();
    const removedKeys = h.eventsOf(EventChannel.fleetChanged).flatMap((delta) => delta.removed);
    expect(removedKeys).toContain('default:12345');
  });

  it('refuses a delete confirmed with another name than the listed one, without asking VPS.org', async () => {
    const h = await startHarness();
    const before = h.sim.requests.length;
    for (const confirmName of ['web-server-02', 'WEB-SERVER-01', 'web-server-01 ']) {
      const refused = errorOf(await invoke(h, InvokeChannel.serversDelete, { ref: WEB, confirmName }));
      expect(refused).toMatchObject({
        kind: 'conflict',
        conflict: { reason: 'name-mismatch', serverName: 'web-server-01', status: 'active' },
      });
      expect(refused.message).toContain('web-server-01');
    }
    expect(h.sim.requests.slice(before)).toEqual([]);
    expect(await view(h, 12345)).toMatchObject({ pending: null, server: { name: 'web-server-01' } });
  });

  it('refuses a delete when the server was renamed elsewhere since the last poll: no DELETE, the new name shows', async () => {
    const h = await startHarness();
    expect(h.sim.renameServerUnchecked(12345, 'billing-db')).toBe(true);
    const refused = errorOf(await invoke(h, InvokeChannel.serversDelete, { ref: WEB, confirmName: 'web-server-01' }));
    expect(refused).toMatchObject({
      kind: 'conflict',
      conflict: { reason: 'name-mismatch', serverName: 'billing-db' },
    });
    expect(h.sim.requests.filter((request) => request.method === 'DELETE')).toEqual([]);
    expect(await view(h, 12345)).toMatchObject({ pending: null, server: { name: 'billing-db' } });
    expect(h.eventsOf(EventChannel.actionFinished)).toEqual([]);
    // Confirmed with the name it has now, it goes.
    expect(await invoke(h, InvokeChannel.serversDelete, { ref: WEB, confirmName: 'billing-db' })).toEqual({
      ok: true,
      value: null,
    });
    expect(h.sim.requests.filter((request) => request.method === 'DELETE')).toHaveLength(1);
  });

  it('lists with the API filters and gets a detail that refreshes the entry', async () => {
    const h = await startHarness();
    const stopped = await invoke(h, InvokeChannel.serversList, { status: 'stopped' });
    expect(okValue(stopped)).toContainEqual(STOPPED);
    expect(h.sim.requests.at(-1)?.query).toEqual({ status: 'stopped' });
    const detail = await invoke(h, InvokeChannel.serversGet, WEB);
    expect(detail).toMatchObject({ ok: true, value: { id: 12345, resource_usage: expect.any(Object) } });
    const missing = await invoke(h, InvokeChannel.serversGet, { accountId: 'default', id: 99_999 });
    expect(missing).toMatchObject({ ok: false, error: { kind: 'not-found', status: 404 } });
  });
});
