// Packages the app with electron-builder (Linux, unpacked, offline with a stand-in Electron) and
// checks what a user would install: app.asar with the three bundles and nothing else, tray icons
// beside it, the Electron fuses flipped in the executable. Slow (a build plus electron-builder): one
// run for the whole file.
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrayIconState } from '../../main/tray/summary';
import { TRAY_ICON_NAMES, trayIconFile } from '../../main/tray/icons';
import { auditAsar } from '../../scripts/check-asar';

let output: string;
let run: { status: number | null; stdout: string; stderr: string };

beforeAll(() => {
  output = mkdtempSync(join(tmpdir(), 'vps-package-'));
  const result = spawnSync(process.execPath, ['scripts/package-dir.mjs', '--output', output], { encoding: 'utf8' });
  run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
}, 180_000);

afterAll(() => {
  rmSync(output, { recursive: true, force: true });
});

describe('package:dir', () => {
  it('succeeds and says so', () => {
    expect(run.stderr + run.stdout).toContain('package-dir: OK');
    expect(run.status).toBe(0);
  });

  it('puts the three bundles and package.json in app.asar, without node_modules or source maps', () => {
    const asar = join(output, 'linux-unpacked', 'resources', 'app.asar');
    const entries = execFileSync(resolve('node_modules/.bin/asar'), ['list', asar], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(entries).toEqual(
      expect.arrayContaining([
        '/dist/main/index.js',
        '/dist/preload/index.cjs',
        '/dist/renderer/index.html',
        '/package.json',
      ]),
    );
    expect(entries.filter((entry) => entry.startsWith('/node_modules') || entry.endsWith('.map'))).toEqual([]);
  });

  it('ships every tray icon the tray can ask for (each panel theme, Template, @2x) outside the asar, and the named executable', () => {
    const tray = join(output, 'linux-unpacked', 'resources', 'tray');
    const icons = readdirSync(tray);
    const states = Object.keys(TRAY_ICON_NAMES) as TrayIconState[];
    const asked = states.flatMap((state) =>
      ['darwin', 'win32', 'linux'].flatMap((platform) =>
        (['dark', 'light'] as const).map((panel) => trayIconFile(state, platform, panel).fileName),
      ),
    );
    // 6 states in 3 looks (on a dark panel, on a light one, Template).
    expect(new Set(asked).size).toBe(18);
    for (const file of asked) {
      expect(icons).toContain(file);
      expect(icons).toContain(file.replace(/\.png$/, '@2x.png'));
    }
    expect(existsSync(join(output, 'linux-unpacked', 'vps-org-tray'))).toBe(true);
  });

  it('holds the built app and nothing else: no sources, tests, source maps or dev dependencies', () => {
    const asar = join(output, 'linux-unpacked', 'resources', 'app.asar');
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    expect(auditAsar(asar, Object.keys(manifest.devDependencies))).toEqual([]);
    expect(run.stdout).toContain('check-asar: OK');
  });

  it('flips the fuses of electron-builder.yml in the executable', async () => {
    const wire = await getCurrentFuseWire(join(output, 'linux-unpacked', 'vps-org-tray'));
    const state = (fuse: FuseV1Options) => String.fromCharCode(Number(wire[fuse]));
    // '0' off, '1' on (the stand-in starts from Electron's defaults, the opposite of each of these).
    expect({
      runAsNode: state(FuseV1Options.RunAsNode),
      nodeOptions: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      inspectArguments: state(FuseV1Options.EnableNodeCliInspectArguments),
      asarIntegrity: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      onlyLoadAppFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
      cookieEncryption: state(FuseV1Options.EnableCookieEncryption),
      fileProtocolExtraPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual({
      runAsNode: '0',
      nodeOptions: '0',
      inspectArguments: '0',
      asarIntegrity: '1',
      onlyLoadAppFromAsar: '1',
      cookieEncryption: '1',
      fileProtocolExtraPrivileges: '0',
    });
  });

  it('writes the update feed (GitHub releases) into resources/app-update.yml, where electron-updater reads it', () => {
    const config = readFileSync(join(output, 'linux-unpacked', 'resources', 'app-update.yml'), 'utf8');
    expect(config).toMatch(/^provider: github$/m);
    expect(config).toMatch(/^owner: \S+$/m);
    expect(config).toMatch(/^repo: \S+$/m);
  });
});
