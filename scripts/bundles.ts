// The Vite configurations of the app's three bundles, shared by the build (scripts/build.ts), the
// preload bundle test and the end-to-end harness, so that what is tested is what ships.
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import type { InlineConfig } from 'vite';

const nodeExternals = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** A bundle for Electron's Node side: one entry, every dependency inlined except `external`. */
function nodeBundle(entry: string, outDir: string, format: 'es' | 'cjs', external: string[]): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'node20',
      ssr: true,
      sourcemap: format === 'es',
      minify: false,
      rolldownOptions: {
        input: { index: entry },
        external,
        output: { format, entryFileNames: format === 'es' ? '[name].js' : '[name].cjs' },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  };
}

/** Main process: ESM for Node, every dependency bundled (electron-store is ESM-only). */
export function mainBundle(outDir = 'dist/main'): InlineConfig {
  return nodeBundle('main/index.ts', outDir, 'es', nodeExternals);
}

/** Preload: ONE CommonJS file requiring only `electron`, because a sandboxed preload cannot load modules. */
export function preloadBundle(outDir = 'dist/preload'): InlineConfig {
  return nodeBundle('preload/index.ts', outDir, 'cjs', ['electron']);
}

/**
 * How the popup's JSX compiles, for its bundle and its component tests (vitest.config.ts): classic
 * `h(type, props, ...children)` calls are smaller than the automatic runtime's `jsx(type, { children })`,
 * and the popup's JS has a size budget (scripts/build.ts). Every .tsx therefore imports `h` (and `Fragment`).
 */
export const popupJsx = { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } as const;

/** Renderer: the Preact popup page. */
export function rendererBundle(outDir = 'dist/renderer'): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    root: resolve('renderer'),
    base: './',
    oxc: { jsx: popupJsx },
    // Without the `browser` condition @preact/signals resolves to its modern `.mjs` build, the smallest.
    resolve: { conditions: ['production'] },
    build: {
      outDir: resolve(outDir),
      emptyOutDir: true,
      target: 'chrome130',
      sourcemap: false,
      // No preload lists: with them the start bundle carries, for every lazy chunk, the files it imports
      // (about 0.2 kB gzip); without, a lazy chunk fetches its imports itself once it runs, from the
      // app's own files, and every view is fetched once the first rows are painted (views/lazy.ts).
      modulePreload: false,
      // The lazy chunks named by their hash alone: the start bundle lists each one's file (its imports
      // and the preload map), and a name there is bytes of the start budget.
      rolldownOptions: { output: { chunkFileNames: 'assets/[hash].js' } },
    },
  };
}
