// Benchmark of the simulator: how fast it answers a large list and a detail.
// Run: npx tsx bench/simulator.ts [servers=2000]
import { startSimulator } from '../main/simulator/simulator';

const servers = Number(process.argv[2] ?? 2000);
const rounds = 50;

async function time(label: string, url: string, token: string): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(2);
  console.log(`${label.padEnd(40)} p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  (${rounds} rounds)`);
}

const sim = await startSimulator({ servers, pageSize: servers });
try {
  await time(`list of ${servers} servers (one page)`, `${sim.baseUrl}/servers/`, sim.token);
  const paged = await startSimulator({ servers });
  try {
    await time(`list page of 50 of ${servers}`, `${paged.baseUrl}/servers/?page=2`, paged.token);
    await time('detail', `${paged.baseUrl}/servers/12345/`, paged.token);
  } finally {
    await paged.close();
  }
} finally {
  await sim.close();
}
