// vitest globalSetup of the boot project: builds the app once per run, with the configurations
// `npm run build` uses (scripts/bundles.ts), into an app folder of this run's own laid out as the
// packaged app.asar is (package.json, dist/main, dist/preload, dist/renderer) plus build/tray, where an
// unpackaged app finds its tray icons. A run never boots a stale dist/, and two runs never overwrite
// each other's (the same reasons as tests/e2e/global-setup.ts).
import { copyFile, cp, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { freshAssetsDir, removeAssetsDir, removeStaleRunDirs } from '../../dev/assets';
import { mainBundle, preloadBundle, rendererBundle } from '../../scripts/bundles';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built app folder of this run (what `app.getAppPath()` answers in the journeys). */
    bootAppDir: string;
  }
}

const BOOT_RUNS_ROOT = resolve('.tmp/boot');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await removeStaleRunDirs({ root: BOOT_RUNS_ROOT });
  const appDir = freshAssetsDir(BOOT_RUNS_ROOT);
  await mkdir(appDir, { recursive: true });
  await Promise.all([
    build(mainBundle(join(appDir, 'dist', 'main'))),
    build(preloadBundle(join(appDir, 'dist', 'preload'))),
    build(rendererBundle(join(appDir, 'dist', 'renderer'))),
    copyFile('package.json', join(appDir, 'package.json')),
    cp(join('build', 'tray'), join(appDir, 'build', 'tray'), { recursive: true }),
  ]);
  project.provide('bootAppDir', appDir);
  return () => removeAssetsDir(appDir);
}
