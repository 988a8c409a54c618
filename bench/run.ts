// `npm run bench`: every benchmark in turn, each in its own process so one's heap does not skew the
// next. Numbers only; the README's table is copied from this output.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const benches: Array<{ file: string; args: string[] }> = [
  { file: 'bench/simulator.ts', args: ['2000'] },
  { file: 'bench/client.ts', args: ['2000'] },
  { file: 'bench/fleet-diff.ts', args: ['5000', '50'] },
  { file: 'bench/popup.ts', args: ['5000'] },
];

let failed = false;
for (const bench of benches) {
  console.log(`\n== ${bench.file} ${bench.args.join(' ')}`);
  const result = spawnSync(resolve('node_modules/.bin/tsx'), [bench.file, ...bench.args], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
