// Importing the built main bundle (dist/main/index.js, from `npm run build`) in Node with `electron`
// stubbed: the median over fresh processes of the time from just before `import()` to just after. What
// the start does not need is in chunks beside it (dist/main/assets/, imported when first used): their
// size is reported apart, and they are not loaded here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { median, reportFigures } from './results';
import { fullOrQuick } from './scale';

const RUNS = fullOrQuick(Number(process.argv[2] ?? 15), 1);
const bundle = resolve('dist/main/index.js');
const bundleUrl = pathToFileURL(bundle).href;
const probe = `const t = performance.now(); await import(${JSON.stringify(bundleUrl)}); console.log(performance.now() - t); process.exit(0);`;

const times: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const result = spawnSync(
    process.execPath,
    ['--import', './bench/stubs/register-electron.mjs', '--input-type=module', '-e', probe],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`importing the bundle failed: ${result.stderr}`);
  times.push(Number(result.stdout.trim().split('\n').at(-1)));
}
const bytes = statSync(bundle).size;
const gzipBytes = gzipSync(readFileSync(bundle)).length;
const chunksDir = resolve('dist/main/assets');
const chunkBytes = readdirSync(chunksDir)
  .filter((file) => file.endsWith('.js'))
  .reduce((sum, file) => sum + statSync(resolve(chunksDir, file)).size, 0);
console.log(
  `main import: median ${median(times).toFixed(1)} ms over ${RUNS} processes (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}); ${bytes} B, ${gzipBytes} B gzip; chunks loaded later ${chunkBytes} B`,
);
reportFigures([
  { name: 'main.import.ms', unit: 'ms', ours: Number(median(times).toFixed(1)) },
  { name: 'main.bundle.bytes', unit: 'bytes', ours: bytes },
  { name: 'main.bundle.gzip.bytes', unit: 'bytes', ours: gzipBytes },
  { name: 'main.chunks.bytes', unit: 'bytes', ours: chunkBytes },
]);
