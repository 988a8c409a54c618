// history.append.5000changes.ms: the main thread's time for a poll in which 5,000 servers changed status,
// from the fleet's delta to the events on disk: the recorder's observation (during the poll) plus the one
// append of the batch after it (main/history/history.ts), on a real file in a temp folder. The median of
// 11 polls, each flipping every server, after 2 unmeasured ones; the file grows as in the app, and the
// compaction its 4 MB cap calls for runs after the poll's work, as in the app (not measured here).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FleetDelta } from '../common/contract';
import { createHistory } from '../main/history/history';
import { benchServer } from './memory-api';
import { median, reportFigures } from './results';

const SERVERS = 5000;
const deferred: (() => void)[] = [];
const folder = mkdtempSync(join(tmpdir(), 'vps-bench-history-'));
const history = createHistory({
  directory: folder,
  now: Date.now,
  log: () => undefined,
  keepDays: () => 90,
  names: { server: () => null, account: () => null },
  servers: () => [],
  onRecorded: () => undefined,
  // Run by hand below: the flush inside the measured time, a compaction it found due (the 4 MB cap) after it.
  defer: (task) => void deferred.push(task),
});
history.start();

function delta(status: string): FleetDelta {
  const upserted = [];
  for (let id = 1; id <= SERVERS; id++)
    upserted.push({ key: `bench:${id}`, accountId: 'bench', server: benchServer(id, status), pending: null });
  return { upserted, removed: [], status: { lastSuccessAt: 1, stale: null, refreshing: false, loaded: true } };
}

const deltas = [delta('active'), delta('stopped')];
const times: number[] = [];
for (let poll = 0; poll < 13; poll++) {
  const started = performance.now();
  history.recorder.fleetChanged(deltas[poll % 2]!);
  history.flush();
  if (poll >= 2) times.push(performance.now() - started);
  for (const task of deferred.splice(0)) task();
}
history.stop();
rmSync(folder, { recursive: true, force: true });
reportFigures([{ name: 'history.append.5000changes.ms', unit: 'ms', ours: Number(median(times).toFixed(2)) }]);
