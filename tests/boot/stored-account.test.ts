// A user who stored a token earlier, in the built app booted end to end (boot-kit.ts): the profile's
// files (settings.json with the API address, vault.json with the encrypted token) are read by the real
// electron-store and the vault over the stand-in's safeStorage; the app starts signed in, polls the
// account's API with the token, and keeps the token out of every file it writes. The profile is from
// before several accounts (no accounts list): the app carries its token over into the list. The tray
// menu is read as the stand-in shows it on every platform: `&` is Electron's mnemonic marker (one `&`
// vanishes, `&&` shows one), so a server named `R&D web` must reach the menu escaped.
// Platform: the test machine's own (Linux in CI), with nothing platform-specific relied on beyond the
// stand-in's menu rules (separators and `&` as Electron builds menus, electron-stand-in/menu.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { startSimulator, type Simulator } from '../../main/simulator/simulator';
import { profileWithStoredToken, useBootedApp } from './boot-kit';

let sim: Simulator;
const booted = useBootedApp(async () => {
  // Six servers of the seeded account: one stopped, one suspended.
  sim = await startSimulator({ host: '127.0.0.1', port: 0, servers: 6, seed: 1, speed: 60 });
  // A name with `&`, which Electron's menus read as a mnemonic marker (menu.ts of the stand-in).
  sim.renameServerUnchecked(sim.listServerIds()[0]!, 'R&D web');
  return { userDataFiles: profileWithStoredToken(sim), afterQuit: () => sim.close() };
});

test('an account stored earlier: the app starts signed in, polls its API with the stored token, and writes the token nowhere in plain text', async () => {
  const { tray, trayMenu, requests, userData } = booted();
  await expect.poll(() => tray().tooltip, { timeout: 10_000 }).toBe('VPS.org — 4 running, 1 stopped, 1 suspended');
  // A server first seen stopped or suspended may stop (expected-state alerts): nothing calls for attention.
  expect(tray().image.fileName).toBe('tray-okOnLight.png');
  expect(tray().image.isEmpty()).toBe(false);
  const labels = trayMenu().labels();
  expect(labels).not.toContain('Demo mode — simulated servers');
  expect(labels.filter((label) => / — .+ ▸$/.test(label))).toHaveLength(6);
  // The user reads the name as the API gave it: its `&` is neither dropped nor turned into a mnemonic.
  expect(labels.filter((label) => label.startsWith('R&D web — '))).toHaveLength(1);

  // Every request carried the stored token, and the server side saw each one the app sent.
  expect(sim.requests.length).toBeGreaterThan(0);
  expect(sim.requests.every((request) => request.authorized)).toBe(true);
  const simulatorPort = Number(new URL(sim.baseUrl).port);
  expect(requests.filter((request) => request.port === simulatorPort)).toHaveLength(sim.requests.length);

  // The profile from before several accounts is carried over: its token is now the listed account.
  const settings = JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')) as { accounts: unknown };
  expect(settings.accounts).toEqual([{ id: 'default', label: 'VPS.org' }]);

  const vault = readFileSync(join(userData, 'vault.json'), 'utf8');
  expect(vault).toMatch(/ciphertext/);
  for (const file of ['vault.json', 'settings.json', join('logs', 'main.log')])
    expect(readFileSync(join(userData, file), 'utf8')).not.toContain(sim.token);
});
