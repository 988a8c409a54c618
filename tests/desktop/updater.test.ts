// The app's updater against a LOCAL update feed: electron-updater's real check (generic provider, its
// HTTP executor over a stand-in `electron.net`, its version comparison) behind main/desktop/updater.ts,
// driven by the real update service. A newer version is found and offered; an equal or older one is
// not; a broken feed (garbage YAML, HTTP 500) or an unreachable server is logged and retried later, never
// told as an error; and no restart happens while a power action is tracked.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type RequestOptions, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import electronUpdater from 'electron-updater';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLazyUpdaterPort, createUpdaterPort, updateUnavailableReason } from '../../main/desktop/updater';
import { createUpdateService, RETRY_BASE_MS, type UpdateMessage } from '../../main/updates/service';
import { standInForRequiredElectron } from '../support/electron-require';

const RUNNING_VERSION = '1.2.0';

const latestYml = (version: string) =>
  [
    `version: ${version}`,
    'files:',
    `  - url: VPS.org-Tray-${version}.AppImage`,
    '    sha512: bm90IGEgcmVhbCBoYXNo',
    '    size: 1024',
    `path: VPS.org-Tray-${version}.AppImage`,
    'sha512: bm90IGEgcmVhbCBoYXNo',
    "releaseDate: '2026-11-29T03:00:00.000Z'",
    '',
  ].join('\n');

/** The feed: answers every *.yml with `body` and `status`; records what was asked. */
async function startFeed(answer: () => { status: number; body: string }) {
  const asked: string[] = [];
  const server: Server = createServer((req, res) => {
    asked.push(new URL(req.url ?? '/', 'http://feed').pathname);
    const { status, body } = answer();
    res.writeHead(status, { 'content-type': 'text/yaml' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    asked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on: a server opened, and closed again. */
async function closedPortUrl(): Promise<string> {
  const feed = await startFeed(() => ({ status: 200, body: '' }));
  await feed.close();
  return feed.url;
}

let userData: string;
let undoElectron: () => void;

beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'vps-updater-'));
  // What electron-updater requires of Electron: the app (version, paths) and `net` for its requests,
  // here Node's own HTTP client.
  undoElectron = standInForRequiredElectron({
    app: {
      isPackaged: true,
      whenReady: () => Promise.resolve(),
      getVersion: () => RUNNING_VERSION,
      getName: () => 'VPS.org Tray',
      getAppPath: () => userData,
      getPath: () => userData,
      quit: () => {},
      relaunch: () => {},
      once: () => {},
    },
    net: {
      request: ({ session: _session, redirect: _redirect, ...options }: RequestOptions & Record<string, unknown>) =>
        request(options),
    },
    session: { fromPartition: () => ({}) },
  });
  // An AppImage run (electron-updater's AppImageUpdater is active only there).
  vi.stubEnv('APPIMAGE', join(userData, 'VPS.org-Tray.AppImage'));
  vi.stubEnv('XDG_CACHE_HOME', join(userData, 'cache'));
});

afterEach(() => {
  undoElectron();
  vi.unstubAllEnvs();
  rmSync(userData, { recursive: true, force: true });
});

function setup(feedUrl: string, options: { actionPending?: boolean } = {}) {
  const updater = new electronUpdater.AppImageUpdater();
  updater.setFeedURL({ provider: 'generic', url: feedUrl });
  // The download itself is electron-updater's own (checksums, files); here it only has to be asked for.
  const downloads = vi.spyOn(updater, 'downloadUpdate').mockResolvedValue([]);
  const installs = vi.spyOn(updater, 'quitAndInstall').mockImplementation(() => {});
  const lines: string[] = [];
  const log = (level: string, message: string) => void lines.push(`${level} ${message}`);
  const told: UpdateMessage[] = [];
  const timers: number[] = [];
  const flags = { actionPending: options.actionPending ?? false };
  const service = createUpdateService({
    updater: createUpdaterPort(updater, null, log),
    autoCheck: () => true,
    hasPendingAction: () => flags.actionPending,
    tell: (message) => void told.push(message),
    log,
    setTimer: (_run, ms) => timers.push(ms),
    clearTimer: () => {},
  });
  service.start();
  return { updater, service, downloads, installs, lines, told, timers, flags };
}

const feeds: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const feed of feeds.splice(0)) await feed.close();
});
async function feedOf(status: number, body: string) {
  const feed = await startFeed(() => ({ status, body }));
  feeds.push(feed);
  return feed;
}

