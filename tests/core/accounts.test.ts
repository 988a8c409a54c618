// Several accounts through the core: the upgrade from one account, adding, renaming and removing
// accounts, each polled on its own (one failing never delays or hides the others), and the token never
// crossing to the popup or the log.
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN_REJECTED_NOTICE } from '../../main/accounts/token-service';
import { createCore, type Core } from '../../main/core';
import { startSimulator, type Simulator } from '../../main/simulator/simulator';
import { EventChannel, InvokeChannel, type AuthState, type FleetSnapshot } from '../../common/contract';
import type { ServerRef } from '../../common/servers';
import {
  APP_URL,
  errorOf,
  fleetSnapshot,
  type Harness,
  invoke,
  LIST_PATH,
  okValue,
  setApiBaseUrl,
  until,
  useHarnessPerTest,
} from './harness';

const startHarness = useHarnessPerTest();
const extra: Array<{ close(): Promise<void> }> = [];
// Registered after the harness's own: runs first, so these stop before the harness closes.
afterEach(async () => {
  for (const closable of extra.splice(0)) await closable.close();
});

async function secondSimulator(): Promise<Simulator> {
  const sim = await startSimulator({
    host: '127.0.0.1',
    port: 0,
    servers: 4,
    speed: 60,
    seed: 99,
    now: () => Date.now(),
  });
  extra.push(sim);
  return sim;
}

/** The harness's account ("VPS.org", 10 servers) plus a second one ("Client", 4 servers) on its own simulator. */
async function twoAccounts(): Promise<{ h: Harness; sim2: Simulator; second: string }> {
  const h = await startHarness();
  const sim2 = await secondSimulator();
  setApiBaseUrl(h, sim2.baseUrl);
  const state = okValue(await invoke(h, InvokeChannel.accountAdd, { label: 'Client', token: sim2.token })) as AuthState;
  await h.settle();
  const second = state.mode === 'token' ? state.accounts!.find((account) => account.label === 'Client')!.id : '';
  return { h, sim2, second };
}

const listRequestsOf = (sim: Simulator) =>
  sim.requests.filter((request) => request.method === 'GET' && request.path === LIST_PATH).length;

const byAccount = (snapshot: FleetSnapshot) => {
  const counts: Record<string, number> = {};
  for (const view of snapshot.servers) counts[view.accountId] = (counts[view.accountId] ?? 0) + 1;
  return counts;
};

async function restart(h: Harness): Promise<Core> {
  await h.core.stop();
  const core = createCore({
    ...h.ports,
    clientOptions: { retry: { limit: 0 }, timeoutMs: 5000 },
    random: () => 1,
    isTrustedSender: (sender) => sender.url === APP_URL,
  });
  extra.push({ close: () => core.stop() });
  await core.start();
  return core;
}

describe('upgrade from one account', () => {
  it('the token in the vault becomes the first listed account with its label; a restart changes nothing', async () => {
    const h = await startHarness();
    expect(h.ports.settings.get().accounts).toEqual([{ id: 'default', label: 'VPS.org' }]);
    expect(h.core.authState()).toMatchObject({
      mode: 'token',
      account: { id: 'default', label: 'VPS.org' },
      accounts: [{ id: 'default', label: 'VPS.org', storage: { persisted: true } }],
    });
    expect((await fleetSnapshot(h)).servers).toHaveLength(10);
    const writes = h.ports.settings.writes;
    const core = await restart(h);
    expect(core.authState()).toMatchObject({ mode: 'token', accounts: [{ id: 'default', label: 'VPS.org' }] });
    expect(h.ports.settings.get().accounts).toEqual([{ id: 'default', label: 'VPS.org' }]);
    expect(h.ports.settings.writes).toBe(writes);
    expect(h.ports.vault.stored.get('default')?.token).toBe(h.sim.token);
  });
});

