// Heap growth over 1 000 polls of 5 000 servers, 1 % changed each poll: ours (the real core, its
// fleetChanged deltas serialised as IPC would) and the naive baseline (the whole list serialised each
// poll). Needs `node --expose-gc`. The in-memory API (bench/memory-api.ts) stands for the simulator:
// 1 000 polls over HTTP would not fit the 5-minute run, and the client keeps nothing between polls.
import { serialize } from 'node:v8';
import { createCore } from '../main/core';
import { EventChannel } from '../common/contract';
import { createMemoryPorts, createMemoryVault } from '../dev/memory-ports';
import { createNaiveCore } from './baseline/naive-core';
import { temporaryHistoryFolder } from './history-folder';
import { createMemoryApi } from './memory-api';
import { reportFigures } from './results';
import { fullOrQuick } from './scale';

const SERVERS = fullOrQuick(5000, 500);
/** `ours`, `baseline` or both (default): bench/run.ts runs the two sides in two processes at once. */
const SIDE = process.argv[2] ?? 'both';
const POLLS = Number(process.argv[3] ?? fullOrQuick(1000, 10));
const WARM_UP = fullOrQuick(50, 5);

const exposedGc = globalThis.gc;
if (!exposedGc) throw new Error('run with node --expose-gc');
const gc = (): void => void exposedGc();

/**
 * One poll, then a turn of the event loop: the in-memory API answers without I/O, where a real poll's
 * HTTP lets the loop turn, and what the app defers to after a poll's work (the history's append) runs then.
 */
const polled = (poll: () => Promise<void>) => async (): Promise<void> => {
  await poll();
  await new Promise<void>((resolve) => setImmediate(resolve));
};

async function growth(pollOnce: () => Promise<void>, change: (round: number) => void): Promise<number> {
  const poll = polled(pollOnce);
  for (let round = 0; round < WARM_UP; round++) {
    change(round);
    await poll();
  }
  // Twice: one collection can leave what the first one finalised.
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let round = WARM_UP; round < WARM_UP + POLLS; round++) {
    change(round);
    await poll();
  }
  gc();
  gc();
  return process.memoryUsage().heapUsed - before;
}

async function ours(): Promise<number> {
  const memory = createMemoryApi(SERVERS);
  const vault = createMemoryVault([
    { account: { id: 'default', label: 'VPS.org', baseUrl: 'https://admin.vps.org/api/v1' }, token: 'bench-token' },
  ]);
  const history = temporaryHistoryFolder();
  const core = createCore({
    ...createMemoryPorts({ vault }),
    createClient: () => memory.api,
    random: () => 1,
    historyDirectory: history.directory,
  });
  let sent = 0;
  core.onEvent((channel, payload) => {
    if (channel === EventChannel.fleetChanged) sent += serialize(payload).length;
  });
  await core.start();
  try {
    return await growth(core.refreshNow, (round) => memory.change(0.01, round));
  } finally {
    await core.stop();
    history.remove();
    console.log(`(ours sent ${sent} B)`);
  }
}

async function baseline(): Promise<number> {
  const memory = createMemoryApi(SERVERS);
  let sent = 0;
  const naive = createNaiveCore(memory.api, (list) => void (sent += serialize(list).length));
  const grown = await growth(naive.poll, (round) => memory.change(0.01, round));
  console.log(`(baseline sent ${sent} B)`);
  return grown;
}

const oursBytes = SIDE === 'baseline' ? null : await ours();
const baselineBytes = SIDE === 'ours' ? null : await baseline();
console.log(`heap growth over ${POLLS} polls: ours ${oursBytes ?? '-'} B, baseline ${baselineBytes ?? '-'} B`);
reportFigures([{ name: 'poll.heapGrowth.1000.bytes', unit: 'bytes', ours: oursBytes, baseline: baselineBytes }]);