describe('updater against a local feed', () => {
  it('finds a newer version, downloads it and offers it once', async () => {
    const feed = await feedOf(200, latestYml('1.3.0'));
    const s = setup(feed.url);
    const state = await s.service.check(false);
    expect(state).toMatchObject({ unavailable: null, phase: 'ready', version: '1.3.0' });
    // electron-updater asked the feed for the platform's channel file.
    expect(feed.asked).toEqual(['/latest-linux.yml']);
    expect(s.downloads).toHaveBeenCalledTimes(1);
    expect(s.told).toEqual([{ kind: 'ready', version: '1.3.0' }]);
    // Never restarted on its own.
    expect(s.installs).not.toHaveBeenCalled();
    await s.service.check(false);
    expect(s.told).toHaveLength(1);
  });

  it.each([
    ['equal', RUNNING_VERSION],
    ['older', '1.1.9'],
  ])('does not offer an %s version', async (_name, version) => {
    const feed = await feedOf(200, latestYml(version));
    const s = setup(feed.url);
    const state = await s.service.check(false);
    expect(state.phase).toBe('up-to-date');
    expect(feed.asked).toHaveLength(1);
    expect(s.downloads).not.toHaveBeenCalled();
    expect(s.told).toEqual([]);
    expect(s.lines.some((line) => line.includes(`latest version: ${version}`))).toBe(true);
  });

  it.each([
    ['garbage YAML', 200, '{{{ this: is: not [ yaml'],
    ['a server error', 500, 'internal error'],
  ])('a feed answering %s is logged and retried later, never shown', async (_name, status, body) => {
    const feed = await feedOf(status, body);
    const s = setup(feed.url);
    const state = await s.service.check(false);
    expect(state.phase).toBe('failed');
    expect(s.lines.filter((line) => line.startsWith('warn update: check failed (retrying in 5 min)'))).toHaveLength(1);
    expect(s.timers.at(-1)).toBe(RETRY_BASE_MS);
    expect(s.told).toEqual([]);
    expect(s.downloads).not.toHaveBeenCalled();
  });

  it('an unreachable server is logged and retried later; asked by hand, it says it cannot check now', async () => {
    const s = setup(await closedPortUrl());
    // electron-updater itself retries a refused connection a few times (about 3 s) before giving up.
    const state = await s.service.check(true);
    expect(state.phase).toBe('failed');
    expect(s.lines.find((line) => line.startsWith('warn update: check failed'))).toMatch(/ECONNREFUSED/);
    expect(s.timers.at(-1)).toBe(RETRY_BASE_MS);
    // A quiet "can't check now", the one answer to the user's own ask: no error.
    expect(s.told).toEqual([{ kind: 'check-failed' }]);
  }, 20_000);

  it('does not restart while a power action is tracked; restarts when asked after it ended', async () => {
    const feed = await feedOf(200, latestYml('1.3.0'));
    const s = setup(feed.url, { actionPending: true });
    await s.service.check(false);
    expect(s.service.restart()).toBe('action-pending');
    expect(s.installs).not.toHaveBeenCalled();
    s.flags.actionPending = false;
    expect(s.service.restart()).toBe('restarting');
    expect(s.installs).toHaveBeenCalledWith(true, true);
  });

  it('leaves downloading and installing to the service', async () => {
    const feed = await feedOf(200, latestYml('1.3.0'));
    const s = setup(feed.url);
    expect(s.updater.autoDownload).toBe(false);
    expect(s.updater.autoInstallOnAppQuit).toBe(true);
  });
});

describe('where the app cannot update itself', () => {
  const facts = { isPackaged: true, platform: 'linux', packageType: null, appImage: '/home/u/VPS.AppImage' };
  it('says why: development run, deb/rpm install, no AppImage, unknown platform', () => {
    expect(updateUnavailableReason({ ...facts, isPackaged: false })).toBe('development');
    expect(updateUnavailableReason({ ...facts, packageType: 'deb\n' })).toBe('package-manager');
    expect(updateUnavailableReason({ ...facts, packageType: 'rpm' })).toBe('package-manager');
    expect(updateUnavailableReason({ ...facts, appImage: undefined })).toBe('platform');
    expect(updateUnavailableReason({ ...facts, platform: 'freebsd' })).toBe('platform');
  });
  it('updates an AppImage, a Windows install and a macOS app', () => {
    expect(updateUnavailableReason(facts)).toBeNull();
    expect(updateUnavailableReason({ ...facts, platform: 'win32', appImage: undefined })).toBeNull();
    expect(updateUnavailableReason({ ...facts, platform: 'darwin', appImage: undefined })).toBeNull();
  });
});

/** What the port asks of electron-updater, recorded. */
const stubUpdater = () => ({
  autoDownload: true,
  autoInstallOnAppQuit: false,
  logger: null,
  checkForUpdates: vi.fn<() => Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string } }>>(async () => ({
    isUpdateAvailable: true,
    updateInfo: { version: '1.3.0' },
  })),
  downloadUpdate: vi.fn<() => Promise<string[]>>(async () => []),
  quitAndInstall: vi.fn<(silent: boolean, forceRunAfter: boolean) => void>(),
});

describe('electron-updater loaded on the first check', () => {
  it('loads nothing until asked, then once, set up as the service wants it', async () => {
    const updater = stubUpdater();
    const load = vi.fn<() => Promise<never>>(async () => updater as never);
    const port = createLazyUpdaterPort(load, () => {});
    expect(port.unavailable).toBeNull();
    port.install();
    expect(load).not.toHaveBeenCalled();
    await expect(port.check()).resolves.toBe('1.3.0');
    await port.download();
    port.install();
    expect(load).toHaveBeenCalledTimes(1);
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.downloadUpdate).toHaveBeenCalledTimes(1);
    expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true);
  });

  it('a failed load fails that check, and the next check loads again', async () => {
    const updater = stubUpdater();
    const load = vi
      .fn<() => Promise<never>>()
      .mockRejectedValueOnce(new Error('chunk missing'))
      .mockResolvedValue(updater as never);
    const port = createLazyUpdaterPort(load, () => {});
    await expect(port.check()).rejects.toThrow('chunk missing');
    await expect(port.check()).resolves.toBe('1.3.0');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
