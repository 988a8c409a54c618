// The popup figures, measured inside the page in headless Chromium (dev/page/paint-probe.ts), for ours
// (the built renderer) and the naive baseline (bench/baseline/popup/: every row in the DOM, all of them
// rendered again on every change), at 25 and 5 000 servers:
// - navigation start to the end of the first frame with rows (median of FIRST_ROWS_RUNS page loads);
// - rows in the DOM and the JS heap after a garbage collection, once the rows are up;
// - at 25, the window kept (hidden, page loaded): a tray click to the current rows painted (main's
//   `popupShown` with a delta that came while it was hidden, to the end of the frame that shows it), and
//   the memory such a kept window holds (the renderers' private memory with it open, minus without it);
// - at 5 000: search keystroke to the next paint (p95) with the longest task while typing, and a click
//   on Reboot to the pending state painted (p95).
// What main would answer is recorded first from the real core (simulator account, first poll done), then
// served by a SharedWorker (dev/page/recorded-main.ts) over a MessagePort: the snapshot reaches the page
// by structured clone on another thread, as Electron's IPC delivers it. Power calls are never answered.
// Run: npx tsx bench/popup.ts   (needs /usr/bin/chromium). Prints numbers, reports figures.
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serialize } from 'node:v8';
import { build } from 'vite';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { EventChannel, InvokeChannel, type Result, type ServerView } from '../common/contract';
import { bundlePageScript, freshAssetsDir, removeAssetsDir, rendererDirOf } from '../dev/assets';
import { launchChromium, startBackend } from '../dev/harness';
import type { PaintProbe } from '../dev/page/paint-probe';
import { startStaticServer, type ExtraRoute } from '../dev/static-server';
import { CONTENT_SECURITY_POLICY } from '../main/desktop/security';
import { rendererBundle } from '../scripts/bundles';
import { median, reportFigures, type FigurePart } from './results';
import { fullOrQuick } from './scale';

/** A glance's fleet, and the large one typed and clicked in. */
const [FEW, MANY] = fullOrQuick([25, 5000], [25, 500]);
const COUNTS = [FEW, MANY];
const FIRST_ROWS_RUNS = fullOrQuick(5, 1);
/** Each typed into the search, then erased key by key: 22 keystrokes, narrowing then widening to every server. */
const TYPED = ['web-10', 'api-2'];
const CLICKS = fullOrQuick(20, 2);
/** Warm opens of the kept window timed (median). */
const WARM_SHOWS = fullOrQuick(21, 2);
/** Kept in step with dev/page/port-bridge.ts. */
const RECORDED_MAIN_PATH = '/__bench/recorded-main.js';
const RECORDED_MAIN_NAME = 'vps-recorded-main';
const SETUP_PATH = '/__bench/setup.html';
/** The channels the popups call before their first rows (ours, the baseline's); anything else waits forever. */
const RECORDED_CHANNELS = [InvokeChannel.popupBootstrap, InvokeChannel.fleetSubscribe] as const;

declare global {
  interface Window {
    vpsBench: PaintProbe;
    benchRecordedMain?: SharedWorker;
  }
}

interface Subject {
  side: 'ours' | 'baseline';
  /** The built page: index.html and its assets. */
  root: string;
}

