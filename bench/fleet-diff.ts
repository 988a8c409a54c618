// Diff cost of one poll for a large fleet: `npx tsx bench/fleet-diff.ts [servers] [rounds]`.
// Prints numbers only (no assertions): time to apply a poll result with no change, with 1 % changed,
// and to recompute the tray summary.
import { createFleetState } from '../main/fleet/state';
import { computeTraySummary } from '../main/tray/summary';
import { benchServer } from './memory-api';

const count = Number(process.argv[2] ?? 5000);
const rounds = Number(process.argv[3] ?? 50);

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function measure(label: string, run: (round: number) => void): void {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    run(round);
    times.push(performance.now() - started);
  }
  console.log(`${label.padEnd(44)} median ${median(times).toFixed(2)} ms   max ${Math.max(...times).toFixed(2)} ms`);
}

const state = createFleetState();
const base = Array.from({ length: count }, (_, index) => benchServer(index + 1));
state.applyList('default', base);

console.log(`fleet diff, ${count} servers, ${rounds} rounds`);
let upserted = 0;
measure('poll, nothing changed (fresh objects)', () => {
  upserted += state.applyList(
    'default',
    base.map((entry) => ({ ...entry })),
  ).upserted.length;
});
measure('poll, 1 % changed', (round) => {
  const lists = base.map((entry) =>
    entry.id % 100 === round % 100
      ? benchServer(
          entry.id,
          round % 2 ? 'stopped' : 'active',
          `2025-02-01T00:00:${String(round % 60).padStart(2, '0')}Z`,
        )
      : entry,
  );
  upserted += state.applyList('default', lists).upserted.length;
});
const auth = {
  mode: 'token' as const,
  account: { id: 'default', label: 'VPS.org', baseUrl: 'https://admin.vps.org/api/v1' },
  storage: { backend: 'memory', persisted: false },
};
measure('tray summary + serialisation', () => {
  upserted += JSON.stringify(computeTraySummary(auth, [...state.views()], state.status())).length > 0 ? 0 : 1;
});
console.log(`(checksum ${upserted})`);
