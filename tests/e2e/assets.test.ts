// The e2e build folders: each run gets its own, and left-overs of runs that never tore down go away.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, expect, inject, test } from 'vitest';
import { e2eAssetsBuilt, freshAssetsDir, removeStaleRunDirs } from '../../dev/assets';

const HOUR_MS = 60 * 60_000;
let root: string | undefined;

afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

test('every fresh folder is a different run folder under the root', () => {
  const first = freshAssetsDir('/some/root');
  const second = freshAssetsDir('/some/root');
  expect(first).not.toBe(second);
  for (const dir of [first, second]) {
    expect(dirname(dir)).toBe('/some/root');
    expect(basename(dir)).toMatch(new RegExp(`^run-${process.pid}-\\d+-[0-9a-f]{8}$`));
  }
});

/** The pid of a process that has ended. */
async function endedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid!;
}

test('only run folders older than the limit, of processes that have ended, are removed', async () => {
  root = await mkdtemp(join(tmpdir(), 'e2e-assets-'));
  const now = Date.now();
  const twoHoursAgo = new Date(now - 2 * HOUR_MS);
  const ended = await endedPid();
  const old = join(root, `run-${ended}-1-aaaaaaaa`);
  const recent = join(root, `run-${ended}-2-bbbbbbbb`);
  const oldOfARunningProcess = join(root, `run-${process.pid}-3-cccccccc`);
  const oldButNotARun = join(root, 'default');
  const oldRunNamedFile = join(root, `run-${ended}-4-dddddddd`);
  for (const dir of [old, recent, oldOfARunningProcess, oldButNotARun]) {
    await mkdir(join(dir, 'renderer'), { recursive: true });
  }
  await writeFile(oldRunNamedFile, '');
  for (const path of [old, oldOfARunningProcess, oldButNotARun, oldRunNamedFile]) {
    await utimes(path, twoHoursAgo, twoHoursAgo);
  }

  expect(await removeStaleRunDirs({ root, maxAgeMs: HOUR_MS, now })).toEqual([old]);
  const left = [old, recent, oldOfARunningProcess, oldButNotARun, oldRunNamedFile].map((path) => existsSync(path));
  expect(left).toEqual([false, true, true, true, true]);
});

test('a missing root is nothing to clean', async () => {
  expect(await removeStaleRunDirs({ root: join(tmpdir(), 'e2e-assets-missing', String(process.pid)) })).toEqual([]);
});

test("this run's build, handed over by the global setup, is complete and is a run folder of its own", () => {
  const assetsDir = inject('e2eAssetsDir');
  expect(basename(assetsDir)).toMatch(/^run-\d+-\d+-[0-9a-f]{8}$/);
  expect(e2eAssetsBuilt(assetsDir)).toBe(true);
});
