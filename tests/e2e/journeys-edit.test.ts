// Journeys that change servers: create (and its validation and 402), edit with PUT, inline rename with
// PATCH, delete behind the typed name. The simulator's request log shows what VPS.org received.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { row, rowStatus, serverIdByName, useJourney, writes } from './journey-kit';

const journey = useJourney();

async function openDetail(page: Page, name: string): Promise<void> {
  // The row's main button is named by its content, which starts with the server's name.
  await row(page, name)
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
  await page.getByRole('heading', { name, exact: true, level: 2 }).waitFor();
}

function errorOf(page: Page, label: string): Promise<string | null> {
  return page.getByLabel(label, { exact: true }).evaluate((input) => {
    const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
    const texts = ids.map((id) => document.getElementById(id)?.textContent ?? '').filter((text) => text !== '');
    return input.getAttribute('aria-invalid') === 'true' ? texts.join(' ') : null;
  });
}

test('create: validation while typing, then the new server shows as provisioning at once and becomes running by itself', async () => {
  // Speed 100: provisioning (2-5 simulated minutes) lasts 1-3 s.
  const { page, popup, sim } = await journey.openList({ speed: 100 });

  await page.getByRole('button', { name: 'New server' }).click();
  await page.getByRole('heading', { name: 'New server' }).waitFor();
  const name = page.getByLabel('Name', { exact: true });

  // The format is checked as you type: the message shows while the field still has the focus.
  await name.pressSequentially('-oops');
  await expect.poll(() => errorOf(page, 'Name')).toContain('letters, digits and hyphens');
  expect(await name.evaluate((input) => input === document.activeElement)).toBe(true);
  await name.fill('api-02');
  expect(await errorOf(page, 'Name')).toBeNull();
  await name.pressSequentially(' x');
  await expect.poll(() => errorOf(page, 'Name')).toContain('letters, digits and hyphens');
  await name.fill('api-02');
  expect(await errorOf(page, 'Name')).toBeNull();

  // The choices come from the account's existing servers.
  await page.getByLabel('Plan', { exact: true }).selectOption({ label: 'Performance VPS (#2)' });
  await page.getByLabel('Operating system', { exact: true }).selectOption({ label: 'Debian 12 (#3)' });
  await page.getByLabel('Location', { exact: true }).selectOption({ label: 'eu-central' });
  expect(writes(sim)).toEqual([]);
  await page.getByRole('button', { name: 'Create server' }).click();

  await expect.poll(() => rowStatus(page, 'api-02')).toBe('provisioning');
  expect(writes(sim)).toEqual([
    {
      method: 'POST',
      path: '/api/v1/servers/',
      body: { name: 'api-02', plan_id: 2, os_id: 3, location: 'eu-central', backups_enabled: false },
    },
  ]);
  await expect.poll(() => rowStatus(page, 'api-02'), { timeout: 10_000 }).toBe('running');
  await expect.poll(() => page.getByText('13 servers').count()).toBe(1);
  expect(writes(sim)).toHaveLength(1);
  expect(popup.pageErrors).toEqual([]);
});

test('create without credits: "insufficient credits" said plainly, every input keeps its value', async () => {
  const { page, popup, sim } = await journey.openList();
  sim.setCredits(0);

  await page.getByRole('button', { name: 'New server' }).click();
  await page.getByLabel('Name', { exact: true }).fill('api-03');
  await page.getByLabel('Plan', { exact: true }).selectOption({ label: 'Starter VPS (#3)' });
  await page.getByLabel('Operating system', { exact: true }).selectOption({ label: 'Fedora 40 (#8)' });
  await page.getByLabel('Location', { exact: true }).selectOption({ label: 'us-west' });
  await page.getByLabel('Hostname (optional)', { exact: true }).fill('api-03.example.com');
  await page.getByRole('checkbox', { name: 'Automatic backups' }).check();
  await page.getByRole('button', { name: 'Create server' }).click();

  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Insufficient credits/);
  expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('api-03');
  expect(await page.getByLabel('Plan', { exact: true }).inputValue()).toBe('3');
  expect(await page.getByLabel('Operating system', { exact: true }).inputValue()).toBe('8');
  expect(await page.getByLabel('Location', { exact: true }).inputValue()).toBe('us-west');
  expect(await page.getByLabel('Hostname (optional)', { exact: true }).inputValue()).toBe('api-03.example.com');
  expect(await page.getByRole('checkbox', { name: 'Automatic backups' }).isChecked()).toBe(true);
  expect(writes(sim)).toEqual([
    {
      method: 'POST',
      path: '/api/v1/servers/',
      body: {
        name: 'api-03',
        plan_id: 3,
        os_id: 8,
        location: 'us-west',
        hostname: 'api-03.example.com',
        backups_enabled: true,
      },
    },
  ]);
  expect(sim.listServerIds()).toHaveLength(12);
  expect(popup.pageErrors).toEqual([]);
});

