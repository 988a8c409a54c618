// The simulator CLI as a user runs it: one line with the base URL, clean exit on SIGINT/SIGTERM.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

const running: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of running.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

// `node --import tsx` runs the CLI directly (no npx wrapper), so signals reach it.
function runCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/simulator/cli.ts', ...args], { cwd: process.cwd() });
  running.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, exited, stderr: () => stderr };
}

async function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  const lines = createInterface({ input: child.stdout });
  const [line] = (await once(lines, 'line')) as [string];
  lines.close();
  return line;
}

describe('simulator CLI', () => {
  it('prints one line with the base URL and token, serves the API, exits 0 on SIGINT', async () => {
    const { child, exited } = runCli(['--port', '0', '--servers', '5', '--speed', '60']);
    const line = await firstLine(child);
    const match = /^VPS\.org simulator listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v1) \(token: demo-token\)$/.exec(
      line,
    );
    expect(line).toMatch(/^VPS\.org simulator listening on /);
    const response = await fetch(`${match![1]}/servers/`, { headers: { Authorization: 'Bearer demo-token' } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { count: number }).count).toBe(5);
    child.kill('SIGINT');
    expect(await exited).toEqual([0, null]);
  });

  it('takes the token and fault flags, and exits 0 on SIGTERM', async () => {
    const { child, exited } = runCli(['--port', '0', '--token', 'secret-1', '--error-rate', '1']);
    const line = await firstLine(child);
    const baseUrl = /(http:\/\/\S+)/.exec(line)![1];
    expect(line).toContain('(token: secret-1)');
    const response = await fetch(`${baseUrl}/servers/`, { headers: { Authorization: 'Bearer secret-1' } });
    expect(response.status).toBe(503);
    child.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
  });

  it('--revoke-after S revokes the token S seconds after start: 200 at first, then 401', async () => {
    const { child, exited } = runCli(['--port', '0', '--revoke-after', '3']);
    const baseUrl = /(http:\/\/\S+)/.exec(await firstLine(child))![1];
    const list = () => fetch(`${baseUrl}/servers/`, { headers: { Authorization: 'Bearer demo-token' } });
    expect((await list()).status).toBe(200);
    let status = 200;
    while (status === 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = (await list()).status;
    }
    expect(status).toBe(401);
    child.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
  }, 15_000);

  it('exits 2 with a message for an unknown flag or a bad value', async () => {
    for (const args of [
      ['--bogus'],
      ['--port', 'abc'],
      ['--error-rate', '2'],
      ['--speed', '0'],
      ['--revoke-after', '-1'],
      ['--revoke-after', 'soon'],
      ['--status-lag', '1.5'],
      ['--list-envelope', 'xml'],
      ['--write-answers', 'silent'],
      ['--unreadable-entries', '-1'],
    ]) {
      const run = runCli(args);
      const [code] = await run.exited;
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(run.stderr()).toMatch(/^simulator: /);
      expect(run.stderr()).toContain('Usage:');
    }
  });

  it('--help prints the usage and exits 0', async () => {
    const { child, exited } = runCli(['--help']);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    expect((await exited)[0]).toBe(0);
    expect(stdout).toContain('--rate-limit-rate');
    expect(stdout).toContain('--revoke-after S');
    for (const flag of ['--list-envelope KIND', '--odd-servers', '--unreadable-entries N', '--write-answers KIND'])
      expect(stdout).toContain(flag);
  });

  it('answers in the shapes its flags ask for', async () => {
    const { child, exited } = runCli([
      '--port',
      '0',
      '--servers',
      '3',
      '--list-envelope',
      'bare-array',
      '--odd-servers',
      '--unreadable-entries',
      '2',
      '--write-answers',
      'empty',
    ]);
    const baseUrl = /(http:\/\/\S+)/.exec(await firstLine(child))![1];
    const headers = { Authorization: 'Bearer demo-token' };
    const list = (await (await fetch(`${baseUrl}/servers/`, { headers })).json()) as unknown[];
    expect(Array.isArray(list)).toBe(true);
    expect(list).toHaveLength(5);
    const reboot = await fetch(`${baseUrl}/servers/12345/reboot/`, { method: 'POST', headers });
    expect([reboot.status, await reboot.text()]).toEqual([202, '']);
    child.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
  });
});
