// Builds what the harness serves: the real renderer (the configuration `npm run build` uses) and the
// page-side bridge scripts, into a folder of their own so a run never depends on a stale `dist/`.
// Each e2e run builds into a fresh folder under .tmp/e2e (global-setup.ts hands it to the test
// workers), so two runs at once never overwrite or delete each other's files.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { rendererBundle } from '../../scripts/bundles';

/** Parent of every build folder. */
export const E2E_ASSETS_ROOT = resolve('.tmp/e2e');
/** Where `buildE2eAssets()` builds and the harness looks when not told otherwise (bench/popup.ts). */
export const DEFAULT_ASSETS_DIR = join(E2E_ASSETS_ROOT, 'default');
/** Run folders older than this are left-overs of runs that ended without their teardown. */
export const STALE_RUN_DIR_MS = 60 * 60_000;
const RUN_DIR_PREFIX = 'run-';

export type BridgeScriptName = 'binding-bridge.js' | 'http-bridge.js';

/** A new, not yet existing build folder for this process, e.g. .tmp/e2e/run-4242-1767225600000. */
export function freshAssetsDir(): string {
  return join(E2E_ASSETS_ROOT, `${RUN_DIR_PREFIX}${process.pid}-${Date.now()}`);
}

/** The built renderer (index.html and its assets) inside a build folder. */
export function rendererDirOf(assetsDir: string): string {
  return join(assetsDir, 'renderer');
}

async function bundleBridge(outDir: string, entry: string, outName: BridgeScriptName): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      target: 'chrome130',
      minify: false,
      lib: { entry: resolve(entry), formats: ['iife'], name: 'vpsBridge', fileName: () => outName },
    },
  });
}

/** Builds the renderer and both bridge scripts into `outDir` and returns it. */
export async function buildE2eAssets(outDir: string = DEFAULT_ASSETS_DIR): Promise<string> {
  await mkdir(outDir, { recursive: true });
  // Independent outputs (the renderer empties only its own subfolder): build them side by side.
  await Promise.all([
    build(rendererBundle(rendererDirOf(outDir))),
    bundleBridge(outDir, 'tests/e2e/page/binding-bridge.ts', 'binding-bridge.js'),
    bundleBridge(outDir, 'tests/e2e/page/http-bridge.ts', 'http-bridge.js'),
  ]);
  return outDir;
}

export function readBridgeScript(name: BridgeScriptName, assetsDir: string = DEFAULT_ASSETS_DIR): Promise<string> {
  return readFile(join(assetsDir, name), 'utf8');
}

export function e2eAssetsBuilt(assetsDir: string = DEFAULT_ASSETS_DIR): boolean {
  return existsSync(join(rendererDirOf(assetsDir), 'index.html')) && existsSync(join(assetsDir, 'binding-bridge.js'));
}

/** Deletes a build folder made by `freshAssetsDir()`. */
export async function removeAssetsDir(assetsDir: string): Promise<void> {
  await rm(assetsDir, { recursive: true, force: true });
}

/** Deletes run folders last changed more than `maxAgeMs` ago; returns the paths removed. */
export async function removeStaleRunDirs(
  maxAgeMs: number = STALE_RUN_DIR_MS,
  now: number = Date.now(),
): Promise<string[]> {
  const entries = await readdir(E2E_ASSETS_ROOT, { withFileTypes: true }).catch(() => []);
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith(RUN_DIR_PREFIX)) continue;
    const path = join(E2E_ASSETS_ROOT, entry.name);
    // Another run may remove it at the same moment: a folder that vanished is fine.
    const info = await stat(path).catch(() => null);
    if (info === null || now - info.mtimeMs <= maxAgeMs) continue;
    await removeAssetsDir(path);
    removed.push(path);
  }
  return removed;
}
