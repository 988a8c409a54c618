// `npm run build`: the three Electron bundles (scripts/bundles.ts). Prints the renderer's gzip size
// and fails when it exceeds the budget.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { mainBundle, preloadBundle, rendererBundle } from './bundles';

/** "Under 30 kB gzip in total", in decimal kilobytes, the stricter reading. */
const RENDERER_GZIP_BUDGET = 30_000;

rmSync('dist', { recursive: true, force: true });
await build(mainBundle());
await build(preloadBundle());
await build(rendererBundle());

const assetsDir = 'dist/renderer/assets';
let total = 0;
for (const file of readdirSync(assetsDir).filter((f) => f.endsWith('.js'))) {
  const size = gzipSync(readFileSync(join(assetsDir, file))).length;
  total += size;
  console.log(`renderer ${file}: ${size} bytes gzip`);
}
console.log(
  `renderer JS total: ${total} bytes gzip = ${(total / 1000).toFixed(2)} kB (budget ${RENDERER_GZIP_BUDGET / 1000} kB)`,
);
if (total > RENDERER_GZIP_BUDGET) {
  console.error('renderer JS exceeds its gzip budget');
  process.exit(1);
}
console.log('build: dist/main/index.js, dist/preload/index.cjs, dist/renderer/index.html');