interface PopupFigures {
  firstRowsMs: number;
  warmShowMs?: number;
  hiddenWindowBytes?: number;
  domRows: number;
  heapBytes: number;
  keystrokeP95Ms?: number;
  longestTaskMs?: number;
  clickP95Ms?: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** The servers of the recorded bootstrap (what the popup shows). */
function fleetOf(answers: Record<string, unknown>): ServerView[] {
  const boot = answers[InvokeChannel.popupBootstrap] as Result<{ fleet: { servers: ServerView[] } }>;
  if (!boot.ok) throw new Error('the recorded bootstrap failed');
  return boot.value.fleet.servers;
}

function p95(values: readonly number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
}

/** The real core's answers to the popup's start-up calls, with a simulator account of `servers`. */
async function recordAnswers(assetsDir: string, servers: number): Promise<Record<string, unknown>> {
  const backend = await startBackend({
    withToken: true,
    assetsDir,
    simulator: { servers, pageSize: 500 },
    // A click on Reboot sends at once (no inline question), so the click leads straight to pending.
    settings: { confirmations: { reboot: false } },
  });
  try {
    await backend.core.refreshNow();
    const answers: Record<string, unknown> = {};
    for (const channel of RECORDED_CHANNELS)
      answers[channel] = await backend.core.router.handle(channel, undefined, { url: backend.pageUrl });
    return answers;
  } finally {
    await backend.close();
  }
}

/** Keystrokes in the search box, each timed from its keydown to the next paint, inside the page. */
async function typeInSearch(page: Page, total: number): Promise<{ p95Ms: number; longestTaskMs: number }> {
  const search = page.locator('input[type="search"]').first();
  await search.focus();
  const tasksBefore = (await page.evaluate(() => window.vpsBench.longTasks())).length;
  const latencies: number[] = [];
  const press = async (key: string) => {
    await page.evaluate(() => window.vpsBench.arm('keydown'));
    await page.keyboard.press(key);
    latencies.push(await page.evaluate(() => window.vpsBench.result()));
  };
  for (const word of TYPED) {
    for (const key of word) await press(key);
    // The search did narrow the list (else the keystrokes measured nothing).
    const rows = await page.locator('.server-list li').allTextContents();
    if (rows.length === 0 || rows.length >= total || !rows.every((row) => row.includes(word)))
      throw new Error(`the search for ${word} did not filter the list (${rows.length} rows)`);
    for (const _ of word) await press('Backspace');
  }
  const longTasks = (await page.evaluate(() => window.vpsBench.longTasks())).slice(tasksBefore);
  // Chromium reports only tasks of 50 ms or more; without one, the longest keystroke-to-paint bounds
  // every task that ran while typing.
  const longestTaskMs = longTasks.length > 0 ? Math.max(...longTasks) : Math.max(...latencies);
  return { p95Ms: p95(latencies), longestTaskMs };
}

/**
 * Warm opens of a window that is already there: each is main's `popupShown` (a tray click on the kept
 * window) with a delta that came while it was hidden (one server's status changed), timed in the page
 * from the events to the end of the frame whose rows show the change. What the OS takes to show a hidden
 * window is not in it (no Electron here).
 */
async function warmShows(page: Page, servers: readonly ServerView[]): Promise<number> {
  const times: number[] = [];
  const byName = new Map(servers.map((view) => [view.server.name, view]));
  for (let show = 0; show < WARM_SHOWS; show++) {
    // The server of the top row changes (so the change is in view): stopped, or running again.
    const name = await page.locator('.server-list li .row-name').first().textContent();
    const changed = byName.get(name ?? '');
    if (!changed) throw new Error(`no server named ${name}`);
    const status = changed.server.status === 'active' ? 'stopped' : 'active';
    const next = { ...changed, server: { ...changed.server, status } };
    byName.set(next.server.name, next);
    const upserted = [next];
    const delta = {
      upserted,
      removed: [],
      status: { lastSuccessAt: Date.now(), stale: null, refreshing: false, loaded: true },
    };
    times.push(
      await page.evaluate((events) => window.vpsBench.emitUntilRowsChange(events), [
        [EventChannel.fleetChanged, delta],
        [EventChannel.popupShown, { view: null }],
      ] satisfies Array<[string, unknown]>),
    );
  }
  return median(times);
}

/** Private memory (bytes) of every Chromium renderer process of this machine's user. */
async function rendererPrivateBytes(): Promise<number> {
  let total = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer')) continue;
      const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
      for (const match of rollup.matchAll(/^Private_(?:Clean|Dirty):\s+(\d+) kB/gm)) total += Number(match[1]) * 1024;
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

/** A second for the renderer's memory to settle after a collection or a close. */
const settled = () => new Promise((resolveLater) => setTimeout(resolveLater, 1000));

/**
 * What a kept window holds: the renderers' private memory with the popup open (rows up, after a
 * collection), minus after it is closed (its renderer gone, or its part of a shared one given back).
 */
async function keptWindowBytes(page: Page, cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await settled();
  const open = await rendererPrivateBytes();
  await page.close();
  await settled();
  return open - (await rendererPrivateBytes());
}

/** Clicks on Reboot of servers not yet pending, each timed from its click to its row's progress painted. */
async function clickReboots(page: Page): Promise<number> {
  const latencies: number[] = [];
  const notPending = page.locator('.server-list li:not(:has(.progress)) .power-reboot');
  for (let click = 0; click < CLICKS; click++) {
    // Our list renders only the rows in view, trouble first: running servers are at the end, and once
    // those in view are all pending, the next ones are a scroll up.
    for (let scroll = 0; (await notPending.count()) === 0; scroll++) {
      if (scroll > 50) throw new Error('no server to reboot');
      await page.evaluate(
        (first) => {
          const scroller = document.querySelector('.list-scroller');
          if (scroller) scroller.scrollTop = first ? scroller.scrollHeight : scroller.scrollTop - scroller.clientHeight;
        },
        scroll === 0 && click === 0,
      );
    }
    await page.evaluate(() => window.vpsBench.arm('click'));
    await notPending.first().click();
    latencies.push(await page.evaluate(() => window.vpsBench.result()));
  }
  return p95(latencies);
}

async function measure(
  browser: Browser,
  subject: Subject,
  scripts: { worker: string; bridge: string; probe: string },
  answers: Record<string, unknown>,
  servers: number,
): Promise<PopupFigures> {
  const extraRoute: ExtraRoute = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === RECORDED_MAIN_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(scripts.worker);
      return true;
    }
    if (path === SETUP_PATH) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>set-up</title>');
      return true;
    }
    return false;
  };
  const server = await startStaticServer({ root: subject.root, csp: CONTENT_SECURITY_POLICY, extraRoute });
  const context = await browser.newContext({ viewport: { width: 380, height: 560 }, locale: 'en-US' });
  try {
    // The stand-in for main gets the answers before any popup opens, and lives as long as this page.
    const setup = await context.newPage();
    await setup.goto(`${server.url}${SETUP_PATH.slice(1)}`);
    await setup.evaluate(
      async ({ path, name, recorded }) => {
        const worker = new SharedWorker(path, { name });
        window.benchRecordedMain = worker;
        await new Promise<void>((resolveRecorded) => {
          worker.port.addEventListener('message', () => resolveRecorded());
          worker.port.start();
          // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a MessagePort has no target origin
          worker.port.postMessage({ kind: 'record', answers: recorded });
        });
      },
      { path: RECORDED_MAIN_PATH, name: RECORDED_MAIN_NAME, recorded: answers },
    );

    const openPopup = async () => {
      const page = await context.newPage();
      await page.addInitScript({ content: scripts.bridge });
      await page.addInitScript({ content: scripts.probe });
      await page.goto(`${server.url}index.html`);
      const firstRowsMs = await Promise.race([
        page.evaluate(() => window.vpsBench.firstRowsAt),
        // Unref'd: a guard that never fired must not hold the script's exit for 30 s.
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`${subject.side}: no rows after 30 s`)), 30_000).unref(),
        ),
      ]);
      return { page, firstRowsMs };
    };
    const firstRows: number[] = [];
    for (let run = 1; run < FIRST_ROWS_RUNS; run++) {
      const { page, firstRowsMs } = await openPopup();
      firstRows.push(firstRowsMs);
      await page.close();
    }
    // The last load stays open for the other figures.
    const { page, firstRowsMs } = await openPopup();
    firstRows.push(firstRowsMs);

    const domRows = await page.locator('.server-list li').count();
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heapBytes = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;

    const figures: PopupFigures = { firstRowsMs: median(firstRows), domRows, heapBytes };
    if (servers < MANY) {
      if (subject.side === 'ours') figures.warmShowMs = await warmShows(page, fleetOf(answers));
      figures.hiddenWindowBytes = await keptWindowBytes(page, cdp);
    }
    if (servers >= MANY) {
      const typing = await typeInSearch(page, servers);
      figures.keystrokeP95Ms = typing.p95Ms;
      figures.longestTaskMs = typing.longestTaskMs;
      figures.clickP95Ms = await clickReboots(page);
    }
    console.log(
      `${subject.side.padEnd(8)} ${String(servers).padStart(5)} servers: first rows ${firstRows.map((ms) => ms.toFixed(0)).join(' / ')} ms` +
        ` (median ${figures.firstRowsMs.toFixed(0)}), ${domRows} rows in the DOM, heap ${(heapBytes / 2 ** 20).toFixed(1)} MB` +
        (figures.hiddenWindowBytes === undefined
          ? ''
          : `, kept window ${(figures.hiddenWindowBytes / 2 ** 20).toFixed(1)} MB private`) +
        (figures.warmShowMs === undefined ? '' : `, warm show ${figures.warmShowMs.toFixed(1)} ms`) +
        (figures.keystrokeP95Ms === undefined
          ? ''
          : `, keystroke p95 ${figures.keystrokeP95Ms.toFixed(1)} ms, longest task ${figures.longestTaskMs?.toFixed(1)} ms, click to pending p95 ${figures.clickP95Ms?.toFixed(1)} ms`),
    );
    return figures;
  } finally {
    await context.close();
    await server.close();
  }
}

