// The closing line of .ci/run, "N passed, N failed", from what vitest ran (recorded by
// scripts/ci-vitest-reporter.ts) and from the other gates (lint, typecheck, build, packaging, ...).
// It cannot under-report:
// - a test that did not pass is a failure, whether it failed, was skipped, left pending or marked todo
//   (a beforeAll that cannot start Chromium skips its tests: that is not "0 failed");
// - a test file that failed without a failed test (it did not load, a hook threw) counts once, and so
//   does each error vitest caught outside any test;
// - each vitest project must have passed at least its minimum number of tests (MINIMUM_PASSED), so a
//   glob that stops matching or a project that quietly runs nothing fails;
// - each failed gate counts once, and a missing record, or vitest exiting non-zero with nothing
//   counted, counts once.
//
// Usage: tsx scripts/ci-summary.ts <vitest-record.json> <gates-file> <vitest-exit-code>
//   gates-file: one line per gate, "ok <name>" or "failed <name>".
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Passed tests each vitest project must reach, a little below the counts of the day they were set
 * (2026-11-29, after the reshaping: node 762, renderer 175, e2e 23; boot 15 with the accounts and
 * alerts journeys; boot 22 with the self-test and platform journeys; boot 23 with the history journey).
 * They only go up: raise them when tests are added; never lower them to make a run pass.
 */
export const MINIMUM_PASSED: Readonly<Record<string, number>> = { node: 900, renderer: 190, e2e: 26, boot: 23 };

export interface ProjectCounts {
  passed: number;
  failed: number;
  skipped: number;
  pending: number;
  todo: number;
  /** Files that failed without a failed test: did not load, or a hook threw. */
  brokenFiles: number;
}

export interface VitestRecord {
  projects: Record<string, ProjectCounts>;
  /** Errors vitest caught outside any test (e.g. an unhandled rejection). */
  unhandledErrors: number;
  /** How the run ended: "passed", "failed" or "interrupted". */
  reason: string;
}

/** One test file as the reporter sees it. */
export interface ModuleOutcome {
  project: string;
  file: string;
  state: string;
  tests: { state: string; mode: string }[];
}

const emptyCounts = (): ProjectCounts => ({ passed: 0, failed: 0, skipped: 0, pending: 0, todo: 0, brokenFiles: 0 });

/** Tests per project by outcome. */
export function countTests(modules: readonly ModuleOutcome[]): Record<string, ProjectCounts> {
  const projects: Record<string, ProjectCounts> = {};
  for (const module of modules) {
    const counts = (projects[module.project] ??= emptyCounts());
    let failedTests = 0;
    for (const test of module.tests) {
      if (test.state === 'passed') counts.passed++;
      else if (test.state === 'failed') {
        counts.failed++;
        failedTests++;
      } else if (test.state === 'skipped') {
        if (test.mode === 'todo') counts.todo++;
        else counts.skipped++;
      } else counts.pending++;
    }
    if (module.state === 'failed' && failedTests === 0) counts.brokenFiles++;
  }
  return projects;
}

export interface Gate {
  name: string;
  ok: boolean;
}

/** Reads the gates file .ci/run writes: "ok lint", "failed build". */
export function parseGates(text: string): Gate[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [status = '', ...name] = line.split(' ');
      return { name: name.join(' '), ok: status === 'ok' };
    });
}

export interface Summary {
  passed: number;
  failed: number;
  /** Why each failure was counted, for the log above the closing line. */
  notes: string[];
}

export function summarize(
  record: VitestRecord | undefined,
  gates: readonly Gate[],
  vitestExitCode: number,
  minimums: Readonly<Record<string, number>> = MINIMUM_PASSED,
): Summary {
  const notes: string[] = [];
  let passed = 0;
  let failed = 0;
  if (record === undefined) {
    notes.push('vitest left no record of its run');
    failed++;
  } else {
    for (const [project, counts] of Object.entries(record.projects)) {
      passed += counts.passed;
      const notPassed = counts.failed + counts.skipped + counts.pending + counts.todo + counts.brokenFiles;
      failed += notPassed;
      notes.push(
        `${project}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped, ${counts.pending} pending, ${counts.todo} todo, ${counts.brokenFiles} broken file(s)`,
      );
    }
    for (const [project, minimum] of Object.entries(minimums)) {
      const ran = record.projects[project]?.passed ?? 0;
      if (ran < minimum) {
        notes.push(`${project}: only ${ran} tests passed, fewer than the minimum of ${minimum}`);
        failed++;
      }
    }
    if (record.unhandledErrors > 0) {
      notes.push(`${record.unhandledErrors} error(s) outside any test`);
      failed += record.unhandledErrors;
    }
    if (record.reason === 'interrupted') {
      notes.push('the test run was interrupted');
      failed++;
    }
  }
  for (const gate of gates.filter((g) => !g.ok)) {
    notes.push(`gate failed: ${gate.name}`);
    failed++;
  }
  if (vitestExitCode !== 0 && failed === 0) {
    notes.push(`vitest exited with ${vitestExitCode} although nothing failed`);
    failed++;
  }
  return { passed, failed, notes };
}

function readRecord(path: string): VitestRecord | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as VitestRecord;
  } catch {
    return undefined;
  }
}

function main(): void {
  const [recordPath = '', gatesPath = '', exitText = '1'] = process.argv.slice(2);
  const gates = existsSync(gatesPath) ? parseGates(readFileSync(gatesPath, 'utf8')) : [];
  const summary = summarize(readRecord(recordPath), gates, Number(exitText));
  for (const note of summary.notes) console.log(`ci: ${note}`);
  console.log(`${summary.passed} passed, ${summary.failed} failed`);
  process.exit(summary.failed === 0 && summary.passed > 0 ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
