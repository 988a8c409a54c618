// `--self-test` in the built app, booted against the Electron stand-in (boot-kit.ts): the same
// self-test code the packaged app runs on a real desktop (main/desktop/self-test-setup.ts,
// main/self-test/) moves to a temporary profile before ready, starts the demo, finds the tray, opens
// the popup and counts its rows through the built preload, reboots one demo server (ONE POST at the
// simulator) and waits for it to settle, round-trips a token through safeStorage, skips what only a
// packaged app has, prints ONE line of JSON and exits 0 — leaving the profile it was given untouched.
// Platform: the test machine's own (Linux in CI), with nothing platform-specific relied on beyond the
// stand-in's menu rules (separators and `&` as Electron builds menus, electron-stand-in/menu.ts).
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { useBootedApp, writesIn } from './boot-kit';

const written: string[] = [];
beforeAll(() => {
  process.argv.push('--self-test');
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    written.push(String(chunk));
    return (write as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean)(chunk, ...rest);
  });
});
afterAll(() => {
  process.argv.splice(process.argv.indexOf('--self-test'), 1);
  vi.restoreAllMocks();
});

const booted = useBootedApp();

interface Verdict {
  ok: boolean;
  checks: Array<{ name: string; ok: boolean; ms: number; detail?: string }>;
}

test(
  '--self-test: one JSON verdict line, every check passed, exit 0, one reboot POST, the given profile untouched',
  { timeout: 70_000 },
  async () => {
    const { app, requests, userData } = booted();
    await Promise.race([
      app.whenQuit,
      new Promise((_, reject) => setTimeout(() => reject(new Error('no exit within 60 s')), 60_000)),
    ]);

    const lines = written
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{"ok":'));
    expect(lines).toHaveLength(1);
    const verdict = JSON.parse(lines[0]!) as Verdict;
    expect(verdict.checks.map(({ name }) => name)).toEqual([
      'start',
      'tray',
      'popup',
      'first-rows',
      'reboot',
      'safe-storage',
      'fuses',
      'app-update.yml',
    ]);
    expect(verdict.checks.filter((check) => !check.ok)).toEqual([]);
    expect(verdict.ok).toBe(true);
    expect(app.record.exitCode).toBe(0);
    const detail = (name: string) => verdict.checks.find((check) => check.name === name)?.detail;
    expect(detail('tray')).toBe('25 servers, icon demo');
    expect(detail('first-rows')).toMatch(/^\d+ rows$/);
    expect(detail('reboot')).toMatch(/rebooted/);
    expect(detail('safe-storage')).toBe('stored and read back (gnome_libsecret, key: secret-service)');
    expect(detail('fuses')).toBe('skipped: not packaged');

    expect(writesIn(requests)).toEqual([
      {
        method: 'POST',
        path: expect.stringMatching(/^\/api\/v1\/servers\/\d+\/reboot\/$/) as unknown,
        port: requests[0]?.port,
      },
    ]);
    // The profile the app was started with (the user's) got nothing; the temporary one is gone.
    expect(readdirSync(userData)).toEqual([]);
    const profile = app.getPath('userData');
    expect(profile).not.toBe(userData);
    expect(existsSync(profile)).toBe(false);
  },
);
