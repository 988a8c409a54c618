// Accessibility of every main screen, in light and dark: axe-core runs in the real page (real layout,
// real colours) and no violation of impact "serious" or "critical" is allowed.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import type { Popup } from '../../dev/harness';
import { serverIdByName, useJourney } from './journey-kit';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string; summary: string }>;
}

const journey = useJourney();
let axeSource: string;

beforeAll(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
});

/**
 * axe-core's serious and critical violations on the page as it is now. The script is evaluated over
 * the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an injected <script>.
 */
async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    interface AxeResult {
      violations: Array<{
        id: string;
        impact?: string | null;
        help: string;
        nodes: Array<{ target: unknown[]; failureSummary?: string }>;
      }>;
    }
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target.join(' '), summary: node.failureSummary ?? '' })),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** Every screen's verdict in one object, so one failure message lists them all. */
async function auditScreens(
  colorScheme: 'light' | 'dark',
): Promise<{ found: Record<string, AxeViolation[]>; popup: Popup }> {
  // A first run: the demo, then "Connect your account" leads to token setup.
  const backend = await journey.startBackend({ withToken: false, simulator: { speed: 400 } });
  const popup = await journey.openPopup(backend, { colorScheme });
  const { page } = popup;
  const found: Record<string, AxeViolation[]> = {};

  await page.getByRole('button', { name: 'Connect your account' }).waitFor();
  await page.getByRole('list', { name: 'Servers' }).getByRole('listitem').first().waitFor();
  found.demo = await seriousViolations(page);
  await page.getByRole('button', { name: 'Connect your account' }).click();
  await page.getByRole('heading', { name: 'Connect your VPS.org account' }).waitFor();
  found.tokenSetup = await seriousViolations(page);
  // With an error shown under the field, too.
  await page.getByLabel('API token').fill('not-the-token');
  await page.getByRole('button', { name: 'Save token' }).click();
  await page.getByText('VPS.org rejected this token.', { exact: false }).waitFor();
  found.tokenSetupError = await seriousViolations(page);

  await page.getByLabel('API token').fill(backend.sim.token);
  await page.getByRole('button', { name: 'Save token' }).click();
  const list = page.getByRole('list', { name: 'Servers' });
  await list.getByRole('button', { name: /^web-server-01 / }).waitFor();
  found.list = await seriousViolations(page);

  // The inline confirmation inside a row.
  await list.getByRole('button', { name: 'Reboot web-server-01' }).click();
  await page.getByRole('group', { name: 'Reboot web-server-01?' }).waitFor();
  found.listConfirm = await seriousViolations(page);
  await page.getByRole('group', { name: 'Reboot web-server-01?' }).getByRole('button', { name: 'Cancel' }).click();

  // "Since you last looked": a server stopped elsewhere while the popup was closed, seen on opening.
  backend.core.setPopupOpen(false);
  const stop = await fetch(`${backend.sim.baseUrl}/servers/${serverIdByName(backend.sim, 'db-server-01')}/stop/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${backend.sim.token}` },
  });
  expect(stop.ok).toBe(true);
  await expect
    .poll(
      async () => {
        await backend.core.refreshNow();
        return backend.sim.getServer(serverIdByName(backend.sim, 'db-server-01'));
      },
      { timeout: 20_000 },
    )
    .toMatchObject({ status: 'stopped' });
  await backend.core.refreshNow();
  backend.core.setPopupOpen(true);
  await page.getByRole('region', { name: 'Since you last looked' }).waitFor();
  found.digest = await seriousViolations(page);

  await list.getByRole('button', { name: /^web-server-01 / }).click();
  await page.getByRole('heading', { name: 'web-server-01', exact: true }).waitFor();
  await page.getByRole('heading', { name: 'Resource usage' }).waitFor();
  await page.getByRole('region', { name: 'History' }).locator('.uptime').waitFor();
  found.detail = await seriousViolations(page);

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('heading', { name: 'Edit web-server-01' }).waitFor();
  found.edit = await seriousViolations(page);
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('heading', { name: 'Resource usage' }).waitFor();
  await page.getByRole('button', { name: 'Back' }).click();

  await page.getByRole('button', { name: 'New server' }).click();
  await page.getByRole('heading', { name: 'New server' }).waitFor();
  found.create = await seriousViolations(page);
  // With validation messages shown.
  await page.getByRole('button', { name: 'Create server' }).click();
  await page.getByText('Please correct the marked fields.').waitFor();
  found.createErrors = await seriousViolations(page);
  await page.getByRole('button', { name: 'Back' }).click();

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  found.settings = await seriousViolations(page);
  return { found, popup };
}

const NO_VIOLATIONS = {
  demo: [],
  tokenSetup: [],
  tokenSetupError: [],
  list: [],
  listConfirm: [],
  digest: [],
  detail: [],
  edit: [],
  create: [],
  createErrors: [],
  settings: [],
};

test('every screen in the light theme has no serious or critical axe violation', async () => {
  const { found, popup } = await auditScreens('light');
  // On failure the diff prints each violation: rule, help text, elements and why.
  expect(found).toEqual(NO_VIOLATIONS);
  expect(popup.pageErrors).toEqual([]);
});

test('every screen in the dark theme has no serious or critical axe violation', async () => {
  const { found, popup } = await auditScreens('dark');
  // On failure the diff prints each violation: rule, help text, elements and why.
  expect(found).toEqual(NO_VIOLATIONS);
  expect(popup.pageErrors).toEqual([]);
});

test('the audit itself catches a real violation (an unlabelled field)', async () => {
  const backend = await journey.startBackend({ withToken: false, settings: { demoMode: false } });
  const popup = await journey.openPopup(backend);
  const { page } = popup;
  await page.getByRole('heading', { name: 'Connect your VPS.org account' }).waitFor();
  await page.evaluate(() => {
    document.querySelector('main')?.append(Object.assign(document.createElement('input'), { type: 'text' }));
  });
  const violations = await seriousViolations(page);
  expect(violations.map((violation) => violation.id)).toContain('label');
});
