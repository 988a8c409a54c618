// The poll figures' driver, in a process of its own (bench/poll-measure.ts forks it): it picks the active
// servers and, when told a round, reboots that round's batch through the API, so that the CPU and the
// event-loop blocks of 50 concurrent requests are not counted as the tray's.
// argv: base URL, token, servers per round. Messages: in `{ round }`; out `{ ready, active }`, `{ done }`.
import { createVpsClient } from '../main/api/client';

const [baseUrl = '', token = '', perRoundText = '0'] = process.argv.slice(2);
const perRound = Number(perRoundText);
const driver = createVpsClient({ baseUrl, token, retry: { limit: 0 } });
const active = (await driver.listServers()).results.filter((server) => server.status === 'active');

process.on('message', (message: { round: number }) => {
  const batch = active.slice(message.round * perRound, (message.round + 1) * perRound);
  // At speed 1 a reboot lasts far longer than the bench: each round changes exactly these servers.
  void Promise.all(batch.map((server) => driver.powerAction(server.id, 'reboot'))).then(() =>
    process.send?.({ done: message.round }),
  );
});
process.send?.({ ready: true, active: active.length });
// Ends when the parent closes the channel.
process.on('disconnect', () => process.exit(0));