const assetsDir = freshAssetsDir();
const browser = await launchChromium();
try {
  const baselineRoot = join(assetsDir, 'baseline-popup');
  await Promise.all([
    build(rendererBundle(rendererDirOf(assetsDir))),
    build({
      configFile: false,
      logLevel: 'warn',
      root: resolve('bench/baseline/popup'),
      base: './',
      build: { outDir: baselineRoot, emptyOutDir: true, target: 'chrome130', modulePreload: { polyfill: false } },
    }),
    bundlePageScript(assetsDir, 'dev/page/recorded-main.ts', 'recorded-main.js'),
    bundlePageScript(assetsDir, 'dev/page/port-bridge.ts', 'port-bridge.js'),
    bundlePageScript(assetsDir, 'dev/page/paint-probe.ts', 'paint-probe.js'),
  ]);
  const scripts = {
    worker: await readFile(join(assetsDir, 'recorded-main.js'), 'utf8'),
    bridge: await readFile(join(assetsDir, 'port-bridge.js'), 'utf8'),
    probe: await readFile(join(assetsDir, 'paint-probe.js'), 'utf8'),
  };
  const subjects: Subject[] = [
    { side: 'ours', root: rendererDirOf(assetsDir) },
    { side: 'baseline', root: baselineRoot },
  ];

  const parts: FigurePart[] = [];
  const figure = (side: Subject['side'], name: string, unit: string, value: number | undefined) => {
    if (value !== undefined)
      parts.push(side === 'ours' ? { name, unit, ours: value } : { name, unit, baseline: value });
  };
  for (const servers of COUNTS) {
    const answers = await recordAnswers(assetsDir, servers);
    const snapshotBytes = serialize(answers[InvokeChannel.fleetSubscribe]).length;
    console.log(`${servers} servers: the snapshot is ${(snapshotBytes / 2 ** 20).toFixed(2)} MB structured-cloned`);
    for (const subject of subjects) {
      const measured = await measure(browser, subject, scripts, answers, servers);
      const { side } = subject;
      figure(side, `popup.firstRows.${servers}.ms`, 'ms', round1(measured.firstRowsMs));
      figure(side, `popup.domRows.${servers}`, 'rows', measured.domRows);
      figure(side, `popup.heap.${servers}.bytes`, 'bytes', Math.round(measured.heapBytes));
      figure(side, 'popup.show.warm.ms', 'ms', measured.warmShowMs && round1(measured.warmShowMs));
      figure(side, 'popup.hiddenWindow.bytes', 'bytes', measured.hiddenWindowBytes);
      figure(side, 'popup.keystroke.p95.ms', 'ms', measured.keystrokeP95Ms && round1(measured.keystrokeP95Ms));
      figure(side, 'popup.longestTask.ms', 'ms', measured.longestTaskMs && round1(measured.longestTaskMs));
      figure(side, 'popup.clickToPending.p95.ms', 'ms', measured.clickP95Ms && round1(measured.clickP95Ms));
    }
  }
  reportFigures(parts);
} finally {
  await browser.close();
  await removeAssetsDir(assetsDir);
}
