// The pieces of "Copy diagnostics" on their own: the ring buffer of recent warnings and errors, and the
// environment read from Electron's process.
import { describe, expect, it } from 'vitest';
import { describeEnvironment } from '../../main/diagnostics/environment';
import { createRecentLog, RECENT_LINES_KEPT } from '../../main/diagnostics/recent-log';
import { scrub } from '../../main/diagnostics/report';

describe('recent log', () => {
  it('keeps only the last warnings and errors, with their times and levels', () => {
    let now = 0;
    const recent = createRecentLog({ now: () => (now += 1000) });
    recent.record('info', 'started');
    for (let index = 1; index <= RECENT_LINES_KEPT + 5; index += 1)
      recent.record(index % 2 ? 'warn' : 'error', `#${index}`);
    const lines = recent.lines();
    expect(lines).toHaveLength(RECENT_LINES_KEPT);
    expect(lines[0]).toEqual({ at: 6000, level: 'error', line: '#6' });
    expect(lines.at(-1)).toEqual({ at: 25_000, level: 'warn', line: '#25' });
  });
});

describe('environment', () => {
  it("prefers the OS's own version (Electron) to the kernel's, and reads the desktop", () => {
    const env = describeEnvironment({
      versions: { node: '22.20.0' },
      platform: 'darwin',
      arch: 'arm64',
      env: {},
      osRelease: '23.1.0',
      systemVersion: '14.1.2',
    });
    expect(env).toEqual({
      electron: null,
      chrome: null,
      node: '22.20.0',
      platform: 'darwin',
      osVersion: '14.1.2',
      arch: 'arm64',
      desktop: null,
      sessionType: null,
    });
  });
});

describe('scrub', () => {
  const scrubbing = { redact: (text: string) => text.replaceAll('tok_live_0123456789', '[redacted]'), known: [] };
  it('takes out addresses and hostnames by their shape, keeps versions in prose, times, files and frames', () => {
    const line =
      'tok_live_0123456789 to https://vps.internal.example:8443/x 10.0.0.7 fe80::1 at 04:10:00 in index.js, Server.emit';
    expect(scrub(line, { ...scrubbing, includeServerNames: false })).toBe(
      '[redacted] to https://[host]:8443/x [ip] [ip] at 04:10:00 in index.js, Server.emit',
    );
    expect(scrub(line, { ...scrubbing, includeServerNames: true })).toBe(
      line.replace('tok_live_0123456789', '[redacted]'),
    );
  });

  it('takes out known server names, hostnames and account labels whatever their letter case', () => {
    const known = [
      { text: 'web-server-01', as: '[server]' as const },
      { text: 'db', as: '[server]' as const },
      { text: 'Web01.Example.com', as: '[host]' as const },
      { text: 'Křížek s.r.o.', as: '[account]' as const },
    ];
    const line = 'WEB-SERVER-01 and Web-Server-01, DB and Db, web01.example.COM, KŘÍŽEK S.R.O. and křížek s.r.o.';
    expect(scrub(line, { ...scrubbing, known, includeServerNames: false })).toBe(
      '[server] and [server], [server] and [server], [host], [account] and [account]',
    );
  });
});
