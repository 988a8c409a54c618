// `npm run package:dir`: packages the app for Linux as an unpacked folder, offline. electron-builder
// normally downloads Electron; here it is given a stand-in distribution (`electronDist`: a folder with
// a stub `electron` executable and an empty `resources/`), which is all `--dir` needs to assemble
// resources/app.asar. Then the asar is checked for the three bundles. Not a runnable app (the
// executable is a stub); on a machine with internet, `npx electron-builder --linux` makes the real one.
//
// Usage: node scripts/package-dir.mjs [--output <dir>]   (default: release/)
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REQUIRED_IN_ASAR = [
  '/dist/main/index.js',
  '/dist/preload/index.cjs',
  '/dist/renderer/index.html',
  '/package.json',
];
const bin = (name) => resolve('node_modules', '.bin', name);

const outputIndex = process.argv.indexOf('--output');
const output = resolve(outputIndex > 0 ? process.argv[outputIndex + 1] : 'release');

if (
  !existsSync('dist/main/index.js') ||
  !existsSync('dist/preload/index.cjs') ||
  !existsSync('dist/renderer/index.html')
) {
  console.log('package-dir: dist/ is missing, building first');
  execFileSync(bin('tsx'), ['scripts/build.ts'], { stdio: 'inherit' });
}

const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const electronDist = mkdtempSync(join(tmpdir(), 'vps-electron-dist-'));
try {
  // The stand-in distribution: what electron-builder copies and renames for Linux.
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho "stub Electron (packaging check only)" >&2\nexit 1\n');
  chmodSync(join(electronDist, 'electron'), 0o755);
  mkdirSync(join(electronDist, 'resources'));
  mkdirSync(join(electronDist, 'locales'));
  writeFileSync(join(electronDist, 'version'), electronVersion);
  writeFileSync(join(electronDist, 'LICENSE'), 'stub\n');

  const result = spawnSync(
    bin('electron-builder'),
    [
      '--linux',
      '--dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${output}`,
    ],
    { stdio: 'inherit', env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true', CI: 'true' } },
  );
  if (result.status !== 0) {
    console.error(`package-dir: electron-builder failed (exit ${result.status})`);
    process.exit(1);
  }
} finally {
  rmSync(electronDist, { recursive: true, force: true });
}

const unpacked = join(output, 'linux-unpacked');
const asar = join(unpacked, 'resources', 'app.asar');
if (!existsSync(asar)) {
  console.error(`package-dir: ${asar} was not produced`);
  process.exit(1);
}
const listed = new Set(
  execFileSync(bin('asar'), ['list', asar], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().replaceAll('\\', '/'))
    .filter(Boolean),
);
const missing = REQUIRED_IN_ASAR.filter((file) => !listed.has(file));
const strays = [...listed].filter((file) => file.startsWith('/node_modules/'));
const trayIcons = existsSync(join(unpacked, 'resources', 'tray'))
  ? readdirSync(join(unpacked, 'resources', 'tray')).filter((f) => f.endsWith('.png'))
  : [];
if (missing.length > 0 || strays.length > 0 || trayIcons.length === 0) {
  if (missing.length > 0) console.error(`package-dir: missing from app.asar: ${missing.join(', ')}`);
  if (strays.length > 0) console.error(`package-dir: node_modules leaked into app.asar (${strays.length} entries)`);
  if (trayIcons.length === 0) console.error('package-dir: no tray icons in resources/tray');
  process.exit(1);
}
console.log(`package-dir: OK — ${asar} (${listed.size} entries), ${trayIcons.length} tray icons in resources/tray`);
