// List requests per hour over 24 simulated hours on a fake clock, 25 settled servers, nothing failing:
// popup closed and idle, then popup open the whole time; ours and the naive baseline (every 5 s).
// In-memory API (bench/memory-api.ts): only requests are counted here, nothing is timed.
import { createCore } from '../main/core';
import { createMemoryPorts, createMemoryVault } from '../dev/memory-ports';
import { createNaiveCore } from './baseline/naive-core';
import { installFakeClock } from './fake-clock';
import { createMemoryApi } from './memory-api';
import { reportFigures } from './results';

const HOURS = 24;
const HOUR = 3_600_000;
const SERVERS = 25;

async function ours(popupOpen: boolean): Promise<number> {
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
  try {
    await core.start();
    await clock.advance(0);
    core.setPopupOpen(popupOpen);
    // The start-up poll is not counted: the figure is the steady rate.
    const before = memory.stats.listCalls;
    await clock.advance(HOURS * HOUR);
    return (memory.stats.listCalls - before) / HOURS;
  } finally {
    await core.stop();
    clock.uninstall();
  }
}

async function baseline(): Promise<number> {
  const clock = installFakeClock(Date.parse('2025-06-02T09:00:00Z'));
  const memory = createMemoryApi(SERVERS);
  const naive = createNaiveCore(memory.api, () => {});
  try {
    naive.start();
    await clock.advance(0);
    const before = memory.stats.listCalls;
    await clock.advance(HOURS * HOUR);
    return (memory.stats.listCalls - before) / HOURS;
  } finally {
    naive.stop();
    clock.uninstall();
  }
}

const idle = await ours(false);
const open = await ours(true);
// The naive core does not know whether the popup is open: one run gives both.
const naive = await baseline();
console.log(`requests per hour: ours idle ${idle}, open ${open}; baseline ${naive}`);
reportFigures([
  { name: 'requests.perHour.idle', unit: 'requests/h', ours: idle, baseline: naive },
  { name: 'requests.perHour.open', unit: 'requests/h', ours: open, baseline: naive },
]);
