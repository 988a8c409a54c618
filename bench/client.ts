// The API client against the simulator: one full poll of a large account (every page fetched,
// every body validated). Run: npx tsx bench/client.ts [servers=2000]. Prints numbers only.
import { createVpsClient } from '../main/api/client';
import { startSimulator } from '../main/simulator/simulator';

const servers = Number(process.argv[2] ?? 2000);
const rounds = 20;

for (const pageSize of [50, 500]) {
  const sim = await startSimulator({ servers, pageSize });
  try {
    const client = createVpsClient({ baseUrl: sim.baseUrl, token: sim.token });
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      const list = await client.listServers();
      samples.push(performance.now() - started);
      if (list.results.length !== servers) throw new Error(`expected ${servers} servers, got ${list.results.length}`);
    }
    samples.sort((a, b) => a - b);
    const p50 = samples[Math.floor(rounds / 2)]!;
    const pages = Math.ceil(servers / pageSize);
    console.log(
      `listServers, ${servers} servers in ${pages} pages of ${pageSize}`.padEnd(52) + `p50 ${p50.toFixed(1)} ms`,
    );
  } finally {
    await sim.close();
  }
}
