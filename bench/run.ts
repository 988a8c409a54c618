// `npm run bench`: every figure script in turn, each in its own process so one's heap does not skew the
// next, then bench/results.json. Numbers only, no pass/fail: docs/benchmarks.md's table is copied from it.
// `npm run bench -- --quick` (CI): the same scripts on small inputs, once each (bench/scale.ts), into
// bench/results.quick.json; it fails only when a script fails, never on a number.
// The older diagnostic scripts (bench/simulator.ts, client.ts, fleet-diff.ts) still run on their own.
import { spawn } from 'node:child_process';
import { FIGURE_CATALOGUE, mergeFigures, readFigureParts, writeResults, type FigurePart } from './results';

const quick = process.argv.includes('--quick');
const resultsFile = quick ? 'bench/results.quick.json' : 'bench/results.json';

interface Script {
  file: string;
  args?: string[];
  nodeArgs?: string[];
}

// One step after the other; the scripts of one step run at once (only where nothing is timed: the
// two sides of the heap figure count bytes, so they share the 2 cores and the run stays under 5 minutes).
const steps: Script[][] = [
  // First: it builds dist/, which main-import.ts loads.
  [{ file: 'bench/build-size.ts' }],
  [{ file: 'bench/main-import.ts', args: ['11'] }],
  [{ file: 'bench/poll.ts' }],
  [{ file: 'bench/baseline/poll.ts' }],
  [
    { file: 'bench/requests.ts' },
    { file: 'bench/heap.ts', args: ['ours'], nodeArgs: ['--expose-gc'] },
    { file: 'bench/heap.ts', args: ['baseline'], nodeArgs: ['--expose-gc'] },
  ],
  [{ file: 'bench/popup.ts' }],
  [{ file: 'bench/history.ts' }],
  [{ file: 'bench/timeline.ts' }],
];

function run(script: Script): Promise<{ stdout: string; ok: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...(script.nodeArgs ?? []), '--import', 'tsx', script.file, ...(script.args ?? [])],
      { stdio: ['ignore', 'pipe', 'inherit'], env: quick ? { ...process.env, BENCH_QUICK: '1' } : process.env },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.on('close', (code, signal) => {
      if (code !== 0) console.error(`${script.file} failed (exit ${code ?? signal})`);
      resolve({ stdout, ok: code === 0 });
    });
  });
}

const started = performance.now();
const parts: FigurePart[] = [];
let failed = false;
for (const step of steps) {
  console.log(`\n== ${step.map((script) => [script.file, ...(script.args ?? [])].join(' ')).join(' + ')}`);
  const stepStarted = performance.now();
  for (const result of await Promise.all(step.map(run))) {
    process.stdout.write(result.stdout);
    failed ||= !result.ok;
    parts.push(...readFigureParts(result.stdout));
  }
  console.log(`(${((performance.now() - stepStarted) / 1000).toFixed(1)} s)`);
}

const results = writeResults(resultsFile, mergeFigures(parts));
const notMeasured = FIGURE_CATALOGUE.filter((entry) => !parts.some((part) => part.name === entry.name)).map(
  (entry) => entry.name,
);
console.log(`\n${resultsFile}: ${results.figures.length} figures, ${results.machine}`);
if (notMeasured.length > 0) console.log(`not measured: ${notMeasured.join(', ')}`);
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