describe('adding, renaming and removing accounts', () => {
  it('adds an account after checking its token: one merged list, each server with its account', async () => {
    const { h, sim2, second } = await twoAccounts();
    expect(listRequestsOf(sim2)).toBe(2); // the check, then the first poll
    expect(h.ports.settings.get().accounts).toEqual([
      { id: 'default', label: 'VPS.org' },
      { id: second, label: 'Client' },
    ]);
    expect(h.ports.vault.stored.get(second)?.token).toBe(sim2.token);
    const snapshot = await fleetSnapshot(h);
    expect(byAccount(snapshot)).toEqual({ default: 10, [second]: 4 });
    expect(Object.keys(snapshot.accounts ?? {}).toSorted()).toEqual(['default', second].toSorted());
    expect(snapshot.accounts?.[second]).toMatchObject({ loaded: true, stale: null });
    expect(snapshot.status).toMatchObject({ loaded: true, stale: null, refreshing: false });
  });

  it('a rejected token is a field error; nothing is stored and nothing is polled', async () => {
    const h = await startHarness();
    const sim2 = await secondSimulator();
    setApiBaseUrl(h, sim2.baseUrl);
    const error = errorOf(await invoke(h, InvokeChannel.accountAdd, { label: 'Client', token: 'not-the-token-123' }));
    expect(error).toMatchObject({ kind: 'bad-request', fieldViolations: { token: ['token-rejected'] } });
    expect(h.ports.settings.get().accounts).toHaveLength(1);
    expect(h.ports.vault.stored.size).toBe(1);
    await h.advance(120_000);
    expect(listRequestsOf(sim2)).toBe(1);
  });

  it('labels are trimmed, at most 40 characters, and unique regardless of case; checked before the token', async () => {
    const h = await startHarness();
    const sim2 = await secondSimulator();
    setApiBaseUrl(h, sim2.baseUrl);
    const add = (label: string) => invoke(h, InvokeChannel.accountAdd, { label, token: sim2.token });
    expect(errorOf(await add('  vps.ORG '))).toMatchObject({ fieldViolations: { label: ['duplicate'] } });
    expect(errorOf(await add('   '))).toMatchObject({ fieldViolations: { label: ['required'] } });
    expect(errorOf(await add('x'.repeat(41)))).toMatchObject({ fieldViolations: { label: ['too-long'] } });
    expect(listRequestsOf(sim2)).toBe(0);
    expect(await add(`  ${'y'.repeat(40)}  `)).toMatchObject({ ok: true });
    expect(h.ports.settings.get().accounts.at(-1)?.label).toBe('y'.repeat(40));
  });

  it('renames an account (the list, the auth state and the settings follow); a taken label is refused', async () => {
    const { h, second } = await twoAccounts();
    expect(errorOf(await invoke(h, InvokeChannel.accountRename, { id: second, label: 'VPS.ORG' }))).toMatchObject({
      fieldViolations: { label: ['duplicate'] },
    });
    const renamed = okValue(await invoke(h, InvokeChannel.accountRename, { id: second, label: ' Acme ' }));
    expect(renamed).toMatchObject({ mode: 'token', accounts: [{ label: 'VPS.org' }, { id: second, label: 'Acme' }] });
    expect(h.ports.settings.get().accounts[1]).toEqual({ id: second, label: 'Acme' });
    expect(h.eventsOf(EventChannel.authChanged).at(-1)).toEqual(renamed);
    expect(errorOf(await invoke(h, InvokeChannel.accountRename, { id: 'nope', label: 'X' }))).toMatchObject({
      kind: 'not-found',
    });
  });

  it('removes an account: its session ends, its token is forgotten and its servers leave the list', async () => {
    const { h, sim2, second } = await twoAccounts();
    const removed = okValue(await invoke(h, InvokeChannel.accountRemove, { id: second }));
    expect(removed).toMatchObject({ mode: 'token', accounts: [{ id: 'default' }] });
    expect(h.ports.vault.stored.has(second)).toBe(false);
    expect(h.ports.settings.get().accounts).toEqual([{ id: 'default', label: 'VPS.org' }]);
    const snapshot = await fleetSnapshot(h);
    expect(byAccount(snapshot)).toEqual({ default: 10 });
    expect(Object.keys(snapshot.accounts ?? {})).toEqual(['default']);
    const polls = listRequestsOf(sim2);
    await h.advance(300_000);
    expect(listRequestsOf(sim2)).toBe(polls);
  });

  it('removing an account takes its alert settings with it; the other account keeps its own', async () => {
    const { h, second } = await twoAccounts();
    const keys = () => Object.keys(h.ports.settings.get().alerts.expectations);
    const accountsOf = () => new Set(keys().map((key) => key.slice(0, key.lastIndexOf(':'))));
    // Both accounts' servers have learned expectations once polled.
    expect(accountsOf()).toEqual(new Set(['default', second]));
    const [firstKey] = keys().filter((key) => key.startsWith(`${second}:`));
    okValue(await invoke(h, InvokeChannel.alertsPause, { ref: refOf(firstKey!), duration: 'indefinite' }));
    expect(Object.keys(h.ports.settings.get().alerts.serverPauses)).toEqual([firstKey]);

    okValue(await invoke(h, InvokeChannel.accountRemove, { id: second }));
    await h.advance(60_000);
    expect(accountsOf()).toEqual(new Set(['default']));
    expect(h.ports.settings.get().alerts.serverPauses).toEqual({});
  });

  it('adding an account from the demo leaves the demo for that account, for this start and the next', async () => {
    const h = await startHarness({ withToken: false, deps: { demoSpeed: 600 } });
    expect(h.core.authState().mode).toBe('demo');
    setApiBaseUrl(h, h.sim.baseUrl);
    const state = okValue(await invoke(h, InvokeChannel.accountAdd, { label: 'Work', token: h.sim.token }));
    expect(state).toMatchObject({ mode: 'token', account: { label: 'Work' }, accounts: [{ label: 'Work' }] });
    expect(h.ports.settings.get().demoMode).toBe(false);
    await h.settle();
    const snapshot = await fleetSnapshot(h);
    expect(snapshot.servers).toHaveLength(10);
    expect(Object.keys(snapshot.accounts ?? {})).toHaveLength(1);
    expect(snapshot.servers.some((view) => view.accountId === 'demo')).toBe(false);
  });

  it('removing the last account goes back to token setup', async () => {
    const h = await startHarness();
    expect(await invoke(h, InvokeChannel.accountRemove, { id: 'default' })).toEqual({
      ok: true,
      value: { mode: 'none' },
    });
    expect(h.ports.vault.stored.size).toBe(0);
    expect(h.ports.settings.get().accounts).toEqual([]);
  });
});

