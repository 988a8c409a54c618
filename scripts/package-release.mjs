// `npm run package:release -- --mac|--win|--linux [--publish always|never] [--signing-note <file>]`:
// a release build, as .github/workflows/release.yml runs it on each OS (Electron is downloaded, so it
// needs the internet; `npm run package:dir` is the offline check). In order:
// 1. REFUSES to build without a real publish repository: package.json "repository" missing, not GitHub,
//    or a placeholder (scripts/release-repository.mjs) — the installed app would look for its updates there.
// 2. On a tag (GITHUB_REF_TYPE=tag), refuses a tag that is not v<package.json version>.
// 2b. Refuses a cross-build: each OS is built on its own OS (release.yml's matrix). A Windows exe packed on
//    Linux carries "resources/app.asar" in its ASAR integrity info and dies at start with the
//    EnableEmbeddedAsarIntegrityValidation fuse on (electron#44624, electron-builder#8690).
// 3. Works out signing from the named secrets (an empty secret counts as missing):
//    macOS: CSC_LINK + CSC_KEY_PASSWORD sign (hardened runtime); APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD +
//    APPLE_TEAM_ID notarize. Windows: WIN_CSC_LINK + WIN_CSC_KEY_PASSWORD sign the NSIS installer.
//    Without them it still builds, unsigned: says so in the log (a GitHub Actions warning) and writes a
//    line for the release notes to --signing-note.
// 4. Builds the app (scripts/build.ts) and runs electron-builder for the platform (targets and arches in
//    electron-builder.yml), publishing to the draft GitHub release of the version with --publish always.
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readManifest, releaseRepository } from './release-repository.mjs';

const PLATFORMS = { '--mac': 'macOS', '--win': 'Windows', '--linux': 'Linux' };

/** A secret that is set and not empty (GitHub passes an unset secret as ""). */
const present = (env, name) => typeof env[name] === 'string' && env[name].trim() !== '';

/**
 * What a build for `platform` will be, from the secrets in `env`: whether it is signed (and notarized),
 * the environment electron-builder gets (empty secrets removed, auto-discovery off when unsigned), the
 * extra electron-builder arguments, and the warnings for the log and the release notes.
 * @param {'--mac' | '--win' | '--linux'} platform
 * @param {Record<string, string | undefined>} env
 */
export function signingPlan(platform, env) {
  const buildEnv = { ...env };
  for (const name of [
    'CSC_LINK',
    'CSC_KEY_PASSWORD',
    'WIN_CSC_LINK',
    'WIN_CSC_KEY_PASSWORD',
    'APPLE_ID',
    'APPLE_APP_SPECIFIC_PASSWORD',
    'APPLE_TEAM_ID',
  ])
    if (!present(env, name)) delete buildEnv[name];
  const args = [];
  const warnings = [];
  if (platform === '--mac') {
    const signed = present(env, 'CSC_LINK') && present(env, 'CSC_KEY_PASSWORD');
    const notarized =
      signed && ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'].every((n) => present(env, n));
    if (!signed) {
      buildEnv.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
      warnings.push(
        'macOS: unsigned and not notarized (no CSC_LINK / CSC_KEY_PASSWORD secrets). Gatekeeper blocks it until it is allowed in System Settings → Privacy & Security, and it cannot update itself.',
      );
    } else if (!notarized) {
      warnings.push(
        'macOS: signed but not notarized (no APPLE_ID / APPLE_APP_SPECIFIC_PASSWORD / APPLE_TEAM_ID secrets). Gatekeeper warns on first start.',
      );
    }
    if (!notarized) args.push('-c.mac.notarize=false');
    return { signed, notarized, env: buildEnv, args, warnings };
  }
  if (platform === '--win') {
    const signed = present(env, 'WIN_CSC_LINK') && present(env, 'WIN_CSC_KEY_PASSWORD');
    // Never fall back to the macOS certificate.
    delete buildEnv.CSC_LINK;
    delete buildEnv.CSC_KEY_PASSWORD;
    if (!signed)
      warnings.push(
        'Windows: unsigned (no WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD secrets). SmartScreen warns before the installer runs.',
      );
    return { signed, notarized: false, env: buildEnv, args, warnings };
  }
  // AppImage, deb and rpm are not signed; their checksums are in latest-linux.yml.
  return { signed: false, notarized: false, env: buildEnv, args, warnings };
}

