import { describe, expect, it } from 'vitest';
import {
  DECRYPT_FAILED_NOTICE,
  KEYCHAIN_UNAVAILABLE_NOTICE,
  TOKEN_REJECTED_NOTICE,
} from '../../main/accounts/token-service';
import { trayTooltip } from '../../main/tray/tooltip';
import { messagesFor } from '../../main/i18n';
import { EventChannel, InvokeChannel, type AuthState } from '../../common/contract';
import { createStaticAppInfo } from '../../dev/memory-ports';
import { fleetSnapshot, type Harness, invoke, setApiBaseUrl, until, useHarnessPerTest } from './harness';

const startHarness = useHarnessPerTest();

/** Token setup with nothing stored (the demo switched off, as after leaving it once). */
async function fresh(): Promise<Harness> {
  const h = await startHarness({ withToken: false, settings: { demoMode: false } });
  setApiBaseUrl(h, h.sim.baseUrl);
  return h;
}

describe('token service', () => {
  it('starts without a token: asks for one, polls nothing', async () => {
    const h = await fresh();
    expect(await invoke(h, InvokeChannel.authState)).toEqual({ ok: true, value: { mode: 'none' } });
    expect(h.core.tray.getState()).toMatchObject({ icon: 'no-token', auth: 'none', headline: { kind: 'no-token' } });
    expect(trayTooltip(h.core.tray.getState(), messagesFor('en'))).toBe('VPS.org — no token set');
    expect(h.sim.requests).toHaveLength(0);
    expect(await invoke(h, InvokeChannel.serversReboot, { accountId: 'default', id: 12345 })).toMatchObject({
      ok: false,
      error: { kind: 'no-token' },
    });
  });

  it('checks a token against the API before storing it; 401 stores nothing', async () => {
    const h = await fresh();
    const result = await invoke(h, InvokeChannel.tokenSet, { token: 'wrong-token-123' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(h.ports.vault.stored.size).toBe(0);
    expect(h.core.authState()).toEqual({ mode: 'none' });
    await h.advance(120_000);
    expect(h.listRequests()).toBe(1);
  });

  it('reports a network failure and stores nothing', async () => {
    const h = await fresh();
    setApiBaseUrl(h, 'http://127.0.0.1:1/api/v1');
    const result = await invoke(h, InvokeChannel.tokenSet, { token: h.sim.token });
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect(h.ports.vault.stored.size).toBe(0);
  });

  it('the popup cannot move the API address: a settings change naming it is refused and the next token stays here', async () => {
    const h = await fresh();
    const elsewhere = 'https://attacker.example/api/v1';
    const refused = await invoke(h, InvokeChannel.settingsSet, { apiBaseUrl: elsewhere });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid-payload' } });
    const mixed = await invoke(h, InvokeChannel.settingsSet, { apiBaseUrl: elsewhere, notifications: false });
    expect(mixed).toMatchObject({ ok: false, error: { kind: 'invalid-payload' } });
    expect(h.ports.settings.get()).toMatchObject({ apiBaseUrl: h.sim.baseUrl, notifications: true });
    const result = await invoke(h, InvokeChannel.tokenSet, { token: h.sim.token });
    expect(result).toMatchObject({ ok: true, value: { mode: 'token', account: { baseUrl: h.sim.baseUrl } } });
  });

  it('stores a valid token, starts polling and tells only account and storage', async () => {
    const h = await fresh();
    const result = await invoke(h, InvokeChannel.tokenSet, { token: `  ${h.sim.token}\n`, label: 'Work' });
    const expected: AuthState = {
      mode: 'token',
      account: { id: 'default', label: 'Work', baseUrl: h.sim.baseUrl },
      storage: { backend: 'memory-test', persisted: true },
      accounts: [{ id: 'default', label: 'Work', storage: { backend: 'memory-test', persisted: true } }],
    };
    expect(result).toEqual({ ok: true, value: expected });
    expect(h.ports.vault.stored.get('default')?.token).toBe(h.sim.token);
    expect(h.eventsOf(EventChannel.authChanged).at(-1)).toEqual(expected);
    await h.settle();
    expect((await fleetSnapshot(h)).servers).toHaveLength(10);
    expect(trayTooltip(h.core.tray.getState(), messagesFor('en'))).toBe('VPS.org — 5 running, 2 stopped, 3 suspended');
    expect(trayTooltip(h.core.tray.getState(), messagesFor('cs'))).toBe(
      'VPS.org — 5 serverů běží, 2 servery zastaveny, 3 servery pozastaveny',
    );
  });

  it('reports a keychain failure as a storage error and does not poll', async () => {
    const h = await fresh();
    h.ports.vault.failSaves(true);
    const result = await invoke(h, InvokeChannel.tokenSet, { token: h.sim.token });
    expect(result).toMatchObject({ ok: false, error: { kind: 'storage' } });
    await h.advance(120_000);
    expect(h.listRequests()).toBe(1);
  });

  it('asks for the token again when the saved one cannot be decrypted', async () => {
    const h = await startHarness({ start: false });
    h.ports.vault.failNextLoadWithDecryptError();
    await h.core.start();
    expect(h.core.authState()).toEqual({ mode: 'none', notice: DECRYPT_FAILED_NOTICE });
    expect(h.sim.requests).toHaveLength(0);
  });

  it('a locked keychain at start keeps the stored token and says why the token is asked for', async () => {
    const h = await startHarness({ start: false, settings: { demoMode: true } });
    h.ports.vault.lockKeychain(true);
    await h.core.start();
    expect(KEYCHAIN_UNAVAILABLE_NOTICE.code).toBe('keychain-unavailable');
    expect(h.core.authState()).toEqual({ mode: 'none', notice: KEYCHAIN_UNAVAILABLE_NOTICE });
    expect(h.eventsOf(EventChannel.authChanged).at(-1)).toEqual({ mode: 'none', notice: KEYCHAIN_UNAVAILABLE_NOTICE });
    // Not the demo (there is a token, just not readable now), and no polling.
    expect(h.core.tray.getState().icon).toBe('no-token');
    expect(h.sim.requests).toHaveLength(0);
    expect(h.ports.vault.stored.get('default')?.token).toBe(h.sim.token);
  });

  it('a token pasted while the keychain is locked is used for the session; the stored one stays', async () => {
    const h = await startHarness({ start: false });
    const storedBefore = h.ports.vault.stored.get('default');
    h.ports.vault.lockKeychain(true);
    await h.core.start();
    setApiBaseUrl(h, h.sim.baseUrl);
    const result = await invoke(h, InvokeChannel.tokenSet, { token: h.sim.token });
    expect(result).toMatchObject({ ok: true, value: { mode: 'token', storage: { persisted: false } } });
    await h.settle();
    expect((await fleetSnapshot(h)).servers).toHaveLength(10);
    expect(h.ports.vault.stored.get('default')).toBe(storedBefore);
  });

  it('leaving the demo with the keychain locked goes back to token setup with the notice, not the demo', async () => {
    const h = await startHarness({ start: false, settings: { demoMode: true }, deps: { demoSpeed: 600 } });
    h.ports.vault.lockKeychain(true);
    await h.core.start({ demo: true });
    expect(h.core.authState().mode).toBe('demo');
    expect(await invoke(h, InvokeChannel.demoStop)).toEqual({
      ok: true,
      value: { mode: 'none', notice: KEYCHAIN_UNAVAILABLE_NOTICE },
    });
  });

  it('a 401 while polling stops polling, clears the list and asks for a new token (the token stays stored)', async () => {
    const h = await startHarness();
    h.sim.revokeToken();
    await h.advance(60_000);
    expect(h.core.authState()).toEqual({ mode: 'none', notice: TOKEN_REJECTED_NOTICE });
    expect((await fleetSnapshot(h)).servers).toHaveLength(0);
    expect(h.core.tray.getState().icon).toBe('no-token');
    const polls = h.listRequests();
    await h.advance(600_000);
    expect(h.listRequests()).toBe(polls);
    expect(h.ports.vault.stored.has('default')).toBe(true);
  });

  it('token.clear forgets the token and stops polling', async () => {
    const h = await startHarness();
    const result = await invoke(h, InvokeChannel.tokenClear);
    expect(result).toEqual({ ok: true, value: { mode: 'none' } });
    expect(h.ports.vault.stored.size).toBe(0);
    const polls = h.listRequests();
    await h.advance(600_000);
    expect(h.listRequests()).toBe(polls);
  });
});

describe('demo mode', () => {
  it('start({demo:true}) runs an in-process simulator; demo.stop returns to token setup', async () => {
    const h = await startHarness({ withToken: false, start: false, deps: { demoSpeed: 600 } });
    await h.core.start({ demo: true });
    expect(h.core.authState()).toMatchObject({
      mode: 'demo',
      account: {
        id: 'demo',
        label: 'Demo account',
        baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/),
      },
    });
    await until(() => h.core.tray.getState().servers.length > 0, 'demo servers');
    expect(h.core.tray.getState()).toMatchObject({ icon: 'demo', auth: 'demo' });
    expect(trayTooltip(h.core.tray.getState(), messagesFor('en'))).toMatch(/^VPS\.org — demo: \d+ running/);
    const ref = h.core.tray.getState().servers.find((entry) => entry.status === 'active')!.ref;
    expect(ref.accountId).toBe('demo');
    expect(await h.core.powerAction(ref, 'reboot')).toMatchObject({ ok: true });
    const stopped = await invoke(h, InvokeChannel.demoStop);
    expect(stopped).toEqual({ ok: true, value: { mode: 'none' } });
    expect((await fleetSnapshot(h)).servers).toHaveLength(0);
    expect(h.sim.requests).toHaveLength(0);
  });

  it('starts the demo from settings when no token is stored, and a real token replaces it', async () => {
    const h = await startHarness({ withToken: false, start: false, settings: { demoMode: true } });
    await h.core.start();
    expect(h.core.authState().mode).toBe('demo');
    setApiBaseUrl(h, h.sim.baseUrl);
    const result = await invoke(h, InvokeChannel.tokenSet, { token: h.sim.token });
    expect(result).toMatchObject({ ok: true, value: { mode: 'token' } });
    await h.settle();
    const servers = (await fleetSnapshot(h)).servers;
    expect(servers).toHaveLength(10);
    expect(servers.every((entry) => entry.accountId === 'default')).toBe(true);
  });
});

describe('app info', () => {
  it('hands the start-up notices of the desktop edge to the popup', async () => {
    const notices = [
      { code: 'settings-reset' as const, backupPath: '/home/u/.config/VPS.org Tray/settings.corrupt-1.json' },
      { code: 'vault-reset' as const, backupPath: '/home/u/.config/VPS.org Tray/vault.corrupt-1.json' },
    ];
    const h = await startHarness({
      withToken: false,
      deps: { appInfo: createStaticAppInfo({ notices }) },
    });
    expect(await invoke(h, InvokeChannel.appInfo)).toEqual({
      ok: true,
      value: { version: '0.1.0-test', platform: 'linux', systemLocale: 'en-US', notices },
    });
  });
});
