import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { popupJsx } from './scripts/bundles.ts';

export default defineConfig({
  test: {
    projects: [
      {
        // Main-process code, the simulator, the preload bridge and the end-to-end harness run in plain Node.
        test: {
          name: 'node',
          environment: 'node',
          // A popup test named *.node.test.ts reads the popup's files as text (its stylesheet): no DOM needed.
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/renderer/**/!(*.node).test.{ts,tsx}', 'tests/e2e/**', 'tests/boot/**'],
          // electron-store is ESM-only; inlining it lets vi.mock('electron') reach its own import.
          server: { deps: { inline: ['electron-store'] } },
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        // Journeys: the real renderer in headless Chromium against the real core and the simulator.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The built app booted end to end: dist/main/index.js in Node against an Electron stand-in whose
        // windows are headless Chromium (tests/boot/electron-stand-in/index.ts says what that cannot prove).
        // The bundle is loaded through vitest, so this alias is how its `import … from 'electron'` gets the stand-in.
        resolve: { alias: [{ find: /^electron$/, replacement: resolve('tests/boot/electron-stand-in/index.ts') }] },
        test: {
          name: 'boot',
          environment: 'node',
          include: ['tests/boot/**/*.test.ts'],
          globalSetup: ['tests/boot/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Preact components in a DOM; the real-Chromium proof lives in tests/e2e.
        oxc: { jsx: popupJsx },
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          exclude: ['tests/renderer/**/*.node.test.ts'],
        },
      },
    ],
  },
});
