import { createCore } from '../main/core';
import { createMemoryPorts, createMemoryVault } from '../dev/memory-ports';
import { startSimulatorProcess } from '../bench/simulator-process';
import { temporaryHistoryFolder } from '../bench/history-folder';
import { fork } from 'node:child_process';
import { once } from 'node:events';
const sim = await startSimulatorProcess({ servers: 5000, pageSize: 500, speed: 1 });
const vault = createMemoryVault([{ account: { id: 'default', label: 'VPS.org', baseUrl: sim.baseUrl }, token: sim.token }]);
const history = temporaryHistoryFolder();
const core = createCore({ ...createMemoryPorts({ vault }), clientOptions: { retry: { limit: 0 } }, random: () => 1, historyDirectory: history.directory });
await core.start();
await core.refreshNow();
const child = fork('bench/poll-driver.ts', [sim.baseUrl, sim.token, '50'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
await once(child, 'message');
for (let i = 0; i < 3; i++) await core.refreshNow();
const cpu = () => { const u = (process as any).threadCpuUsage(); return (u.user + u.system) / 1000; };
const t0 = performance.now();
let lastW = performance.now(), lastC = cpu();
const gaps: { at: number; wall: number; cpu: number; label: string }[] = [];
let label = 'idle';
const timer = setInterval(() => { const w = performance.now(), c = cpu(); gaps.push({ at: lastW - t0, wall: w - lastW, cpu: c - lastC, label }); lastW = w; lastC = c; }, 1);
for (let r = 0; r < 10; r++) { label = 'unchanged' + r; await core.refreshNow(); }
for (let r = 0; r < 10; r++) { label = 'reboot' + r; child.send({ round: r }); await once(child, 'message'); label = 'changed' + r; await core.refreshNow(); }
clearInterval(timer);
for (const g of gaps.sort((a, b) => b.wall - a.wall).slice(0, 8)) console.log(g.label, 'wall', g.wall.toFixed(1), 'cpu', g.cpu.toFixed(1), 'at', g.at.toFixed(0));
child.disconnect(); await core.stop(); await sim.close(); history.remove();
