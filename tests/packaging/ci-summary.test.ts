// The closing line of .ci/run (scripts/ci-summary.ts): anything that is not a passed test counts as a
// failure, so CI cannot report "0 failed" for a run that tested nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../vitest.config';
import {
  MINIMUM_PASSED,
  countTests,
  parseGates,
  summarize,
  type ModuleOutcome,
  type ProjectCounts,
  type VitestRecord,
} from '../../scripts/ci-summary';

const counts = (overrides: Partial<ProjectCounts> = {}): ProjectCounts => ({
  passed: 0,
  failed: 0,
  skipped: 0,
  pending: 0,
  todo: 0,
  brokenFiles: 0,
  ...overrides,
});
const MINIMUMS = { node: 3, e2e: 2 };
const healthy = (): VitestRecord => ({
  projects: { node: counts({ passed: 5 }), e2e: counts({ passed: 2 }) },
  unhandledErrors: 0,
  reason: 'passed',
});
const test = (state: string, mode = 'run') => ({ state, mode });

describe('countTests', () => {
  it('sorts tests by project and outcome, todo apart from skip', () => {
    const modules: ModuleOutcome[] = [
      { project: 'node', file: 'a.test.ts', state: 'failed', tests: [test('passed'), test('failed')] },
      {
        project: 'node',
        file: 'b.test.ts',
        state: 'passed',
        tests: [test('skipped', 'skip'), test('skipped', 'todo')],
      },
      { project: 'e2e', file: 'c.test.ts', state: 'pending', tests: [test('pending'), test('passed')] },
    ];
    expect(countTests(modules)).toEqual({
      node: counts({ passed: 1, failed: 1, skipped: 1, todo: 1 }),
      e2e: counts({ passed: 1, pending: 1 }),
    });
  });

  it('counts a file that failed without a failed test: a beforeAll that threw, or a file that did not load', () => {
    const modules: ModuleOutcome[] = [
      // A beforeAll that cannot start Chromium: vitest skips the tests and fails the file.
      { project: 'e2e', file: 'journeys.test.ts', state: 'failed', tests: [test('skipped'), test('skipped')] },
      { project: 'node', file: 'broken-import.test.ts', state: 'failed', tests: [] },
    ];
    expect(countTests(modules)).toEqual({
      e2e: counts({ skipped: 2, brokenFiles: 1 }),
      node: counts({ brokenFiles: 1 }),
    });
  });
});

describe('summarize', () => {
  it('passes a healthy run: every test passed, every project at its minimum, every gate ok', () => {
    const summary = summarize(healthy(), [{ name: 'lint', ok: true }], 0, MINIMUMS);
    expect({ passed: summary.passed, failed: summary.failed }).toEqual({ passed: 7, failed: 0 });
  });

  it('counts skipped, pending and todo tests and broken files as failures', () => {
    const record = healthy();
    record.projects.e2e = counts({ passed: 2, skipped: 3, pending: 1, todo: 1, brokenFiles: 1 });
    expect(summarize(record, [], 1, MINIMUMS)).toMatchObject({ passed: 7, failed: 6 });
  });

  it('a beforeAll that cannot start Chromium is not "0 failed"', () => {
    const record = healthy();
    record.projects.e2e = counts({ skipped: 23, brokenFiles: 5 });
    const summary = summarize(record, [], 1, MINIMUMS);
    expect(summary.failed).toBe(23 + 5 + 1);
    expect(summary.notes).toContain('e2e: only 0 tests passed, fewer than the minimum of 2');
  });

  it('fails a project below its minimum, or missing altogether', () => {
    const record = healthy();
    record.projects.node = counts({ passed: 2 });
    delete record.projects.e2e;
    const summary = summarize(record, [], 0, MINIMUMS);
    expect(summary).toMatchObject({ passed: 2, failed: 2 });
    expect(summary.notes).toEqual(
      expect.arrayContaining([
        'node: only 2 tests passed, fewer than the minimum of 3',
        'e2e: only 0 tests passed, fewer than the minimum of 2',
      ]),
    );
  });

  it('counts errors outside tests, an interrupted run, failed gates and a missing record', () => {
    const record = { ...healthy(), unhandledErrors: 2, reason: 'interrupted' };
    const gates = [
      { name: 'lint', ok: true },
      { name: 'build', ok: false },
      { name: 'electronegativity', ok: false },
    ];
    expect(summarize(record, gates, 1, MINIMUMS)).toMatchObject({ passed: 7, failed: 2 + 1 + 2 });
    expect(summarize(undefined, [], 1, MINIMUMS)).toMatchObject({ passed: 0, failed: 1 });
  });

  it('does not let vitest fail silently: a non-zero exit with nothing counted is one failure', () => {
    expect(summarize(healthy(), [], 1, MINIMUMS)).toMatchObject({ passed: 7, failed: 1 });
  });

  it('has a minimum for each vitest project of vitest.config.ts', () => {
    const projects = (config.test?.projects ?? []).map((project) =>
      typeof project === 'object' && 'test' in project ? project.test?.name : undefined,
    );
    expect(projects.toSorted()).toEqual(['boot', 'e2e', 'node', 'renderer']);
    expect(Object.keys(MINIMUM_PASSED).toSorted()).toEqual(projects.toSorted());
    for (const minimum of Object.values(MINIMUM_PASSED)) expect(minimum).toBeGreaterThan(0);
  });

  it("keeps the boot project's minimum at the number of its journeys (raise it with each one added)", () => {
    const dir = join('tests', 'boot');
    const journeys = readdirSync(dir)
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => readFileSync(join(dir, file), 'utf8').match(/^test\(/gm)?.length ?? 0)
      .reduce((sum, count) => sum + count, 0);
    expect(journeys).toBeGreaterThanOrEqual(15);
    expect(MINIMUM_PASSED.boot).toBe(journeys);
  });
});

describe('parseGates', () => {
  it('reads the lines .ci/run writes', () => {
    expect(parseGates('ok lint\nfailed package:dir (app.asar)\n\n')).toEqual([
      { name: 'lint', ok: true },
      { name: 'package:dir (app.asar)', ok: false },
    ]);
  });
});
