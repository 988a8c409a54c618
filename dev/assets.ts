// Builds what the harness serves: the real renderer (the configuration `npm run build` uses) and the
// page-side bridge scripts, into a folder of their own so a run never depends on a stale `dist/`.
// Each e2e run builds into a fresh folder under .tmp/e2e (global-setup.ts hands it to the test
// workers), so two runs at once never overwrite or delete each other's files.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { build } from 'vite';
import { rendererBundle } from '../scripts/bundles';

/** Parent of every build folder. */
export const E2E_ASSETS_ROOT = resolve('.tmp/e2e');
/** Where `buildE2eAssets()` builds and the harness looks when not told otherwise (bench/popup.ts). */
export const DEFAULT_ASSETS_DIR = join(E2E_ASSETS_ROOT, 'default');
/** Run folders older than this are left-overs of runs that ended without their teardown. */
export const STALE_RUN_DIR_MS = 60 * 60_000;
const RUN_DIR_PREFIX = 'run-';

export type BridgeScriptName = 'binding-bridge.js' | 'http-bridge.js';

/** A new, not yet existing build folder, e.g. .tmp/e2e/run-4242-1767225600000-9f86d081. */
export function freshAssetsDir(root: string = E2E_ASSETS_ROOT): string {
  // pid and time tell whose and how old it is; the random part keeps two calls in one ms apart.
  return join(root, `${RUN_DIR_PREFIX}${process.pid}-${Date.now()}-${randomBytes(4).toString('hex')}`);
}

/** The built renderer (index.html and its assets) inside a build folder. */
export function rendererDirOf(assetsDir: string): string {
  return join(assetsDir, 'renderer');
}

/** Bundles one page-side script (dev/page/) into `outDir` as a classic script (IIFE), for an init script or a worker. */
export async function bundlePageScript(outDir: string, entry: string, outName: string): Promise<void> {
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
    bundlePageScript(outDir, 'dev/page/binding-bridge.ts', 'binding-bridge.js' satisfies BridgeScriptName),
    bundlePageScript(outDir, 'dev/page/http-bridge.ts', 'http-bridge.js' satisfies BridgeScriptName),
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

/** The process a run folder's name says made it (`run-<pid>-…`), or null for another name. */
function ownerPid(name: string): number | null {
  const match = /^run-(\d+)-/.exec(name);
  return match ? Number(match[1]) : null;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes run folders (made by `freshAssetsDir`) last changed more than `maxAgeMs` ago whose process
 * has ended: left-overs of runs killed before their teardown. A long `npm run preview` keeps its own.
 * Returns the paths removed.
 */
export async function removeStaleRunDirs(
  options: { root?: string; maxAgeMs?: number; now?: number } = {},
): Promise<string[]> {
  const root = options.root ?? E2E_ASSETS_ROOT;
  const maxAgeMs = options.maxAgeMs ?? STALE_RUN_DIR_MS;
  const now = options.now ?? Date.now();
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const removed: string[] = [];
  for (const entry of entries) {
    const pid = ownerPid(entry.name);
    if (!entry.isDirectory() || pid === null || isRunning(pid)) continue;
    const path = join(root, entry.name);
    // Another run may remove it at the same moment: a folder that vanished is fine.
    const info = await stat(path).catch(() => null);
    if (info === null || now - info.mtimeMs <= maxAgeMs) continue;
    await removeAssetsDir(path);
    removed.push(path);
  }
  return removed;
}
