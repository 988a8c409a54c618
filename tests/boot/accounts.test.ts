// A second account added in the built app, booted end to end (boot-kit.ts): a profile in today's format
// (settings.json listing one account, the vault its token) polls simulator A; in the popup's Settings →
// Accounts the user adds a second one, whose token is checked at the address the settings name for new
// accounts (simulator B). A wrong token is refused there and nothing is stored; the right one joins:
// one merged list with each row's account, the tray's servers grouped under both account labels, each
// simulator polled with its own token, and no token in plain text anywhere in the profile.
// Platform: Linux (the test machine's), relying on its tray menu leading with the way in, and on menus
// as Electron builds them (electron-stand-in/menu.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { startSimulator, type Simulator } from '../../main/simulator/simulator';
import { profileWithAccounts, textsOfProfile, useBootedApp, writesIn } from './boot-kit';

const WRONG_TOKEN = 'not-the-token-of-lab-0123456789';

let simA: Simulator;
let simB: Simulator;
const booted = useBootedApp(async () => {
  // A: six servers (one stopped, one suspended); B: three of another seed.
  simA = await startSimulator({ host: '127.0.0.1', port: 0, servers: 6, seed: 1, speed: 60 });
  simB = await startSimulator({ host: '127.0.0.1', port: 0, servers: 3, seed: 2, speed: 60 });
  const office = { id: 'office', label: 'Office', baseUrl: simA.baseUrl, token: simA.token };
  return {
    // The stored account keeps its own address (in the vault); a new one is checked at apiBaseUrl.
    userDataFiles: profileWithAccounts([office], { apiBaseUrl: simB.baseUrl }),
    afterQuit: async () => {
      await Promise.all([simA.close(), simB.close()]);
    },
  };
});

/** A server's submenu in the tray menu ("name — status ▸"). */
const isServer = (label: string) => / — .+ ▸$/.test(label);

const portOf = (sim: Simulator) => Number(new URL(sim.baseUrl).port);

function storedSettings(userData: string): { accounts: Array<{ id: string; label: string }> } {
  return JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')) as {
    accounts: Array<{ id: string; label: string }>;
  };
}

function vaultIds(userData: string): string[] {
  const vault = JSON.parse(readFileSync(join(userData, 'vault.json'), 'utf8')) as {
    tokenVault: { accounts: Record<string, unknown> };
  };
  return Object.keys(vault.tokenVault.accounts);
}

/** The add form of Settings → Accounts. */
function addForm(page: Page) {
  const form = page.getByRole('form', { name: 'Add an account' });
  return {
    form,
    label: form.getByRole('textbox', { name: 'Account name' }),
    token: form.getByLabel('API token'),
    add: form.getByRole('button', { name: 'Add account' }),
  };
}

test('the stored account: the app starts signed in on simulator A; the address for new accounts is not polled', async () => {
  const { tray, requests } = booted();
  await expect.poll(() => tray().tooltip, { timeout: 10_000 }).toBe('VPS.org — 4 running, 1 stopped, 1 suspended');
  expect(simA.requests.length).toBeGreaterThan(0);
  expect(simA.requests.every((request) => request.authorized)).toBe(true);
  expect(requests.filter((request) => request.port === portOf(simB))).toEqual([]);
});

test('a wrong token in Settings → Accounts: refused with the reason, the form keeps what was typed, nothing stored', async () => {
  const app = booted();
  app.trayMenu().find('Open VPS.org Tray').click();
  const page = await app.popupPage();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Accounts' }).waitFor({ timeout: 10_000 });
  const { label, token, add } = addForm(page);
  await label.fill('Lab');
  await token.fill(WRONG_TOKEN);
  await add.click();

  await expect
    .poll(() => page.getByText('VPS.org did not accept this token', { exact: false }).count(), { timeout: 10_000 })
    .toBeGreaterThan(0);
  expect(await token.getAttribute('aria-invalid')).toBe('true');
  expect(await label.inputValue()).toBe('Lab');
  expect(await token.inputValue()).toBe(WRONG_TOKEN);

  // B was asked once, without its token, and nothing was written there or in the profile.
  expect(simB.requests.length).toBeGreaterThan(0);
  expect(simB.requests.every((request) => !request.authorized)).toBe(true);
  expect(writesIn(app.requests)).toEqual([]);
  expect(storedSettings(app.userData).accounts).toEqual([{ id: 'office', label: 'Office' }]);
  expect(vaultIds(app.userData)).toEqual(['office']);
  expect(app.popupWindow()?.webContents.pageErrors).toEqual([]);
});

test("B's token added: one merged list with both accounts' servers, the tray groups them by account, each simulator polled with its own token, no token in plain text", async () => {
  const app = booted();
  const page = await app.popupPage();
  const { label, token, add } = addForm(page);
  simB.clearRequests();
  await token.fill(simB.token);
  await add.click();

  // The new account is listed (and stored) and the form is empty again.
  await expect
    .poll(() => storedSettings(app.userData).accounts.map((account) => account.label))
    .toEqual(['Office', 'Lab']);
  const labId = storedSettings(app.userData).accounts[1]!.id;
  expect(vaultIds(app.userData).toSorted()).toEqual(['office', labId].toSorted());
  await expect.poll(() => token.inputValue()).toBe('');
  expect(await label.inputValue()).toBe('');
  expect(await page.locator('.account-list .account-label').allTextContents()).toEqual(['Office', 'Lab']);

  // The merged list: six servers of Office and three of Lab, each row saying whose it is.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect.poll(() => page.getByText('9 servers', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
  const rowAccounts = await page.locator('.row-account').allTextContents();
  expect(new Set(rowAccounts.map((text) => text.replace(' · ', '')))).toEqual(new Set(['Office', 'Lab']));

  // The tray: each account's label, then its servers.
  await expect.poll(() => app.trayMenu().labels().includes('Lab'), { timeout: 10_000 }).toBe(true);
  const labels = app.trayMenu().labels();
  const office = labels.indexOf('Office');
  const lab = labels.indexOf('Lab');
  expect(office).toBeGreaterThanOrEqual(0);
  expect(lab).toBeGreaterThan(office);
  expect(labels.slice(office + 1, lab).filter(isServer)).toHaveLength(6);
  expect(labels.slice(lab + 1).filter(isServer)).toHaveLength(3);
  expect(app.tray().tooltip).toMatch(/^VPS\.org — /);

  // Each simulator saw only its own token (the check and the polls of Lab at B, Office's polls at A).
  const simARequestsBefore = simA.requests.length;
  app.trayMenu().find('Refresh').click();
  await expect.poll(() => simA.requests.length).toBeGreaterThan(simARequestsBefore);
  expect(simA.requests.every((request) => request.authorized)).toBe(true);
  expect(simB.requests.length).toBeGreaterThan(1);
  expect(simB.requests.every((request) => request.authorized)).toBe(true);
  expect(writesIn(app.requests)).toEqual([]);

  // No token (nor the refused one) in plain text in any file the app wrote, the log included.
  const texts = textsOfProfile(app.userData);
  expect(texts.map(({ file }) => file)).toEqual(
    expect.arrayContaining(['settings.json', 'vault.json', join('logs', 'main.log')]),
  );
  for (const secret of [simA.token, simB.token, WRONG_TOKEN])
    for (const { file, text } of texts) expect(text.includes(secret), `${file} holds a token`).toBe(false);
  expect(app.popupWindow()?.webContents.pageErrors).toEqual([]);
});
