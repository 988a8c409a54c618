// List requests per hour over 24 simulated hours on a fake clock, 25 settled servers, nothing failing:
// popup closed and idle, then popup open the whole time; ours and the naive baseline (every 5 s). And a
// reboot (the server reboots for REBOOT_MS): the requests (lists and single-server reads) from the click
// until the app saw it settle, how long after the server settled the app saw it, and the requests in the
// 10 minutes after, where reading it on its own must have ended (the idle rate again); ours and the naive
// baseline in the same run.
// In-memory API (bench/memory-api.ts): only requests are counted here, nothing is timed.
import { createCore } from '../main/core';
import { EventChannel, type ActionOutcome } from '../common/contract';
import { createMemoryPorts, createMemoryVault } from '../dev/memory-ports';
import { createNaiveCore } from './baseline/naive-core';
import { installFakeClock } from './fake-clock';
import { createMemoryApi, REBOOT_MS } from './memory-api';
import { median, reportFigures } from './results';
import { fullOrQuick } from './scale';

const HOURS = fullOrQuick(24, 2);
const HOUR = 3_600_000;
const SERVERS = 25;

/** Our core on a fake clock over an in-memory API of 25 settled servers, started (first poll done). */
async function startOurs() {
  const clock = installFakeClock(Date.parse('2025-06-02T09:00:00Z'));
  const memory = createMemoryApi(SERVERS);
  const vault = createMemoryVault([
    { account: { id: 'default', label: 'VPS.org', baseUrl: 'https://admin.vps.org/api/v1' }, token: 'bench-token' },
  ]);
  const core = createCore({
    ...createMemoryPorts({ vault }),
    createClient: () => memory.api,
    now: clock.now,
    random: () => 1,
  });
  await core.start();
  await clock.advance(0);
  return {
    clock,
    memory,
    core,
    async close() {
      await core.stop();
      clock.uninstall();
    },
  };
}

async function ours(popupOpen: boolean): Promise<number> {
  const { clock, memory, core, close } = await startOurs();
  try {
    core.setPopupOpen(popupOpen);
    // The start-up poll is not counted: the figure is the steady rate.
    const before = memory.stats.listCalls;
    await clock.advance(HOURS * HOUR);
    return (memory.stats.listCalls - before) / HOURS;
  } finally {
    await close();
  }
}

const AFTER_SETTLE_MS = 600_000;

/** Every request the in-memory API answered so far: lists and single-server reads. */
const requestsOf = (memory: ReturnType<typeof createMemoryApi>) => memory.stats.listCalls + memory.stats.getCalls;

interface RebootFigures {
  /** Requests from the click until the app saw the server settle. */
  untilSettled: number;
  /** Requests in the 10 minutes after. */
  afterSettled: number;
  /** From the click until the app saw it settle. */
  settledAfterMs: number;
  /** From the server settling (in the API) until the app saw it. */
  seenAfterSettleMs: number;
}

/**
 * A reboot from the popup `offsetMs` after the start-up poll, counted from the click: until the app saw it
 * settle, then 10 minutes more.
 */
async function oursReboot(offsetMs: number): Promise<RebootFigures> {
  const { clock, memory, core, close } = await startOurs();
  await clock.advance(offsetMs);
  // Written by the outcome event, read by the loop below (a field, so the loop sees the listener's write).
  const settled: { at: number | null; requests: number } = { at: null, requests: 0 };
  core.onEvent((channel, payload) => {
    if (channel !== EventChannel.actionFinished || (payload as ActionOutcome).outcome !== 'done') return;
    settled.at = clock.now();
    // Counted when the app saw it: the list read once after that is the 10 minutes' first.
    settled.requests = requestsOf(memory);
  });
  try {
    const clickedAt = clock.now();
    const before = requestsOf(memory);
    const accepted = await core.powerAction({ accountId: 'default', id: 1 }, 'reboot');
    if (!accepted.ok) throw new Error(`the reboot was refused: ${accepted.error.message}`);
    while (settled.at === null && clock.now() - clickedAt < 10 * REBOOT_MS) await clock.advance(1000);
    const settledAt = settled.at;
    const endsAt = memory.rebootEndsAt(1);
    if (settledAt === null || endsAt === null) throw new Error('the reboot never settled');
    const atSettle = settled.requests;
    await clock.advance(AFTER_SETTLE_MS - (clock.now() - settledAt));
    return {
      untilSettled: atSettle - before,
      afterSettled: requestsOf(memory) - atSettle,
      settledAfterMs: settledAt - clickedAt,
      seenAfterSettleMs: settledAt - endsAt,
    };
  } finally {
    await close();
  }
}