/** The `process.platform` each release platform is built on. */
const BUILD_HOSTS = { '--mac': 'darwin', '--win': 'win32', '--linux': 'linux' };

/**
 * Why a release build for `platform` must not run on `hostPlatform` (a `process.platform`), or null
 * when it is built on its own OS.
 * @param {'--mac' | '--win' | '--linux'} platform
 * @param {string} hostPlatform
 */
export function crossBuildRefusal(platform, hostPlatform) {
  if (BUILD_HOSTS[platform] === hostPlatform) return null;
  return `refusing a cross-build: ${PLATFORMS[platform]} is built on ${PLATFORMS[platform]} only (this is ${hostPlatform}). A Windows exe packed elsewhere fails its ASAR integrity check and dies at start (electron#44624, electron-builder#8690); release.yml builds each OS on its own runner.`;
}

const bin = (name) => resolve('node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function fail(message) {
  console.error(`package-release: ${message}`);
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const platform = argv.find((arg) => arg in PLATFORMS);
  if (!platform) fail('name the platform: --mac, --win or --linux');
  const option = (name, fallback) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : fallback;
  };
  const publish = option('--publish', 'never');
  if (!['always', 'never'].includes(publish)) fail(`--publish is "always" or "never", not "${publish}"`);
  const signingNote = option('--signing-note', undefined);

  // 1. The one place the publish repository is named.
  const manifest = readManifest();
  let repository;
  try {
    repository = releaseRepository(manifest);
  } catch (error) {
    fail(`refusing a release build: ${error instanceof Error ? error.message : String(error)}`);
  }
  // 2. The tag is the version npm made.
  if (process.env.GITHUB_REF_TYPE === 'tag' && process.env.GITHUB_REF_NAME !== `v${manifest.version}`)
    fail(
      `refusing a release build: tag ${process.env.GITHUB_REF_NAME} is not v${manifest.version} (package.json "version")`,
    );
  // 2b. Each OS on its own OS.
  const crossBuild = crossBuildRefusal(platform, process.platform);
  if (crossBuild) fail(crossBuild);
  console.log(
    `package-release: ${PLATFORMS[platform]} ${manifest.version} for github.com/${repository.owner}/${repository.repo}`,
  );

  // 3. Signing, said once in the log and once for the notes.
  const plan = signingPlan(platform, process.env);
  for (const warning of plan.warnings) {
    console.log(
      process.env.GITHUB_ACTIONS === 'true'
        ? `::warning title=Unsigned build::${warning}`
        : `package-release: WARNING ${warning}`,
    );
    if (signingNote) appendFileSync(signingNote, `- ${warning}\n`);
  }
  if (plan.warnings.length === 0)
    console.log(`package-release: ${PLATFORMS[platform]}: signed${plan.notarized ? ' and notarized' : ''}`);

  // 4. Build, then package (and publish).
  const run = (command, args) =>
    spawnSync(command, args, { stdio: 'inherit', env: plan.env, shell: process.platform === 'win32' });
  if (run(bin('tsx'), ['scripts/build.ts']).status !== 0) fail('the build failed');
  const builder = run(bin('electron-builder'), [platform, '--publish', publish, ...plan.args]);
  if (builder.status !== 0) fail(`electron-builder failed (exit ${builder.status})`);
  console.log(
    `package-release: OK — ${PLATFORMS[platform]} ${manifest.version}${publish === 'always' ? ', published to the draft release' : ''}`,
  );
}
