// `npm run build`: the three Electron bundles (scripts/bundles.ts). Prints the popup's gzip sizes and
// fails when the JS loaded at start exceeds its budget. Views a first glance does not need are chunks
// of their own, fetched when opened (renderer/views/lazy.ts), so they do not count against it.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { mainBundle, preloadBundle, rendererBundle } from './bundles';
import { BUILD_SIZES_FILE, startChunkNames, type BuildSizes } from './build-sizes';

/** "At most 25 kB gzip" for what the popup loads at start (decimal kilobytes): the first glance, one language. */
const START_JS_GZIP_BUDGET = 25_000;

const RENDERER_DIR = 'dist/renderer';

rmSync('dist', { recursive: true, force: true });
await build(mainBundle());
await build(preloadBundle());
const rendererOutput = await build(rendererBundle(RENDERER_DIR));
if (!('output' in rendererOutput)) throw new Error('the renderer build gave no single output');

const chunks = rendererOutput.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
const gzipSizeOf = (fileName: string) => gzipSync(readFileSync(join(RENDERER_DIR, fileName))).length;

const startNames = startChunkNames(chunks);
let startJs = 0;
let totalJs = 0;
for (const chunk of chunks.toSorted((a, b) => a.fileName.localeCompare(b.fileName))) {
  const size = gzipSizeOf(chunk.fileName);
  const atStart = startNames.has(chunk.fileName);
  totalJs += size;
  if (atStart) startJs += size;
  console.log(`renderer ${chunk.fileName} (${chunk.name}): ${size} bytes gzip${atStart ? ' (at start)' : ''}`);
}
const assetsDir = join(RENDERER_DIR, 'assets');
const css = readdirSync(assetsDir)
  .filter((file) => file.endsWith('.css'))
  .reduce((sum, file) => sum + gzipSizeOf(join('assets', file)), 0);

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
console.log(`renderer start JS: ${startJs} bytes gzip = ${kB(startJs)} (budget ${kB(START_JS_GZIP_BUDGET)})`);
console.log(`renderer total JS: ${totalJs} bytes gzip = ${kB(totalJs)}`);
console.log(`renderer CSS: ${css} bytes gzip = ${kB(css)}`);
const sizes: BuildSizes = { startJsGzipBytes: startJs, totalJsGzipBytes: totalJs, cssGzipBytes: css };
writeFileSync(BUILD_SIZES_FILE, `${JSON.stringify(sizes)}\n`);
if (startJs > START_JS_GZIP_BUDGET) {
  console.error('the JS the popup loads at start exceeds its gzip budget');
  process.exit(1);
}
console.log('build: dist/main/index.js, dist/preload/index.cjs, dist/renderer/index.html');