/** The server a key (`accountId:id`) names. */
function refOf(key: string): { accountId: string; id: number } {
  const at = key.lastIndexOf(':');
  return { accountId: key.slice(0, at), id: Number(key.slice(at + 1)) };
}

describe('a vault that cannot be read at start', () => {
  it('keeps every listed account (with a notice) for the next start instead of dropping them', async () => {
    const { h, second } = await twoAccounts();
    const listedBefore = h.ports.settings.get().accounts;
    const load = h.ports.vault.load.bind(h.ports.vault);
    h.ports.vault.load = async () => {
      throw new Error('EACCES: permission denied, open vault.json');
    };
    const core = await restart(h);
    expect(h.ports.settings.get().accounts).toEqual(listedBefore);
    // As with a locked keychain: token setup says the stored tokens cannot be read now.
    expect(core.authState()).toMatchObject({ mode: 'none', notice: { code: 'keychain-unavailable' } });
    h.ports.vault.load = load;
    const next = await restart({ ...h, core });
    expect(next.authState()).toMatchObject({ mode: 'token', accounts: [{ id: 'default' }, { id: second }] });
  });
});

describe('each account polled on its own', () => {
  it('both accounts poll on their own schedule', async () => {
    const { h, sim2 } = await twoAccounts();
    const [first, other] = [h.listRequests(), listRequestsOf(sim2)];
    await h.advance(60_000);
    expect([h.listRequests(), listRequestsOf(sim2)]).toEqual([first + 1, other + 1]);
  });

  it.each([
    ['a 500', { type: 'status' as const, status: 500 }, 'server'],
    ['a 429', { type: 'status' as const, status: 429, retryAfterSeconds: 120 }, 'rate-limited'],
  ])('%s from one account marks only it stale; the other keeps refreshing on time', async (_name, fault, kind) => {
    const { h, sim2, second } = await twoAccounts();
    sim2.injectFault(fault, { method: 'GET', path: LIST_PATH });
    for (let minute = 1; minute <= 3; minute++) {
      const before = h.listRequests();
      await h.advance(60_000);
      expect(h.listRequests()).toBe(before + 1);
    }
    const snapshot = await fleetSnapshot(h);
    expect(snapshot.accounts?.[second]?.stale).toMatchObject({ kind });
    expect(snapshot.accounts?.default).toMatchObject({ stale: null, loaded: true });
    expect(snapshot.accounts?.default?.lastSuccessAt).toBe(Date.now());
    // The failing account's servers stay (stale), and the list as a whole is not stale.
    expect(byAccount(snapshot)).toEqual({ default: 10, [second]: 4 });
    expect(snapshot.status.stale).toBeNull();
    // The tray counts the failing account as trouble, and still lists the servers of both.
    const tray = h.core.tray.getState();
    expect(tray.icon).toBe('error');
    expect(tray.accounts?.map((account) => account.trouble)).toEqual([null, 'error']);
    expect(tray.servers).toHaveLength(14);
  });

  it('a 401 from one account ends only its session, with the notice on that account', async () => {
    const { h, sim2, second } = await twoAccounts();
    sim2.revokeToken();
    await h.advance(60_000);
    const state = h.core.authState();
    expect(state).toMatchObject({
      mode: 'token',
      account: { id: 'default' },
      accounts: [{ id: 'default' }, { id: second, notice: TOKEN_REJECTED_NOTICE }],
    });
    expect(byAccount(await fleetSnapshot(h))).toEqual({ default: 10 });
    const before = h.listRequests();
    await h.advance(60_000);
    expect(h.listRequests()).toBe(before + 1);
  });

  it('the token never crosses to the popup or the log', async () => {
    const { h, sim2 } = await twoAccounts();
    await invoke(h, InvokeChannel.accountRename, { id: 'default', label: 'Mine' });
    sim2.injectFault({ type: 'status', status: 500 }, { method: 'GET', path: LIST_PATH });
    await h.advance(60_000);
    const everything = JSON.stringify([h.events, h.logs, await fleetSnapshot(h), h.core.authState()]);
    for (const token of [h.sim.token, sim2.token]) expect(everything).not.toContain(token);
    expect(JSON.stringify(h.ports.settings.get())).not.toContain(sim2.token);
  });

  it('with one account answering 5xx, a status or location filter still returns the other account’s matches', async () => {
    const { h, sim2 } = await twoAccounts();
    const first = (await fleetSnapshot(h)).servers.filter((view) => view.accountId === 'default');
    sim2.injectFault({ type: 'status', status: 503 }, { method: 'GET', path: LIST_PATH });
    const refs = (views: typeof first) =>
      views.map((view): ServerRef => ({ accountId: view.accountId, id: view.server.id }));
    const { location } = first[0]!.server;
    for (const [filter, matches] of [
      [{ status: 'active' }, first.filter((view) => view.server.status === 'active')],
      [{ location }, first.filter((view) => view.server.location === location)],
    ] as const) {
      expect(matches.length).toBeGreaterThan(0);
      const found = okValue(await invoke(h, InvokeChannel.serversList, filter)) as ServerRef[];
      expect(found.toSorted((a, b) => a.id - b.id)).toEqual(refs(matches).toSorted((a, b) => a.id - b.id));
    }
    // The failing account was asked too (and its answer left out).
    expect(
      sim2.requests.filter((request) => request.method === 'GET' && request.path === LIST_PATH).at(-1)?.query,
    ).toEqual({ location });
  });

  it('one account’s hung refresh does not delay the other’s', async () => {
    const { h, sim2, second } = await twoAccounts();
    // The first account's lists never answer (until its simulator closes); the clock stands still, so
    // no timeout ends the hung request either.
    h.sim.injectFault({ type: 'hang' }, { method: 'GET', path: LIST_PATH });
    const [first, other] = [h.listRequests(), listRequestsOf(sim2)];
    void invoke(h, InvokeChannel.fleetRefresh);
    await until(() => h.listRequests() === first + 1 && listRequestsOf(sim2) === other + 1, 'both accounts asked');
    let snapshot = await fleetSnapshot(h);
    while (snapshot.accounts?.[second]?.refreshing !== false) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      snapshot = await fleetSnapshot(h);
    }
    expect(snapshot.accounts?.default).toMatchObject({ refreshing: true, stale: null });
    expect(snapshot.accounts?.[second]).toMatchObject({ refreshing: false, loaded: true, stale: null });
  });

  it('an account failing on its very first poll does not keep the list loading', async () => {
    const h = await startHarness({ start: false });
    const sim2 = await secondSimulator();
    sim2.injectFault({ type: 'status', status: 500 }, { method: 'GET', path: LIST_PATH });
    await h.ports.vault.save({ id: 'client', label: 'Client', baseUrl: sim2.baseUrl }, sim2.token);
    await h.core.start();
    await until(() => h.listRequests() > 0 && listRequestsOf(sim2) > 0, 'first polls');
    await h.settle();
    const snapshot = await fleetSnapshot(h);
    expect(snapshot.accounts?.client).toMatchObject({ loaded: false, stale: { kind: 'server' } });
    expect(snapshot.accounts?.default).toMatchObject({ loaded: true, stale: null });
    // What the popup's list reads: loaded (so no "Loading…"), and not stale as a whole.
    expect(snapshot.status).toMatchObject({ loaded: true, stale: null });
    expect(byAccount(snapshot)).toEqual({ default: 10 });
  });
});
