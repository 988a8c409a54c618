// `npm run package:dir`: packages the app for Linux as an unpacked folder, offline. electron-builder
// normally downloads Electron; here it is given a stand-in distribution (`electronDist`: a folder with
// a stub `electron` executable and an empty `resources/`), which is all `--dir` needs to assemble
// resources/app.asar. Not a runnable app (the executable is a stub); on a machine with internet,
// `npx electron-builder --linux` makes the real one. Then it checks what was made:
// - app.asar holds the built app and nothing else (scripts/check-asar.ts);
// - demo mode's simulator is in it: its lazily loaded chunk, with the API description (openapi/) it checks
//   requests against built in (it reads no file at run time);
// - the Electron fuses of electron-builder.yml were flipped in the executable: the stub carries a fuse
//   wire like Electron's own (its sentinel, then Electron's default states), which electron-builder flips
//   exactly as it would in the real binary, and which is read back here with @electron/fuses;
// - the tray icons are beside the asar.
//
// Usage: node scripts/package-dir.mjs [--output <dir>]   (default: release/)
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
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

const bin = (name) => resolve('node_modules', '.bin', name);
const require = createRequire(import.meta.url);
// electron-builder's own tools (its dependencies): its config loader, and the fuse library it uses.
const { getConfig } = require('app-builder-lib/out/util/config/config');
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');
const { extractFile, listPackage } = require('@electron/asar');
const { SENTINEL, FuseState } = require('@electron/fuses/dist/constants');

/** Electron's fuse wire with its default states, in FuseV1Options order (RunAsNode first). */
const DEFAULT_FUSE_WIRE = '10110001';

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
  // The shell never reads past `exit`; the last line is the fuse wire: sentinel, version 1, length, states.
  writeFileSync(
    join(electronDist, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stub Electron (packaging check only)" >&2\nexit 1\n# '),
      Buffer.from(SENTINEL),
      Buffer.from([1, DEFAULT_FUSE_WIRE.length]),
      Buffer.from(`${DEFAULT_FUSE_WIRE}\n`),
    ]),
  );
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
const problems = [];

const asarCheck = spawnSync(bin('tsx'), ['scripts/check-asar.ts', asar], { stdio: 'inherit' });
if (asarCheck.status !== 0) problems.push('app.asar holds more or less than the built app (see check-asar above)');

// Demo mode starts the simulator from its own chunk; the chunk carries the API description it reads.
const simulatorChunk = listPackage(asar, {}).find((entry) => /^\/dist\/main\/assets\/simulator-[^/]+\.js$/.test(entry));
if (!simulatorChunk)
  problems.push('no simulator chunk (dist/main/assets/simulator-*.js) in app.asar: demo mode would fail');
else if (!extractFile(asar, simulatorChunk.slice(1)).toString('utf8').includes('CreateServerRequest'))
  problems.push(`${simulatorChunk} lacks the API description (openapi/) the simulator checks requests against`);

// Each fuse electron-builder.yml sets must read back from the executable in that state.
const config = await getConfig(process.cwd(), null, null);
const executable = join(unpacked, config.linux?.executableName ?? config.productName);
const wire = await getCurrentFuseWire(executable);
const fuses = [];
for (const [option, wanted] of Object.entries(config.electronFuses ?? {})) {
  if (typeof wanted !== 'boolean') continue;
  const name = option[0].toUpperCase() + option.slice(1);
  const index = FuseV1Options[name];
  const state = wire[index];
  const expected = wanted ? FuseState.ENABLE : FuseState.DISABLE;
  fuses.push(`${name}=${state === FuseState.ENABLE ? 'on' : state === FuseState.DISABLE ? 'off' : String(state)}`);
  if (index === undefined || state !== expected)
    problems.push(`fuse ${name} is not ${wanted ? 'on' : 'off'} in ${executable}`);
}
if (fuses.length === 0) problems.push('electron-builder.yml sets no electronFuses');

const trayIcons = existsSync(join(unpacked, 'resources', 'tray'))
  ? readdirSync(join(unpacked, 'resources', 'tray')).filter((f) => f.endsWith('.png'))
  : [];
if (trayIcons.length === 0) problems.push('no tray icons in resources/tray');

if (problems.length > 0) {
  for (const problem of problems) console.error(`package-dir: ${problem}`);
  process.exit(1);
}
console.log(`package-dir: fuses ${fuses.join(' ')}`);
console.log(`package-dir: OK — ${asar}, ${trayIcons.length} tray icons in resources/tray`);
