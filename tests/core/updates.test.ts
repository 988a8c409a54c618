// Updates through the whole core: the session trackers hold a restart back while a power action is
// carried out, the ready notification (its click restarts) respects the notifications setting, a manual
// check always answers, the setting switches automatic checks, and the popup reads the state.
import { afterEach, describe, expect, it } from 'vitest';
import { EventChannel, InvokeChannel, type AuthState } from '../../common/contract';
import { startSimulator, type Simulator } from '../../main/simulator/simulator';
import type { UpdaterPort } from '../../main/updates/service';
import { FIRST_CHECK_DELAY_MS } from '../../main/updates/service';
import { type Harness, invoke, okValue, setApiBaseUrl, until, useHarnessPerTest } from './harness';

const startHarness = useHarnessPerTest();
const WEB = { accountId: 'default', id: 12345 };
const extraSimulators: Simulator[] = [];
// Registered after the harness's own: runs first, so these stop before the harness closes.
afterEach(async () => {
  for (const sim of extraSimulators.splice(0)) await sim.close();
});

/** Adds a second account ("Client") on a simulator of its own; returns its id. */
async function addSecondAccount(h: Harness): Promise<string> {
  const sim = await startSimulator({ servers: 4, speed: 60, seed: 99 });
  extraSimulators.push(sim);
  setApiBaseUrl(h, sim.baseUrl);
  const state = okValue(await invoke(h, InvokeChannel.accountAdd, { label: 'Client', token: sim.token })) as AuthState;
  await h.settle();
  const second = state.mode === 'token' ? state.accounts?.find((account) => account.label === 'Client') : undefined;
  if (!second) throw new Error('the second account was not added');
  return second.id;
}

/** Catches the click handler of each notification that has one. */
function catchClicks(h: Harness): Array<() => void> {
  const clicks: Array<() => void> = [];
  const notify = h.ports.notifier.notify.bind(h.ports.notifier);
  h.ports.notifier.notify = (title, body, onClick) => {
    if (onClick) clicks.push(onClick);
    notify(title, body);
  };
  return clicks;
}

function fakeUpdater(version: string | null = '1.3.0') {
  const calls: string[] = [];
  const updater: UpdaterPort = {
    unavailable: null,
    check: async () => {
      calls.push('check');
      return version;
    },
    download: async () => void calls.push('download'),
    install: () => void calls.push('install'),
  };
  return { updater, calls };
}

describe('updates in the core', () => {
  it('checks after start, announces the ready version once; its click restarts', async () => {
    const { updater, calls } = fakeUpdater();
    const h = await startHarness({ deps: { updater } });
    const clicks = catchClicks(h);
    await h.advance(FIRST_CHECK_DELAY_MS);
    await until(() => h.core.updates.state().phase === 'ready', 'ready');
    expect(h.ports.notifier.notifications).toEqual([
      { title: 'Version 1.3.0 is ready', body: 'Restart to update — click here or use the tray menu.' },
    ]);
    expect(h.eventsOf(EventChannel.updatesChanged).at(-1)).toMatchObject({ phase: 'ready', version: '1.3.0' });
    expect(calls).toEqual(['check', 'download']);
    clicks[0]!();
    expect(calls).toEqual(['check', 'download', 'install']);
  });

  it('no restart while a power action is tracked: the user is told to wait', async () => {
    const { updater, calls } = fakeUpdater();
    const h = await startHarness({ deps: { updater }, settings: { notifications: false } });
    await h.core.updates.checkNow();
    okValue(await invoke(h, InvokeChannel.serversReboot, WEB));
    expect(h.core.updates.restart()).toBe('action-pending');
    expect(calls).not.toContain('install');
    expect(h.ports.notifier.notifications.at(-1)?.title).toBe('Not restarting yet');
  });

  it('a power action tracked on the second account holds the restart back too', async () => {
    const { updater, calls } = fakeUpdater();
    const h = await startHarness({ deps: { updater }, settings: { notifications: false } });
    const second = await addSecondAccount(h);
    await h.core.updates.checkNow();
    expect(h.core.updates.state().phase).toBe('ready');
    // The first account tracks nothing; the second account's first server (12345, active) reboots.
    okValue(await invoke(h, InvokeChannel.serversReboot, { accountId: second, id: 12345 }));
    expect(h.core.updates.restart()).toBe('action-pending');
    expect(calls).not.toContain('install');
    expect(h.ports.notifier.notifications.at(-1)?.title).toBe('Not restarting yet');
  });

  it('a click on "version X is ready" while a power action is tracked does not install', async () => {
    const { updater, calls } = fakeUpdater();
    const h = await startHarness({ deps: { updater } });
    const clicks = catchClicks(h);
    await h.core.updates.checkNow();
    expect(clicks).toHaveLength(1);
    okValue(await invoke(h, InvokeChannel.serversReboot, WEB));
    clicks[0]!();
    expect(calls).toEqual(['check', 'download']);
    expect(h.ports.notifier.notifications.at(-1)?.title).toBe('Not restarting yet');
  });

  it('with notifications off, a found version is not announced; a manual check still answers', async () => {
    const { updater } = fakeUpdater(null);
    const h = await startHarness({ deps: { updater }, settings: { notifications: false } });
    await h.advance(FIRST_CHECK_DELAY_MS);
    await until(() => h.core.updates.state().phase === 'up-to-date', 'checked');
    expect(h.ports.notifier.notifications).toEqual([]);
    await h.core.updates.checkNow();
    expect(h.ports.notifier.notifications).toEqual([
      { title: "You're up to date", body: 'VPS.org Tray has no newer version.' },
    ]);
  });

  it('"Check for updates automatically" off: no check by itself', async () => {
    const { updater, calls } = fakeUpdater();
    const h = await startHarness({ deps: { updater } });
    okValue(await invoke(h, InvokeChannel.settingsSet, { autoUpdate: false }));
    await h.advance(FIRST_CHECK_DELAY_MS * 10);
    expect(calls).toEqual([]);
    okValue(await invoke(h, InvokeChannel.settingsSet, { autoUpdate: true }));
    await h.advance(FIRST_CHECK_DELAY_MS);
    await until(() => calls.length > 0, 'a check');
    expect(calls[0]).toBe('check');
  });

  it('the popup reads the state; without an updater, as in a development run, it says so', async () => {
    const h = await startHarness();
    expect(okValue(await invoke(h, InvokeChannel.updatesState, undefined))).toEqual({
      unavailable: 'development',
      phase: 'idle',
      version: null,
      checkedAt: null,
    });
    await h.core.updates.checkNow();
    expect(h.ports.notifier.notifications).toEqual([]);
  });
});
