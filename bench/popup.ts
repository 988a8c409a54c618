// The popup at scale, in headless Chromium: the real renderer against the real core and a simulator
// account of N servers. Measures time from navigation to the first rows on screen, rows in the DOM
// (virtualised list), the page's JS heap, and the time to filter the list by typing in the search box.
// Run: npx tsx bench/popup.ts [servers=5000]   (needs /usr/bin/chromium). Prints numbers only.
import { buildE2eAssets, freshAssetsDir, removeAssetsDir } from '../dev/assets';
import { launchChromium, openPopup, startBackend } from '../dev/harness';
import { reportFigures } from './results';

const servers = Number(process.argv[2] ?? 5000);

// Its own build folder, so a test run at the same time cannot replace the files under it.
const assetsDir = await buildE2eAssets(freshAssetsDir());
const browser = await launchChromium();
const backend = await startBackend({ withToken: true, assetsDir, simulator: { servers, pageSize: 500 } });
try {
  // Let the core's first poll finish so the measurement is the renderer's, not the network's.
  await backend.core.refreshNow();
  const popup = await openPopup(browser, backend);
  const { page } = popup;
  await page.locator('.server-list li').first().waitFor();
  const firstRowsMs = await page.evaluate(() => performance.now());
  const rowsInDom = await page.locator('.server-list li').count();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heapBytes = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  const heapMb = heapBytes / 2 ** 20;
  const nodes = metrics.find((m) => m.name === 'Nodes')?.value ?? 0;

  // The harness's bridge (a Playwright binding, JSON) is far slower than Electron's structured-clone
  // IPC for a large snapshot; measure it alone so the renderer's own share can be told apart.
  const snapshotRoundTripMs = await page.evaluate(async () => {
    const started = performance.now();
    await window.vps.fleet.subscribe();
    return performance.now() - started;
  });
  const snapshotBytes = JSON.stringify(
    await backend.core.router.handle('vps:fleet:subscribe', undefined, { url: backend.pageUrl }),
  ).length;

  const search = page
    .getByRole('searchbox')
    .or(page.getByLabel(/search/i))
    .first();
  const filterStarted = performance.now();
  await search.fill('web-server-01');
  await page.waitForFunction(() => document.querySelectorAll('.server-list li').length <= 2);
  const filterMs = performance.now() - filterStarted;

  console.log(`popup with ${servers} servers (headless Chromium)`);
  console.log(`  navigation -> first rows        ${firstRowsMs.toFixed(0)} ms`);
  console.log(
    `  of which snapshot over the bridge ${snapshotRoundTripMs.toFixed(0)} ms (${(snapshotBytes / 2 ** 20).toFixed(1)} MB JSON via the test binding)`,
  );
  console.log(`  rows in the DOM                 ${rowsInDom} (virtualised)`);
  console.log(`  DOM nodes                       ${nodes}`);
  console.log(`  JS heap used                    ${heapMb.toFixed(1)} MB`);
  console.log(`  search filter applied           ${filterMs.toFixed(0)} ms (incl. Playwright round trips)`);
  // Only the figures this harness measures as the app would see them: the first-rows and search times
  // above include the test binding's JSON round trips, so they are not reported as the figures.
  reportFigures([
    { name: `popup.domRows.${servers}`, unit: 'rows', ours: rowsInDom },
    { name: `popup.heap.${servers}.bytes`, unit: 'bytes', ours: Math.round(heapBytes) },
  ]);
  await popup.close();
} finally {
  await backend.close();
  await browser.close();
  await removeAssetsDir(assetsDir);
}
