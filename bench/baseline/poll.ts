// The baseline's poll figures against a simulator of 5 000 servers, measured as bench/poll.ts measures
// ours (bench/poll-measure.ts): the naive core sends the whole list, structured-cloned, on every poll.
import { serialize } from 'node:v8';
import { createVpsClient } from '../../main/api/client';
import { measurePolls, PAGE_SIZE, SERVERS } from '../poll-measure';
import { reportFigures } from '../results';
import { startSimulatorProcess } from '../simulator-process';
import { createNaiveCore } from './naive-core';

const sim = await startSimulatorProcess({ servers: SERVERS, pageSize: PAGE_SIZE, speed: 1 });
let sent = 0;
const naive = createNaiveCore(
  createVpsClient({ baseUrl: sim.baseUrl, token: sim.token, retry: { limit: 0 } }),
  (list) => {
    sent += serialize(list).length;
  },
);
try {
  reportFigures(await measurePolls(sim, { poll: naive.poll, sentBytes: () => sent }, 'baseline'));
} finally {
  await sim.close();
}
