// Ours: the real core polling a simulator of 5 000 servers (bench/poll-measure.ts says what is measured).
// Polls are driven by refreshNow (the idle timer is a minute away); the popup's messages are the
// fleetChanged deltas the core emits.
import { serialize } from 'node:v8';
import { createCore } from '../main/core';
import { EventChannel } from '../common/contract';
import { createMemoryPorts, createMemoryVault } from '../dev/memory-ports';
import { temporaryHistoryFolder } from './history-folder';
import { measurePolls, PAGE_SIZE, SERVERS } from './poll-measure';
import { reportFigures } from './results';
import { startSimulatorProcess } from './simulator-process';

const sim = await startSimulatorProcess({ servers: SERVERS, pageSize: PAGE_SIZE, speed: 1 });
const vault = createMemoryVault([
  { account: { id: 'default', label: 'VPS.org', baseUrl: sim.baseUrl }, token: sim.token },
]);
const history = temporaryHistoryFolder();
const core = createCore({
  ...createMemoryPorts({ vault }),
  clientOptions: { retry: { limit: 0 } },
  random: () => 1,
  historyDirectory: history.directory,
});
let sent = 0;
core.onEvent((channel, payload) => {
  if (channel === EventChannel.fleetChanged) sent += serialize(payload).length;
});
try {
  await core.start();
  await core.refreshNow();
  reportFigures(await measurePolls(sim, { poll: core.refreshNow, sentBytes: () => sent }, 'ours', true));
} finally {
  await core.stop();
  await sim.close();
  history.remove();
}