test('edit with PUT (all three fields), then an inline rename with PATCH of only the name', async () => {
  const { page, popup, sim } = await journey.openList();
  const id = serverIdByName(sim, 'web-server-01');

  await openDetail(page, 'web-server-01');
  await page.getByText('web01.example.com').waitFor();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('heading', { name: 'Edit web-server-01' }).waitFor();
  const hostname = page.getByLabel('Hostname', { exact: true });
  await expect.poll(() => hostname.inputValue()).toBe('web01.example.com');
  await hostname.fill('www.example.org');
  // web-server-01 has backups on; switch them off.
  await page.getByRole('checkbox', { name: 'Automatic backups' }).uncheck();
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  await page.getByText('Saved.').waitFor();
  await page.getByText('www.example.org').waitFor();
  expect(await page.getByText('web01.example.com').count()).toBe(0);
  expect(writes(sim)).toEqual([
    {
      method: 'PUT',
      path: `/api/v1/servers/${id}/`,
      body: { name: 'web-server-01', hostname: 'www.example.org', backups_enabled: false },
    },
  ]);
  expect(sim.getServer(id)).toMatchObject({ hostname: 'www.example.org', backups_enabled: false });

  await page.getByRole('button', { name: 'Rename web-server-01' }).click();
  const newName = page.getByLabel('New name');
  await newName.fill('web-server-99');
  await newName.press('Enter');
  await page.getByRole('heading', { name: 'web-server-99', exact: true, level: 2 }).waitFor();
  expect(writes(sim).slice(1)).toEqual([
    { method: 'PATCH', path: `/api/v1/servers/${id}/`, body: { name: 'web-server-99' } },
  ]);

  await page.getByRole('button', { name: 'Back' }).click();
  await row(page, 'web-server-99').waitFor();
  expect(await row(page, 'web-server-01').count()).toBe(0);
  expect(sim.getServer(id)).toMatchObject({ name: 'web-server-99', hostname: 'www.example.org' });
  expect(writes(sim)).toHaveLength(2);
  expect(popup.pageErrors).toEqual([]);
});

test('delete: the button stays disabled until the exact name is typed; one DELETE; the server leaves the list', async () => {
  const { page, popup, sim } = await journey.openList();
  const id = serverIdByName(sim, 'cdn-01');

  await openDetail(page, 'cdn-01');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const typed = page.getByLabel('Type cdn-01 to confirm');
  const confirm = page.getByRole('button', { name: 'Delete permanently' });
  expect(await confirm.isDisabled()).toBe(true);
  for (const almost of ['cdn-0', 'CDN-01', 'cdn-01 ']) {
    await typed.fill(almost);
    expect(await confirm.isDisabled()).toBe(true);
  }
  await typed.press('Enter');
  expect(writes(sim)).toEqual([]);

  await typed.fill('cdn-01');
  await expect.poll(() => confirm.isEnabled()).toBe(true);
  await confirm.click();

  await page.getByRole('list', { name: 'Servers' }).waitFor();
  await expect.poll(() => page.getByText('11 servers').count()).toBe(1);
  expect(await row(page, 'cdn-01').count()).toBe(0);
  expect(writes(sim)).toEqual([{ method: 'DELETE', path: `/api/v1/servers/${id}/`, body: undefined }]);
  expect(sim.getServer(id)).toBeUndefined();
  expect(popup.pageErrors).toEqual([]);
});
