// `npm run build`: the three Electron bundles (scripts/bundles.ts). Prints the renderer's gzip size
// and fails when it exceeds the budget.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { mainBundle, preloadBundle, rendererBundle } from './bundles';

const RENDERER_GZIP_BUDGET = 30 * 1024;

rmSync('dist', { recursive: true, force: true });
await build(mainBundle());
await build(preloadBundle());
await build(rendererBundle());

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
