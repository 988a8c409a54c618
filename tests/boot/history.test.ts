// The history across a restart, in the built app booted end to end (boot-kit.ts): the profile is as the
// app left it when it quit after yesterday's run (history/events.jsonl with a reboot from the tray, its
// marks: last seen running, popup last closed). Started again, the app answers yesterday's history
// through the real preload, with names looked up now; the night it was not running is a gap, never up;
// and the file stays its owner's alone, with ids only. An export goes through the Save dialog.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { HistoryDigest, ServerHistory } from '../../common/history';
import type { Result } from '../../common/contract';
import type { ServerRef } from '../../common/servers';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../../main/simulator/simulator';
import { profileWithStoredToken, useBootedApp } from './boot-kit';
import { saveDialogRecord } from './electron-stand-in/desktop';

const HOUR = 60 * 60 * 1000;
const yesterday = Date.now() - 24 * HOUR;
let sim: Simulator;
let serverId = 0;

/** What yesterday's run wrote: the server first seen up, then rebooted from the tray. */
function yesterdaysFile(accountId: string, id: number): string {
  const at = yesterday;
  const action = { accountId, serverId: id, kind: 'action', action: 'reboot', source: 'tray' } as const;
  return [
    { at: at - 2 * HOUR, accountId, serverId: id, kind: 'status', from: null, to: 'active' },
    { ...action, at, outcome: 'sent' },
    { at: at + 1000, accountId, serverId: id, kind: 'status', from: 'active', to: 'rebooting' },
    { at: at + 40_000, accountId, serverId: id, kind: 'status', from: 'rebooting', to: 'active' },
    { ...action, at: at + 40_000, outcome: 'succeeded', tookMs: 40_000 },
  ]
    .map((event) => `${JSON.stringify(event)}\n`)
    .join('');
}

/** The page's window.vps, as far as this journey calls it. */
interface PageWithBridge {
  vps: {
    history: {
      server(ref: ServerRef): Promise<Result<ServerHistory>>;
      digest(): Promise<Result<HistoryDigest | null>>;
      export(request: { accountId: string; serverId: number; format: string }): Promise<Result<unknown>>;
    };
  };
}

async function historyOf(page: Page, ref: ServerRef): Promise<ServerHistory | null> {
  const result = await page.evaluate((asked) => (window as unknown as PageWithBridge).vps.history.server(asked), ref);
  return result.ok ? result.value : null;
}

const booted = useBootedApp(async () => {
  sim = await startSimulator({ host: '127.0.0.1', port: 0, servers: 6, seed: 1, speed: 60 });
  serverId = sim.listServerIds().find((id) => (sim.getServer(id) as { status: string }).status === 'active')!;
  return {
    userDataFiles: {
      ...profileWithStoredToken(sim),
      'history/events.jsonl': yesterdaysFile('default', serverId),
      'history/marks.json': { lastSeenAt: yesterday + HOUR, lastClosedAt: yesterday - 3 * HOUR },
    },
    afterQuit: () => sim.close(),
  };
});

test('started again, the app answers yesterday’s history through the preload, the night it was not running a gap', async () => {
  const app = booted();
  await expect.poll(() => app.tray().tooltip, { timeout: 10_000 }).toMatch(/running/);
  app.trayMenu().find('Open VPS.org Tray').click();
  const page = await app.popupPage();
  const ref = { accountId: 'default', id: serverId };
  const name = (sim.getServer(serverId) as { name: string }).name;

  // The name comes from the list, so once the first poll is in.
  await expect.poll(async () => (await historyOf(page, ref))?.name, { timeout: 10_000 }).toBe(name);
  const history = (await historyOf(page, ref))!;
  expect(history.entries).toContainEqual(
    expect.objectContaining({
      kind: 'action',
      at: yesterday,
      action: 'reboot',
      source: 'tray',
      outcome: 'succeeded',
      tookMs: 40_000,
      name,
    }),
  );
  // From yesterday's last sign of life until this run's first poll: not watched, so unknown.
  const gap = history.entries.find((entry) => entry.kind === 'gap');
  expect(gap).toMatchObject({ reason: 'not-running', at: yesterday + HOUR });
  expect(history.uptime.day.unknownMs).toBeGreaterThanOrEqual(23 * HOUR - 60_000);
  expect(history.uptime.day.upMs).toBeLessThan(HOUR);

  // The digest since the popup was last closed (before yesterday's reboot) tells of it.
  const digest = await page.evaluate(() => (window as unknown as PageWithBridge).vps.history.digest());
  expect(digest.ok && digest.value?.since).toBe(yesterday - 3 * HOUR);
  expect(digest.ok && digest.value?.entries).toContainEqual(expect.objectContaining({ kind: 'action', at: yesterday }));

  const file = join(app.userData, 'history', 'events.jsonl');
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(readFileSync(file, 'utf8')).not.toContain(name);

  // Exported through the Save dialog: written where the user chose, theirs alone; dismissed, nothing.
  const exported = join(app.userData, 'exported.csv');
  saveDialogRecord.paths.push(exported);
  const request = { accountId: 'default', serverId: serverId, format: 'csv' };
  const exportOf = (asked: typeof request) => (window as unknown as PageWithBridge).vps.history.export(asked);
  expect(await page.evaluate(exportOf, request)).toEqual({ ok: true, value: { outcome: 'saved' } });
  expect(saveDialogRecord.shown.at(-1)).toMatchObject({ defaultPath: expect.stringMatching(/^vps-history-.+\.csv$/) });
  expect(readFileSync(exported, 'utf8')).toMatch(/^at,until,kind,account,server_id,server,/);
  expect(readFileSync(exported, 'utf8')).toContain(`,${name},`);
  expect(statSync(exported).mode & 0o777).toBe(0o600);
  expect(await page.evaluate(exportOf, request)).toEqual({ ok: true, value: { outcome: 'cancelled' } });
});
