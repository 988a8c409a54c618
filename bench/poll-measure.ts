// The poll figures, measured the same way for ours (bench/poll.ts) and the naive baseline
// (bench/baseline/poll.ts) against a simulator of 5 000 servers in a child process:
// CPU of this process per poll (process.cpuUsage) with nothing changed and with 1 % changed, the longest
// event-loop block over all of them (monitorEventLoopDelay), and the bytes sent to the popup, as
// structured clone would carry them (v8.serialize). The servers are changed from a third process
// (bench/poll-driver.ts): this one only polls, as the tray does.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { median, type FigurePart } from './results';
import type { SimulatorProcess } from './simulator-process';
import { fullOrQuick } from './scale';

export interface PollSubject {
  /** One poll, to its end (including what it sends to the popup). */
  poll(): Promise<void>;
  /** Bytes sent to the popup so far. */
  sentBytes(): number;
}

export const SERVERS = fullOrQuick(5000, 500);
export const PAGE_SIZE = fullOrQuick(500, 100);
const ROUNDS = fullOrQuick(10, 1);
const WARM_POLLS = fullOrQuick(3, 1);
const CHANGED_PER_ROUND = SERVERS / 100;

const round1 = (value: number) => Math.round(value * 10) / 10;

/** bench/poll-driver.ts, forked: it reboots each round's servers from its own process. */
async function startDriver(sim: SimulatorProcess) {
  const child = fork('bench/poll-driver.ts', [sim.baseUrl, sim.token, String(CHANGED_PER_ROUND)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [ready] = (await once(child, 'message')) as [{ active: number }];
  return {
    active: ready.active,
    async reboot(round: number): Promise<void> {
      child.send({ round });
      await once(child, 'message');
    },
    close: () => child.disconnect(),
  };
}

/** CPU of the main thread alone from Node 23.9 (@types/node does not name it yet); of the process before. */
function threadCpuMs(): number {
  const used = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.() ?? process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/**
 * The most CPU the main thread used between two turns of the event loop (the ticks of a 1 ms timer):
 * how long the code itself held the loop, without the time the process waited for a core, which the
 * wall-clock blocks of monitorEventLoopDelay include on a busy machine.
 */
function startCpuBlockMeter(): { pause(): void; resume(): void; stop(): number } {
  let last = threadCpuMs();
  let longest = 0;
  let paused = false;
  const timer = setInterval(() => {
    const now = threadCpuMs();
    if (!paused) longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  return {
    pause: () => void (paused = true),
    resume() {
      paused = false;
      last = threadCpuMs();
    },
    stop() {
      clearInterval(timer);
      return longest;
    },
  };
}

/**
 * The event loop's longest block (wall clock) over the stretches it is watched. A stretch is a histogram
 * of its own: one disabled and enabled again counts the time between as a delay (a block that never was).
 */
function startBlockMeter(): { pause(): void; resume(): void; stop(): { max: number; p50: number; p99: number } } {
  const stretches: IntervalHistogram[] = [];
  const resume = () => {
    const stretch = monitorEventLoopDelay({ resolution: 1 });
    stretch.enable();
    stretches.push(stretch);
  };
  resume();
  const pause = () => void stretches.at(-1)?.disable();
  return {
    pause,
    resume,
    stop() {
      pause();
      const longest = stretches.reduce((worst, stretch) => (stretch.max > worst.max ? stretch : worst));
      return { max: longest.max / 1e6, p50: longest.percentile(50) / 1e6, p99: longest.percentile(99) / 1e6 };
    },
  };
}

/** CPU of this process to fetch the list's pages with a bare `fetch` and nothing else. */
async function bareFetchMs(sim: SimulatorProcess): Promise<number> {
  const headers = { Authorization: `Bearer ${sim.token}`, Accept: 'application/json' };
  const cpu = process.cpuUsage();
  for (let page = 1; page <= SERVERS / PAGE_SIZE; page++)
    await (await fetch(`${sim.baseUrl}/servers/?page=${page}`, { headers })).arrayBuffer();
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000;
}

/**
 * The poll figures of one side. `withFetchOnly` (ours): after each unchanged poll, the same pages are
 * fetched bare (`poll.fetchOnly.5000.ms`, the least any poll of this list costs here, to set
 * `poll.unchanged.5000.ms` against), in the same state of the heap as the polls: the collector's work
 * is most of a poll's cost beyond its own code, and it depends on what ran before. The block figures
 * do not count those fetches.
 */
export async function measurePolls(
  sim: SimulatorProcess,
  subject: PollSubject,
  side: 'ours' | 'baseline',
  withFetchOnly = false,
): Promise<FigurePart[]> {
  const driver = await startDriver(sim);
  if (driver.active < ROUNDS * CHANGED_PER_ROUND) throw new Error('not enough active servers to change');

  for (let warm = 0; warm < WARM_POLLS; warm++) await subject.poll();
  const blocks = startBlockMeter();
  const cpuBlocks = startCpuBlockMeter();

  const timed = async () => {
    const cpu = process.cpuUsage();
    const bytes = subject.sentBytes();
    await subject.poll();
    const used = process.cpuUsage(cpu);
    return { ms: (used.user + used.system) / 1000, bytes: subject.sentBytes() - bytes };
  };

  const unchanged = [];
  const bare: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    unchanged.push(await timed());
    if (!withFetchOnly) continue;
    blocks.pause();
    cpuBlocks.pause();
    bare.push(await bareFetchMs(sim));
    cpuBlocks.resume();
    blocks.resume();
  }
  const changed = [];
  for (let round = 0; round < ROUNDS; round++) {
    await driver.reboot(round);
    changed.push(await timed());
  }
  const delay = blocks.stop();
  const longestCpuBlockMs = cpuBlocks.stop();
  driver.close();

  const unchangedMs = median(unchanged.map((entry) => entry.ms));
  const changedMs = median(changed.map((entry) => entry.ms));
  const longestBlockMs = delay.max;
  console.log(
    `event-loop delay (the worst stretch) p50 ${delay.p50.toFixed(1)} ms, p99 ${delay.p99.toFixed(1)} ms, max ${longestBlockMs.toFixed(1)} ms; most main-thread CPU between two turns ${longestCpuBlockMs.toFixed(1)} ms`,
  );
  const unchangedBytes = median(unchanged.map((entry) => entry.bytes));
  const perChanged = median(changed.map((entry) => entry.bytes)) / CHANGED_PER_ROUND;
  console.log(
    `${side}: poll CPU unchanged ${unchangedMs.toFixed(1)} ms, 1 % changed ${changedMs.toFixed(1)} ms, ` +
      `longest block ${longestBlockMs.toFixed(1)} ms; sent unchanged ${unchangedBytes} B, per changed server ${perChanged.toFixed(0)} B`,
  );
  const figure = (name: string, unit: string, value: number) =>
    side === 'ours' ? { name, unit, ours: value } : { name, unit, baseline: value };
  const fetchOnly: FigurePart[] = [];
  if (withFetchOnly) {
    const fetchOnlyMs = median(bare);
    console.log(
      `bare fetch of the same ${SERVERS / PAGE_SIZE} pages, between the unchanged polls: ${fetchOnlyMs.toFixed(1)} ms CPU`,
    );
    fetchOnly.push({ name: 'poll.fetchOnly.5000.ms', unit: 'ms', ours: round1(fetchOnlyMs) });
  }
  return [
    ...fetchOnly,
    figure('poll.unchanged.5000.ms', 'ms', round1(unchangedMs)),
    figure('poll.changed1pct.5000.ms', 'ms', round1(changedMs)),
    figure('poll.longestBlock.ms', 'ms', round1(longestBlockMs)),
    figure('poll.longestBlock.cpu.ms', 'ms', round1(longestCpuBlockMs)),
    figure('ipc.unchanged.bytes', 'bytes', unchangedBytes),
    figure('ipc.perChangedServer.bytes', 'bytes', Math.round(perChanged)),
  ];
}
