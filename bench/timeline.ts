// popup.timeline.7d.ms: the detail's History (uptime, strips, the last 7 days' timeline) of a busy server
// rendered in headless Chromium, from its mount to the end of the first frame that shows the timeline
// (median of RUNS), timed inside the page (dev/page/timeline-bench.ts). The history is answered at once,
// so main's query is not in it (main's own figures time that). Run: npx tsx bench/timeline.ts
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { launchChromium } from '../dev/harness';
import { popupJsx } from '../scripts/bundles';
import { median, reportFigures } from './results';

/** A server flapping every ~20 minutes for a week, with its actions, alerts and gaps. */
const ENTRIES = 2000;
const RUNS = 11;

const outDir = await mkdtemp(join(tmpdir(), 'vps-timeline-bench-'));
try {
  // Built as the popup is (classic JSX, minified, Preact's production build).
  await build({
    configFile: false,
    logLevel: 'warn',
    oxc: { jsx: popupJsx },
    resolve: { conditions: ['production'] },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'chrome130',
      lib: {
        entry: resolve('dev/page/timeline-bench.ts'),
        formats: ['iife'],
        name: 'vpsTimelineBench',
        fileName: () => 'bench.js',
      },
    },
  });
  const [script, styles] = await Promise.all([
    readFile(join(outDir, 'bench.js'), 'utf8'),
    readFile('renderer/styles.css', 'utf8'),
  ]);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 380, height: 640 } });
    await page.setContent(
      `<!doctype html><html lang="en"><head><style>${styles}</style></head><body><div id="app" class="app-main"></div></body></html>`,
    );
    await page.addScriptTag({ content: script });
    // One run first: the code's first compile is not the user's second look. (A string, as this file
    // is checked without DOM types; dev/page/timeline-bench.ts declares the function.)
    await page.evaluate(`window.vpsTimelineBench(${ENTRIES}, 1)`);
    const times = await page.evaluate<number[]>(`window.vpsTimelineBench(${ENTRIES}, ${RUNS})`);
    const ms = Math.round(median(times) * 10) / 10;
    console.log(
      `timeline of ${ENTRIES} entries over 7 days: median ${ms} ms (${times.map((time) => time.toFixed(1)).join(', ')})`,
    );
    reportFigures([{ name: 'popup.timeline.7d.ms', unit: 'ms', ours: ms }]);
  } finally {
    await browser.close();
  }
} finally {
  await rm(outDir, { recursive: true, force: true });
}