/** The naive core through the same reboot: when its list first showed the server settled, after the API settled it. */
async function baselineRebootSeenAfterSettleMs(offsetMs: number): Promise<number> {
  const clock = installFakeClock(Date.parse('2025-06-02T09:00:00Z'));
  const memory = createMemoryApi(SERVERS);
  const seen: { at: number | null } = { at: null };
  const naive = createNaiveCore(memory.api, (servers) => {
    const rebooted = memory.rebootEndsAt(1);
    if (seen.at === null && rebooted !== null && servers.find((server) => server.id === 1)?.status === 'active')
      seen.at = clock.now();
  });
  try {
    naive.start();
    await clock.advance(0);
    await clock.advance(offsetMs);
    await memory.api.powerAction(1, 'reboot');
    const endsAt = memory.rebootEndsAt(1) ?? 0;
    while (seen.at === null && clock.now() < endsAt + 10 * REBOOT_MS) await clock.advance(1000);
    if (seen.at === null) throw new Error('the naive core never saw the reboot settle');
    return seen.at - endsAt;
  } finally {
    naive.stop();
    clock.uninstall();
  }
}

/** The naive core's list requests over `ms` (it polls the same whatever happens). */
async function baselineOver(ms: number): Promise<number> {
  const clock = installFakeClock(Date.parse('2025-06-02T09:00:00Z'));
  const memory = createMemoryApi(SERVERS);
  const naive = createNaiveCore(memory.api, () => {});
  try {
    naive.start();
    await clock.advance(0);
    const before = memory.stats.listCalls;
    await clock.advance(ms);
    return memory.stats.listCalls - before;
  } finally {
    naive.stop();
    clock.uninstall();
  }
}

const idle = await ours(false);
const open = await ours(true);
// The naive core does not know whether the popup is open: one run gives both.
const naive = (await baselineOver(HOURS * HOUR)) / HOURS;
// A person clicks at any moment of the polls' waits: the reboot figures are the medians over clicks at
// these times after the start-up poll (every phase of the naive 5 s, and across our idle minute).
const CLICK_OFFSETS_MS = Array.from({ length: fullOrQuick(9, 1) }, (_, index) => index * 7000);
const reboots: RebootFigures[] = [];
const naiveReboots: { untilSettled: number; seenAfterSettleMs: number }[] = [];
for (const offset of CLICK_OFFSETS_MS) {
  const figures = await oursReboot(offset);
  reboots.push(figures);
  naiveReboots.push({
    // Over the same time as ours took to see it settle.
    untilSettled: await baselineOver(figures.settledAfterMs),
    seenAfterSettleMs: await baselineRebootSeenAfterSettleMs(offset),
  });
}
const medianOf = <T>(items: T[], pick: (item: T) => number) => median(items.map(pick));
const reboot: RebootFigures = {
  untilSettled: medianOf(reboots, (figures) => figures.untilSettled),
  afterSettled: medianOf(reboots, (figures) => figures.afterSettled),
  settledAfterMs: medianOf(reboots, (figures) => figures.settledAfterMs),
  seenAfterSettleMs: medianOf(reboots, (figures) => figures.seenAfterSettleMs),
};
const naiveUntilSettled = medianOf(naiveReboots, (figures) => figures.untilSettled);
const naiveAfterSettled = await baselineOver(AFTER_SETTLE_MS);
const naiveSeenAfterSettleMs = medianOf(naiveReboots, (figures) => figures.seenAfterSettleMs);
console.log(
  `reboots clicked at ${CLICK_OFFSETS_MS.map((ms) => ms / 1000).join(', ')} s: ours ` +
    reboots.map((figures) => `${figures.untilSettled} req / seen +${figures.seenAfterSettleMs / 1000} s`).join('; ') +
    `; baseline ${naiveReboots.map((figures) => `${figures.untilSettled} req / seen +${figures.seenAfterSettleMs / 1000} s`).join('; ')}`,
);
console.log(`requests per hour: ours idle ${idle}, open ${open}; baseline ${naive}`);
console.log(
  `reboot (medians) seen settled ${reboot.settledAfterMs / 1000} s after the click, ${reboot.seenAfterSettleMs / 1000} s after ` +
    `it settled (baseline ${naiveSeenAfterSettleMs / 1000} s): ours ${reboot.untilSettled} requests until then, ` +
    `${reboot.afterSettled} in the 10 min after; baseline ${naiveUntilSettled} and ${naiveAfterSettled}`,
);
reportFigures([
  { name: 'requests.perHour.idle', unit: 'requests/h', ours: idle, baseline: naive },
  { name: 'requests.perHour.open', unit: 'requests/h', ours: open, baseline: naive },
  { name: 'requests.reboot.untilSettled', unit: 'requests', ours: reboot.untilSettled, baseline: naiveUntilSettled },
  {
    name: 'requests.reboot.seenAfterSettle.ms',
    unit: 'ms',
    ours: reboot.seenAfterSettleMs,
    baseline: naiveSeenAfterSettleMs,
  },
  { name: 'requests.reboot.10minAfter', unit: 'requests', ours: reboot.afterSettled, baseline: naiveAfterSettled },
]);
