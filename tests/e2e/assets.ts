// Builds what the harness serves: the real renderer (the configuration `npm run build` uses) and the
// page-side bridge scripts. Output goes to .tmp/e2e so a test run never depends on a stale `dist/`.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { rendererBundle } from '../../scripts/bundles';

export const E2E_ASSETS_DIR = resolve('.tmp/e2e');
export const RENDERER_DIR = join(E2E_ASSETS_DIR, 'renderer');

async function bundleBridge(entry: string, outName: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: E2E_ASSETS_DIR,
      emptyOutDir: false,
      target: 'chrome130',
      minify: false,
      lib: { entry: resolve(entry), formats: ['iife'], name: 'vpsBridge', fileName: () => outName },
    },
  });
}

/** Builds the renderer and both bridge scripts. */
export async function buildE2eAssets(): Promise<void> {
  await mkdir(E2E_ASSETS_DIR, { recursive: true });
  await build(rendererBundle(RENDERER_DIR));
  await bundleBridge('tests/e2e/page/binding-bridge.ts', 'binding-bridge.js');
  await bundleBridge('tests/e2e/page/http-bridge.ts', 'http-bridge.js');
}

export function readBridgeScript(name: 'binding-bridge.js' | 'http-bridge.js'): Promise<string> {
  return readFile(join(E2E_ASSETS_DIR, name), 'utf8');
}

export function e2eAssetsBuilt(): boolean {
  return existsSync(join(RENDERER_DIR, 'index.html')) && existsSync(join(E2E_ASSETS_DIR, 'binding-bridge.js'));
}
