// Builds the three Electron bundles with Vite: main (ESM, Node), preload (one CommonJS file, so it
// loads under `sandbox: true`), renderer (Preact page). Prints the renderer's gzip size and fails
// when it exceeds the budget.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { preact } from '@preact/preset-vite';
import { build } from 'vite';

const RENDERER_GZIP_BUDGET = 30 * 1024;
const nodeExternals = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

rmSync('dist', { recursive: true, force: true });

await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist/main',
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      input: { index: 'main/index.ts' },
      external: nodeExternals,
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});

await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist/preload',
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    minify: false,
    rolldownOptions: {
      input: { index: 'preload/index.ts' },
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: '[name].cjs' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});

await build({
  configFile: false,
  logLevel: 'warn',
  root: 'renderer',
  base: './',
  plugins: [preact()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome130', sourcemap: false },
});

const assetsDir = 'dist/renderer/assets';
let total = 0;
for (const file of readdirSync(assetsDir).filter((f) => f.endsWith('.js'))) {
  const size = gzipSync(readFileSync(join(assetsDir, file))).length;
  total += size;
  console.log(`renderer ${file}: ${(size / 1024).toFixed(1)} kB gzip`);
}
console.log(`renderer JS total: ${(total / 1024).toFixed(1)} kB gzip (budget ${RENDERER_GZIP_BUDGET / 1024} kB)`);
if (total > RENDERER_GZIP_BUDGET) {
  console.error('renderer JS exceeds its gzip budget');
  process.exit(1);
}
console.log('build: dist/main/index.js, dist/preload/index.cjs, dist/renderer/index.html');
