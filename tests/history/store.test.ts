// The history store on real temp folders: what is appended reads back, a crash's torn line or a damaged
// line costs only itself, compaction keeps retention and the size cap and is atomic, the files are the
// owner's alone, and clear and removeAccount forget what they say.
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogLevel } from '../../main/app-log';
import type { HistoryEvent } from '../../main/history/events';
import { createHistoryStore, HISTORY_FILE, type HistoryStoreOptions } from '../../main/history/store';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 7, 12);

let root: string;
let folder: string;
let file: string;
let logged: { level: LogLevel; message: string }[];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vps-history-'));
  folder = join(root, 'history');
  file = join(folder, HISTORY_FILE);
  logged = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function open(options: Partial<HistoryStoreOptions> = {}) {
  return createHistoryStore({
    directory: folder,
    now: () => NOW,
    log: (level, message) => logged.push({ level, message }),
    ...options,
  });
}

const status = (at: number, accountId = 'a1', serverId = 7): HistoryEvent => ({
  at,
  accountId,
  serverId,
  kind: 'status',
  from: 'active',
  to: 'stopped',
});

/** The file as an earlier run left it (no compaction on the way). */
function writeEvents(events: HistoryEvent[]): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, events.map((event) => `${JSON.stringify(event)}\n`).join(''));
}

