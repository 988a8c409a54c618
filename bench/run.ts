// `npm run bench`: every figure script in turn, each in its own process so one's heap does not skew the
// next, then bench/results.json. Numbers only, no pass/fail: the README's table is copied from it.
// The older diagnostic scripts (bench/simulator.ts, client.ts, fleet-diff.ts) still run on their own.
import { spawnSync } from 'node:child_process';
import { FIGURE_CATALOGUE, mergeFigures, readFigureParts, writeResults, type FigurePart } from './results';

const scripts: Array<{ file: string; args?: string[]; nodeArgs?: string[] }> = [
  // First: it builds dist/, which main-import.ts loads.
  { file: 'bench/build-size.ts' },
  { file: 'bench/main-import.ts', args: ['15'] },
  { file: 'bench/poll.ts' },
  { file: 'bench/baseline/poll.ts' },
  { file: 'bench/requests.ts' },
  { file: 'bench/heap.ts', nodeArgs: ['--expose-gc'] },
  { file: 'bench/popup.ts' },
];

const started = performance.now();
const parts: FigurePart[] = [];
let failed = false;
for (const script of scripts) {
  console.log(`\n== ${script.file} ${(script.args ?? []).join(' ')}`);
  const scriptStarted = performance.now();
  const result = spawnSync(
    process.execPath,
    [...(script.nodeArgs ?? []), '--import', 'tsx', script.file, ...(script.args ?? [])],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 2 ** 20 },
  );
  process.stdout.write(result.stdout ?? '');
  if (result.status !== 0) {
    failed = true;
    console.error(`${script.file} failed (exit ${result.status ?? result.signal})`);
  }
  parts.push(...readFigureParts(result.stdout ?? ''));
  console.log(`(${((performance.now() - scriptStarted) / 1000).toFixed(1)} s)`);
}

const results = writeResults('bench/results.json', mergeFigures(parts));
const notMeasured = FIGURE_CATALOGUE.filter((entry) => !parts.some((part) => part.name === entry.name)).map(
  (entry) => entry.name,
);
console.log(`\nbench/results.json: ${results.figures.length} figures, ${results.machine}`);
if (notMeasured.length > 0) console.log(`not measured: ${notMeasured.join(', ')}`);
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
