// "Copy diagnostics" through the whole core: the text main puts on the clipboard holds what a bug report
// needs, and by default neither the token nor any server name, hostname or IP address, even when the
// log lines carried them; ticked, the names and addresses stay and the token still never does.
import { describe, expect, it } from 'vitest';
import { InvokeChannel, type ServerView } from '../../common/contract';
import { createRecentLog } from '../../main/diagnostics/recent-log';
import { describeEnvironment } from '../../main/diagnostics/environment';
import { fleetSnapshot, invoke, okValue, type Harness, useHarnessPerTest } from './harness';

const startHarness = useHarnessPerTest();

const environment = describeEnvironment({
  versions: { electron: '45.5.0', chrome: '140.0.7339.133', node: '22.20.0' },
  platform: 'linux',
  arch: 'x64',
  env: { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME', XDG_SESSION_TYPE: 'wayland' },
  osRelease: '6.8.0-49-generic',
});

async function copied(h: Harness, includeServerNames: boolean): Promise<string> {
  okValue(await invoke(h, InvokeChannel.diagnosticsCopy, { includeServerNames }));
  return h.ports.clipboard.texts.at(-1)!;
}

async function withLoggedSecrets() {
  const recent = createRecentLog({ now: () => Date.parse('2026-11-29T03:40:00Z') });
  const h = await startHarness({ deps: { diagnostics: { environment, recentLines: recent.lines } } });
  const views: ServerView[] = (await fleetSnapshot(h)).servers;
  const server = views.find((view) => view.server.ip_address && view.server.hostname)!.server;
  // Lines as a careless message could have written them (the real log redacts the token before this).
  recent.record('info', 'not kept: info lines are not errors');
  recent.record('warn', `Refresh failed (network): GET ${h.sim.baseUrl}/servers/ with Bearer ${h.sim.token}`);
  recent.record('error', `The reboot of ${server.name} (${server.hostname}, ${server.ip_address}) failed`);
  recent.record('error', 'ssh to db.acme-corp.example [2001:db8::17] and 198.51.100.23 timed out');
  recent.record('warn', 'at /home/jana/.config/VPS.org Tray/logs/main.log: Server.emit (node:events:519)');
  return { h, server, recent };
}

/** A text in capitals, and in alternating case. */
const shout = (text: string) => text.toUpperCase();
const mixed = (text: string) => [...text].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('');

describe('copy diagnostics', () => {
  it('holds versions, OS and desktop, keychain, account count, intervals, updates and the recent errors', async () => {
    const { h } = await withLoggedSecrets();
    const text = await copied(h, false);
    expect(text).toContain('App version: 0.1.0-test');
    expect(text).toContain('Electron: 45.5.0 (Chromium 140.0.7339.133, Node 22.20.0)');
    expect(text).toContain('OS: linux 6.8.0-49-generic (x64)');
    expect(text).toContain('Desktop: ubuntu:GNOME, wayland');
    expect(text).toContain('Keychain: memory-test (kept across restarts)');
    expect(text).toContain('Accounts: 1\n');
    expect(text).toContain('Poll intervals: idle 60 s, popup open 15 s, during actions 3 s');
    expect(text).toContain('Updates: not available (development)');
    expect(text).toContain('Recent warnings and errors (4):');
    expect(text).toContain('2026-11-29T03:40:00.000Z WARN Refresh failed (network)');
    expect(text).not.toContain('info lines');
    // No account label either.
    expect(text).not.toContain('VPS.org Tray/logs');
  });

  it('by default: no token, no server name, hostname or IP address', async () => {
    const { h, server } = await withLoggedSecrets();
    const text = await copied(h, false);
    for (const secret of [
      h.sim.token,
      server.name,
      server.hostname!,
      server.ip_address!,
      '127.0.0.1',
      'db.acme-corp.example',
      '2001:db8::17',
      '198.51.100.23',
      'jana',
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain('The reboot of [server] ([host], [ip]) failed');
    expect(text).toContain('ssh to [host] [[ip]] and [ip] timed out');
    expect(text).toContain('Server names and addresses: left out');
    // File names and stack frames are not mistaken for hostnames.
    expect(text).toContain('main.log: Server.emit (node:events:519)');
  });

  it('by default: server names and hostnames are left out whatever their letter case', async () => {
    const { h, server, recent } = await withLoggedSecrets();
    recent.record('error', `Stop of ${shout(server.name)} on ${shout(server.hostname!)} failed`);
    recent.record('warn', `${mixed(server.name)} (${mixed(server.hostname!)}) is slow`);
    const text = await copied(h, false);
    for (const variant of [shout, mixed]) {
      expect(text.toLowerCase()).not.toContain(variant(server.name).toLowerCase());
      expect(text.toLowerCase()).not.toContain(variant(server.hostname!).toLowerCase());
    }
    expect(text).toContain('Stop of [server] on [host] failed');
    expect(text).toContain('[server] ([host]) is slow');
  });

  it('ticked: server names and addresses stay, the token still never', async () => {
    const { h, server } = await withLoggedSecrets();
    const text = await copied(h, true);
    expect(text).not.toContain(h.sim.token);
    expect(text).toContain(`The reboot of ${server.name} (${server.hostname}, ${server.ip_address}) failed`);
    expect(text).toContain('db.acme-corp.example [2001:db8::17] and 198.51.100.23');
    expect(text).toContain('Server names and addresses: included');
  });

  it('refuses a request that is not exactly the tick', async () => {
    const h = await startHarness();
    const result = await invoke(h, InvokeChannel.diagnosticsCopy, { includeServerNames: 'yes' });
    expect(result.ok).toBe(false);
    expect(h.ports.clipboard.texts).toEqual([]);
  });

  it('counts the history’s events always, and lists the last ones with names only when names are included', async () => {
    const h = await startHarness();
    const web = { accountId: 'default', id: 12345 };
    await h.core.powerAction(web, 'reboot');
    await h.settle();
    const left = await copied(h, false);
    expect(left).toMatch(
      /^History: 90 days kept, \d+ events \(status \d+, action 1, alert \d+, account 0, gap 0\), 0 bytes$/m,
    );
    expect(left).not.toContain('Recent history');
    expect(left).not.toContain('web-server-01');
    const named = await copied(h, true);
    expect(named).toMatch(/^Recent history \(\d+\):$/m);
    expect(named).toMatch(/ reboot web-server-01 from the tray: sent$/m);
    expect(named).not.toContain(h.sim.token);
  });
});
