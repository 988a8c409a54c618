// List requests per hour over 24 simulated hours on a fake clock, 25 settled servers, nothing failing:
// popup closed and idle, then popup open the whole time; ours and the naive baseline (every 5 s). And a
// reboot (the server reboots for REBOOT_MS): the list requests from the click until the app saw it
// settle, and in the 10 minutes after, where fast polling must have ended (the idle rate again).
// In-memory API (bench/memory-api.ts): only requests are counted here, nothing is timed.
import { createCore } from '../main/core';
import { EventChannel, type ActionOutcome } from '../common/contract';
import { createMemoryPorts, createMemoryVault } from '../dev/memory-ports';
import { createNaiveCore } from './baseline/naive-core';
import { installFakeClock } from './fake-clock';
import { createMemoryApi, REBOOT_MS } from './memory-api';
import { reportFigures } from './results';

const HOURS = 24;
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

/** A reboot from the popup, counted from the click: until the app saw it settle, then 10 minutes more. */
async function oursReboot(): Promise<{ untilSettled: number; afterSettled: number; settledAfterMs: number }> {
  const { clock, memory, core, close } = await startOurs();
  // Written by the outcome event, read by the loop below (a field, so the loop sees the listener's write).
  const settled: { at: number | null } = { at: null };
  core.onEvent((channel, payload) => {
    if (channel === EventChannel.actionFinished && (payload as ActionOutcome).outcome === 'done')
      settled.at = clock.now();
  });
  try {
    const clickedAt = clock.now();
    const before = memory.stats.listCalls;
    const accepted = await core.powerAction({ accountId: 'default', id: 1 }, 'reboot');
    if (!accepted.ok) throw new Error(`the reboot was refused: ${accepted.error.message}`);
    while (settled.at === null && clock.now() - clickedAt < 10 * REBOOT_MS) await clock.advance(1000);
    const settledAt = settled.at;
    if (settledAt === null) throw new Error('the reboot never settled');
    const untilSettled = memory.stats.listCalls - before;
    const atSettle = memory.stats.listCalls;
    await clock.advance(AFTER_SETTLE_MS);
    return { untilSettled, afterSettled: memory.stats.listCalls - atSettle, settledAfterMs: settledAt - clickedAt };
  } finally {
    await close();
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
const reboot = await oursReboot();
const naiveUntilSettled = await baselineOver(reboot.settledAfterMs);
const naiveAfterSettled = await baselineOver(AFTER_SETTLE_MS);
console.log(`requests per hour: ours idle ${idle}, open ${open}; baseline ${naive}`);
console.log(
  `reboot settled after ${reboot.settledAfterMs / 1000} s: ours ${reboot.untilSettled} requests until then, ` +
    `${reboot.afterSettled} in the 10 min after; baseline ${naiveUntilSettled} and ${naiveAfterSettled}`,
);
reportFigures([
  { name: 'requests.perHour.idle', unit: 'requests/h', ours: idle, baseline: naive },
  { name: 'requests.perHour.open', unit: 'requests/h', ours: open, baseline: naive },
  { name: 'requests.reboot.untilSettled', unit: 'requests', ours: reboot.untilSettled, baseline: naiveUntilSettled },
  { name: 'requests.reboot.10minAfter', unit: 'requests', ours: reboot.afterSettled, baseline: naiveAfterSettled },
]);
