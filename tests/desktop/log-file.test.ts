// The log file: lines with time and level, rotation at the cap, old files pruned, never a token, and a
// folder that cannot be written leaves the app running on the console alone.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { combineSinks, createAppLog } from '../../main/app-log';
import { createLogFileSink } from '../../main/desktop/log-file';
import { createRedactor } from '../../main/redactor';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'vps-log-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const at = Date.UTC(2026, 10, 29, 3, 20, 0);
const read = (name: string) => readFileSync(join(folder, 'logs', name), 'utf8');

describe('log file', () => {
  it('creates the folder and writes each line with its time and level', () => {
    const sink = createLogFileSink({ directory: join(folder, 'logs'), now: () => at });
    sink('info', '[vps-tray] started');
    sink('error', '[vps-tray] failed');
    expect(read('main.log')).toBe(
      '2026-11-29T03:20:00.000Z INFO [vps-tray] started\n2026-11-29T03:20:00.000Z ERROR [vps-tray] failed\n',
    );
  });

  it('appends to the file an earlier run left', () => {
    createLogFileSink({ directory: join(folder, 'logs'), now: () => at })('info', 'first run');
    createLogFileSink({ directory: join(folder, 'logs'), now: () => at })('warn', 'second run');
    expect(read('main.log').split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('rotates at the size cap and keeps only the newest old files', () => {
    const line = 'x'.repeat(60); // 86 bytes with time and level: one line per 100-byte file
    const sink = createLogFileSink({ directory: join(folder, 'logs'), maxBytes: 100, keep: 3, now: () => at });
    for (let index = 1; index <= 6; index += 1) sink('info', `${index}${line}`);
    expect(readdirSync(join(folder, 'logs')).toSorted()).toEqual([
      'main.1.log',
      'main.2.log',
      'main.3.log',
      'main.log',
    ]);
    expect(read('main.log')).toContain(`6${line}`);
    expect(read('main.1.log')).toContain(`5${line}`);
    expect(read('main.3.log')).toContain(`3${line}`);
    // Lines 1 and 2 went with the pruned files.
    const all = ['main.log', 'main.1.log', 'main.2.log', 'main.3.log'].map(read).join('');
    expect(all).not.toContain(`1${line}`);
    expect(all).not.toContain(`2${line}`);
  });

  it('fills a file up to the cap before rotating', () => {
    const sink = createLogFileSink({ directory: join(folder, 'logs'), maxBytes: 1000, now: () => at });
    for (let index = 0; index < 5; index += 1) sink('info', 'short line');
    expect(readdirSync(join(folder, 'logs'))).toEqual(['main.log']);
  });

  it('never holds a token: lines reach it through the redactor', () => {
    const redactor = createRedactor();
    redactor.add('tok_live_0123456789');
    const log = createAppLog(redactor, createLogFileSink({ directory: join(folder, 'logs'), now: () => at }));
    log('error', 'vault: saving tok_live_0123456789 failed');
    expect(read('main.log')).toContain('vault: saving [redacted] failed');
    expect(read('main.log')).not.toContain('tok_live_0123456789');
  });

  it('a folder that cannot be written does not throw: it reports once and the console still gets every line', () => {
    writeFileSync(join(folder, 'not-a-folder'), '');
    const failures: unknown[] = [];
    const consoleLines: string[] = [];
    const sink = combineSinks(
      createLogFileSink({ directory: join(folder, 'not-a-folder', 'logs'), onFailure: (e) => failures.push(e) }),
      (level, line) => consoleLines.push(`${level} ${line}`),
    );
    expect(() => {
      sink('info', 'one');
      sink('error', 'two');
    }).not.toThrow();
    expect(failures).toHaveLength(1);
    expect(consoleLines).toEqual(['info one', 'error two']);
    expect(existsSync(join(folder, 'not-a-folder', 'logs'))).toBe(false);
  });
});

describe('log lines cannot be forged', () => {
  it('a server name with a line break stays on its own line, its controls written as escapes', () => {
    const log = createAppLog(createRedactor(), createLogFileSink({ directory: join(folder, 'logs'), now: () => at }));
    const name = 'web-01\n2026-11-29T03:20:00.000Z ERROR [vps-tray] token sent to evil.example\r\u001b[2K\u202Eexe';
    log('info', `Reboot of ${name} sent`);
    const lines = read('main.log').split('\n').filter(Boolean);
    expect(lines).toEqual([
      '2026-11-29T03:20:00.000Z INFO [vps-tray] Reboot of web-01\\n2026-11-29T03:20:00.000Z ERROR [vps-tray] token sent to evil.example\\r\\u001b[2K\\u202eexe sent',
    ]);
  });

  it('the diagnostics see the same escaped line', () => {
    const seen: string[] = [];
    createAppLog(createRedactor(), (_level, line) => seen.push(line))('warn', 'a\tb\u0085c\u2028d');
    expect(seen).toEqual(['[vps-tray] a\\tb\\u0085c\\u2028d']);
  });
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('log file modes', () => {
  it('creates the folder 0700 and main.log 0600', () => {
    createLogFileSink({ directory: join(folder, 'logs'), now: () => at })('info', 'first');
    expect(mode(join(folder, 'logs'))).toBe(0o700);
    expect(mode(join(folder, 'logs', 'main.log'))).toBe(0o600);
  });

  it('makes a folder and files an earlier version left readable to others the user’s alone', () => {
    mkdirSync(join(folder, 'logs'), { mode: 0o755 });
    chmodSync(join(folder, 'logs'), 0o755);
    writeFileSync(join(folder, 'logs', 'main.log'), 'old\n', { mode: 0o644 });
    writeFileSync(join(folder, 'logs', 'main.1.log'), 'older\n', { mode: 0o644 });
    createLogFileSink({ directory: join(folder, 'logs'), now: () => at })('info', 'next');
    expect(mode(join(folder, 'logs'))).toBe(0o700);
    expect(mode(join(folder, 'logs', 'main.log'))).toBe(0o600);
    expect(mode(join(folder, 'logs', 'main.1.log'))).toBe(0o600);
  });

  it('a rotated file keeps 0600, and the new main.log is 0600 too', () => {
    const sink = createLogFileSink({ directory: join(folder, 'logs'), maxBytes: 100, keep: 2, now: () => at });
    for (let index = 0; index < 4; index += 1) sink('info', 'y'.repeat(60));
    for (const name of readdirSync(join(folder, 'logs'))) expect(mode(join(folder, 'logs', name))).toBe(0o600);
  });
});