const fileLines = () => readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('history store', () => {
  it('reads back what was appended, one line per event, oldest first', () => {
    const events: HistoryEvent[] = [
      status(NOW - 3000),
      { at: NOW - 1000, accountId: 'a1', serverId: 7, kind: 'action', action: 'reboot', outcome: 'sent' },
      { at: NOW - 2000, accountId: 'a2', kind: 'gap', until: NOW - 1500, reason: 'closed' },
      { at: NOW, accountId: 'a2', kind: 'account', change: 'signed-in' },
    ];
    const store = open();
    for (const event of events) expect(store.append(event)).toBe(true);
    expect(fileLines()).toHaveLength(4);
    expect(open().read()).toEqual([events[0], events[2], events[1], events[3]]);
  });

  it('skips a torn last line after a crash, and the next append is not lost with it', () => {
    open().append(status(NOW - 2000));
    appendFileSync(file, '{"at":17650000,"accountId":"a1","ser');
    const store = open();
    expect(store.read()).toEqual([status(NOW - 2000)]);
    store.append(status(NOW - 1000));
    expect(open().read()).toEqual([status(NOW - 2000), status(NOW - 1000)]);
  });

  it('skips a malformed line in the middle and keeps the rest', () => {
    mkdirSync(folder);
    const lines = [
      JSON.stringify(status(NOW - 3000)),
      'not json at all',
      JSON.stringify({ at: NOW - 2500, accountId: 'a1', kind: 'from-a-newer-version' }),
      JSON.stringify(status(NOW - 2000)),
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(open().read()).toEqual([status(NOW - 3000), status(NOW - 2000)]);
  });

  it('drops events older than the retention when it compacts, and answers the events it kept', () => {
    writeEvents([status(NOW - 91 * DAY), status(NOW - 89 * DAY), status(NOW - DAY)]);
    // What it kept, so a caller that needs them (the start's last statuses) does not read the file again.
    expect(open({ retentionMs: 90 * DAY }).compact()).toEqual([status(NOW - 89 * DAY), status(NOW - DAY)]);
    expect(fileLines().map((line) => (JSON.parse(line) as HistoryEvent).at)).toEqual([NOW - 89 * DAY, NOW - DAY]);
    expect(open().read()).toEqual([status(NOW - 89 * DAY), status(NOW - DAY)]);
  });

  it('compacts on its first append, then at most once a day', () => {
    writeEvents([status(NOW - 11 * DAY)]);
    let now = NOW;
    const store = open({ now: () => now, retentionMs: 10 * DAY });
    store.append(status(NOW));
    expect(fileLines()).toEqual([JSON.stringify(status(NOW))]);
    store.append(status(NOW - 11 * DAY));
    expect(fileLines()).toHaveLength(2);
    now += DAY;
    store.append(status(now));
    expect(fileLines()).toEqual([JSON.stringify(status(NOW)), JSON.stringify(status(now))]);
  });

  it('keeps the file under the size cap by dropping the oldest events', () => {
    const maxBytes = 4000;
    const store = open({ maxBytes });
    const line = `${JSON.stringify(status(NOW))}\n`.length;
    for (let index = 0; index < 200; index += 1) {
      store.append(status(NOW - 200 + index));
      expect(statSync(file).size).toBeLessThanOrEqual(maxBytes + line);
    }
    const kept = open({ maxBytes }).read();
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.at(-1)).toEqual(status(NOW - 1));
    expect(kept[0]!.at).toBe(NOW - kept.length);
  });

  it('a compaction an append finds due runs where the caller schedules it (the app: after the poll), once', () => {
    const tasks: (() => void)[] = [];
    const store = open({ maxBytes: 1000, scheduleCompaction: (task) => void tasks.push(task) });
    store.appendBatch(Array.from({ length: 40 }, (_, index) => status(NOW - 40 + index)));
    store.append(status(NOW));
    expect(fileLines()).toHaveLength(41);
    expect(tasks).toHaveLength(1);
    tasks[0]!();
    expect(statSync(file).size).toBeLessThanOrEqual(1000);
    expect(store.read().at(-1)).toEqual(status(NOW));
  });

  it('leaves the old file whole when a compaction fails between the write and the rename', () => {
    writeEvents([status(NOW - 100 * DAY), status(NOW - DAY)]);
    const before = readFileSync(file);
    const store = open({
      rename: () => {
        throw Object.assign(new Error('crash'), { code: 'EIO' });
      },
    });
    store.compact();
    expect(readFileSync(file)).toEqual(before);
    expect(readdirSync(folder)).toEqual([HISTORY_FILE]);
    expect(logged).toContainEqual({ level: 'warn', message: expect.stringContaining('EIO') });
    expect(store.append(status(NOW))).toBe(true);
    expect(open().read()).toEqual([status(NOW - DAY), status(NOW)]);
  });

  it.skipIf(process.platform === 'win32')('keeps the folder 0700 and the file 0600, also after a compaction', () => {
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    writeFileSync(file, `${JSON.stringify(status(NOW - 1000, 'old'))}\n`, { mode: 0o644 });
    chmodSync(file, 0o644);
    writeFileSync(`${file}.tmp`, 'left by a crash', { mode: 0o644 });
    chmodSync(`${file}.tmp`, 0o644);
    const store = open();
    store.append(status(NOW));
    expect(fileLines()).toHaveLength(2);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    store.removeAccount('old');
    expect(fileLines()).toHaveLength(1);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    rmSync(root, { recursive: true });
    open().append(status(NOW));
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('forgets everything on clear, and keeps recording after it', () => {
    const store = open();
    store.append(status(NOW - 1000));
    store.clear();
    expect(existsSync(file)).toBe(false);
    expect(open().read()).toEqual([]);
    store.append(status(NOW));
    expect(open().read()).toEqual([status(NOW)]);
  });

  it("forgets one account's events on removeAccount, and only those", () => {
    const store = open();
    store.append(status(NOW - 3000, 'a1'));
    store.append(status(NOW - 2000, 'gone'));
    store.append({ at: NOW - 1000, accountId: 'gone', kind: 'account', change: 'added' });
    store.append(status(NOW, 'a2'));
    store.removeAccount('gone');
    expect(readFileSync(file, 'utf8')).not.toContain('gone');
    expect(open().read()).toEqual([status(NOW - 3000, 'a1'), status(NOW, 'a2')]);
  });

  it('filters by account, server and time', () => {
    const store = open();
    const events = [status(NOW - 3000, 'a1', 1), status(NOW - 2000, 'a1', 2), status(NOW - 1000, 'a2', 1)];
    for (const event of events) store.append(event);
    expect(store.read({ accountId: 'a1' })).toEqual([events[0], events[1]]);
    expect(store.read({ serverId: 1 })).toEqual([events[0], events[2]]);
    expect(store.read({ since: NOW - 2000 })).toEqual([events[1], events[2]]);
    expect(store.read({ accountId: 'a1', serverId: 1, since: NOW - 2000 })).toEqual([]);
    expect(store.read({ accountId: 'nobody' })).toEqual([]);
  });

  it('writes no server name or address, to the file or to a log line', () => {
    const named: HistoryEvent = Object.assign(status(NOW), { name: 'web-1.example', ip: '203.0.113.7' });
    const bad = { at: NOW, accountId: 'a1', kind: 'status', name: 'web-1.example' } as unknown as HistoryEvent;
    const store = open({ maxBytes: 600 });
    for (let index = 0; index < 20; index += 1) store.append(named);
    expect(store.append(bad)).toBe(false);
    expect(readFileSync(file, 'utf8')).not.toMatch(/web-1|203\.0/);
    expect(logged.length).toBeGreaterThan(0);
    for (const { message } of logged) expect(message).not.toMatch(/web-1|203\.0|vps-history/);
  });
});
