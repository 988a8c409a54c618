// The simulator in a child process, so the CPU it spends answering is not counted as the tray's.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface SimulatorProcess {
  baseUrl: string;
  token: string;
  close(): Promise<void>;
}

export async function startSimulatorProcess(options: { servers: number; pageSize: number; speed: number }) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'main/simulator/cli.ts',
      '--port',
      '0',
      '--seed',
      '7',
      '--servers',
      String(options.servers),
      '--page-size',
      String(options.pageSize),
      '--speed',
      String(options.speed),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const [line] = (await once(lines, 'line')) as [string];
  const match = /listening on (\S+) \(token: ([^)]+)\)/.exec(line);
  if (!match) throw new Error(`unexpected simulator output: ${line}`);
  const simulator: SimulatorProcess = {
    baseUrl: match[1]!,
    token: match[2]!,
    async close() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
  return simulator;
}
