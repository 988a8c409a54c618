// The history across a restart, in the built app booted end to end (boot-kit.ts). Yesterday's run is the
// app's own core (main/core.ts, the code the bundle is built from) on a clock a day behind, with its
// history in a profile folder: the popup opened and closed, a reboot from the tray to its end, then quit.
// (The bundle's entry runs once per process, so that first run is the core, not a second boot.) Started
// again on that profile, the built app answers yesterday's history through the real preload, with names
// looked up now; the night it was not running is a gap, never up; and the file stays its owner's alone,
// with ids only. An export goes through the Save dialog.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { HistoryDigest, ServerHistory } from '../../common/history';
import { EventChannel, type Result } from '../../common/contract';
import { createMemoryPorts, createMemoryVault } from '../../dev/memory-ports';
import { createCore } from '../../main/core';
import type { ServerRef } from '../../common/servers';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../../main/simulator/simulator';
import { profileWithStoredToken, useBootedApp } from './boot-kit';
import { saveDialogRecord } from './electron-stand-in/desktop';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
let sim: Simulator;
let serverId = 0;
/** What yesterday's run left in history/marks.json: its last sign of life, the popup last closed. */
let yesterdaysMarks: { lastSeenAt: number; lastClosedAt: number };

/** Yesterday's run of the core, a day behind: what it left in its history folder, by file name. */
async function yesterdaysRun(simulator: Simulator, id: number): Promise<Record<string, string>> {
  const directory = mkdtempSync(join(tmpdir(), 'vps-yesterday-'));
  const vault = createMemoryVault([
    { account: { id: 'default', label: 'VPS.org', baseUrl: simulator.baseUrl }, token: simulator.token },
  ]);
  const core = createCore({
    ...createMemoryPorts({ vault }),
    historyDirectory: directory,
    now: () => Date.now() - DAY,
  });
  const finished = new Promise<void>((resolveFinished) =>
    core.onEvent((channel) => void (channel === EventChannel.actionFinished && resolveFinished())),
  );
  try {
    await core.start();
    await core.refreshNow();
    core.setPopupOpen(true);
    core.setPopupOpen(false);
    await core.powerAction({ accountId: 'default', id }, 'reboot', 'tray');
    await finished;
  } finally {
    await core.stop();
  }
  const files = Object.fromEntries(
    ['events.jsonl', 'marks.json'].map((name) => [`history/${name}`, readFileSync(join(directory, name), 'utf8')]),
  );
  rmSync(directory, { recursive: true, force: true });
  return files;
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
  const yesterday = await yesterdaysRun(sim, serverId);
  yesterdaysMarks = JSON.parse(yesterday['history/marks.json']!) as typeof yesterdaysMarks;
  return {
    userDataFiles: { ...profileWithStoredToken(sim), ...yesterday },
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
  const { lastSeenAt, lastClosedAt } = yesterdaysMarks;
  // Yesterday's reboot from the tray, to its end, as that run recorded it.
  const reboot = history.entries.find((entry) => entry.kind === 'action' && entry.outcome === 'succeeded');
  expect(reboot).toMatchObject({ action: 'reboot', source: 'tray', name, tookMs: expect.any(Number) });
  expect(reboot!.at).toBeGreaterThan(lastClosedAt);
  expect(reboot!.at).toBeLessThan(Date.now() - DAY + HOUR);
  // From yesterday's last sign of life until this run's first poll: not watched, so unknown.
  const gap = history.entries.find((entry) => entry.kind === 'gap');
  expect(gap).toMatchObject({ reason: 'not-running', at: lastSeenAt });
  expect(history.uptime.day.unknownMs).toBeGreaterThanOrEqual(23 * HOUR);
  expect(history.uptime.day.upMs).toBeLessThan(HOUR);

  // The digest since the popup was last closed (before yesterday's reboot) tells of it.
  const digest = await page.evaluate(() => (window as unknown as PageWithBridge).vps.history.digest());
  expect(digest.ok && digest.value?.since).toBe(lastClosedAt);
  expect(digest.ok && digest.value?.entries).toContainEqual(
    expect.objectContaining({ kind: 'action', at: reboot!.at }),
  );

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
