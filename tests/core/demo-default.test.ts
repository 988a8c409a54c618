// A first run (no token stored) lands in the demo; leaving it for token setup is remembered across
// restarts, Try the demo turns it back on, and a user who has an account never lands in the demo.
import { afterEach, describe, expect, it } from 'vitest';
import {
  DECRYPT_FAILED_NOTICE,
  KEYCHAIN_UNAVAILABLE_NOTICE,
  TOKEN_REJECTED_NOTICE,
} from '../../main/accounts/token-service';
import { createCore, type Core } from '../../main/core';
import { EventChannel, InvokeChannel, type AuthState } from '../../common/contract';
import { APP_URL, type Harness, invoke, setApiBaseUrl, until, useHarnessPerTest } from './harness';

const startHarness = useHarnessPerTest();
const restarted: Core[] = [];
// Registered after the harness's own: runs first, so restarted cores stop before the harness closes.
afterEach(async () => {
  for (const core of restarted.splice(0)) await core.stop();
});

/** Quits the app and starts it again over the same settings and vault (what a restart keeps). */
async function restart(h: Harness): Promise<Core> {
  await h.core.stop();
  const core = createCore({
    ...h.ports,
    clientOptions: { retry: { limit: 0 }, timeoutMs: 5000 },
    random: () => 1,
    demoSpeed: 600,
    isTrustedSender: (sender) => sender.url === APP_URL,
  });
  restarted.push(core);
  await core.start();
  return core;
}

const NO_NOTICE: AuthState = { mode: 'none' };

describe('first run without a token', () => {
  it('opens the demo with its servers; the account API is never asked', async () => {
    const h = await startHarness({ withToken: false, deps: { demoSpeed: 600 } });
    expect(h.ports.settings.get().demoMode).toBe(true);
    expect(h.core.authState()).toMatchObject({ mode: 'demo', account: { id: 'demo' } });
    await until(() => h.core.tray.getState().servers.length > 0, 'demo servers');
    expect(h.core.tray.getState()).toMatchObject({ icon: 'demo', auth: 'demo' });
    expect(h.sim.requests).toEqual([]);
  });

  it('a stored token wins over the demo', async () => {
    const h = await startHarness({ settings: { demoMode: true } });
    expect(h.core.authState().mode).toBe('token');
    expect(h.listRequests()).toBe(1);
  });

  it('leaving the demo shows token setup, persists demoMode false, and the next start shows token setup', async () => {
    const h = await startHarness({ withToken: false, deps: { demoSpeed: 600 } });
    expect(h.core.authState().mode).toBe('demo');
    expect(await invoke(h, InvokeChannel.demoStop)).toEqual({ ok: true, value: NO_NOTICE });
    expect(h.ports.settings.get().demoMode).toBe(false);
    // An open Settings view follows.
    expect(h.eventsOf(EventChannel.settingsChanged).at(-1)).toMatchObject({ demoMode: false });
    expect(h.core.tray.getState().icon).toBe('no-token');

    const core = await restart(h);
    expect(core.authState()).toEqual(NO_NOTICE);
    expect(core.tray.getState().icon).toBe('no-token');
  });

  it('Try the demo from token setup persists demoMode true, so the next start opens the demo', async () => {
    const h = await startHarness({
      withToken: false,
      settings: { demoMode: false },
      deps: { demoSpeed: 600 },
    });
    expect(h.core.authState()).toEqual(NO_NOTICE);
    expect(await invoke(h, InvokeChannel.demoStart)).toMatchObject({ ok: true, value: { mode: 'demo' } });
    expect(h.ports.settings.get().demoMode).toBe(true);
    expect(h.eventsOf(EventChannel.settingsChanged).at(-1)).toMatchObject({ demoMode: true });

    const core = await restart(h);
    expect(core.authState().mode).toBe('demo');
  });

  it('a real token set after leaving the demo is used at the next start', async () => {
    const h = await startHarness({ withToken: false, deps: { demoSpeed: 600 } });
    await invoke(h, InvokeChannel.demoStop);
    setApiBaseUrl(h, h.sim.baseUrl);
    expect(await invoke(h, InvokeChannel.tokenSet, { token: h.sim.token })).toMatchObject({
      ok: true,
      value: { mode: 'token' },
    });
    await h.settle();
    const core = await restart(h);
    expect(core.authState()).toMatchObject({ mode: 'token', account: { baseUrl: h.sim.baseUrl } });
  });
});

describe('a user who has an account lands on token setup with the notice, not in the demo', () => {
  it('decrypt failed: the notice now, token setup (not the demo) at the next start too', async () => {
    const h = await startHarness({ start: false, deps: { demoSpeed: 600 } });
    h.ports.vault.failNextLoadWithDecryptError();
    await h.core.start();
    expect(h.core.authState()).toEqual({ mode: 'none', notice: DECRYPT_FAILED_NOTICE });
    expect(h.ports.settings.get().demoMode).toBe(false);
    expect(h.sim.requests).toEqual([]);

    // The unreadable token is gone from the vault, but the user still has an account.
    const core = await restart(h);
    expect(core.authState()).toEqual(NO_NOTICE);
  });

  it('keychain unavailable: the notice, no demo and no request', async () => {
    const h = await startHarness({ start: false, deps: { demoSpeed: 600 } });
    h.ports.vault.lockKeychain(true);
    await h.core.start();
    expect(h.core.authState()).toEqual({ mode: 'none', notice: KEYCHAIN_UNAVAILABLE_NOTICE });
    expect(h.core.tray.getState().icon).toBe('no-token');
    expect(h.sim.requests).toEqual([]);
  });

  it('token rejected: the stored token is asked once, then token setup with the notice', async () => {
    const h = await startHarness({ start: false, deps: { demoSpeed: 600 } });
    h.sim.revokeToken();
    await h.core.start();
    await until(() => h.core.authState().mode === 'none', 'the 401');
    expect(h.core.authState()).toEqual({ mode: 'none', notice: TOKEN_REJECTED_NOTICE });
    expect(h.core.tray.getState().icon).toBe('no-token');
    expect(h.listRequests()).toBe(1);
    await h.advance(600_000);
    expect(h.core.authState()).toEqual({ mode: 'none', notice: TOKEN_REJECTED_NOTICE });
    expect(h.listRequests()).toBe(1);
  });
});
