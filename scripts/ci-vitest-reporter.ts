// A vitest reporter for .ci/run: records each project's tests by outcome (passed, failed, skipped,
// pending, todo), files that failed without a failed test, and errors outside tests, into the JSON file
// named by VPS_CI_VITEST_RECORD. scripts/ci-summary.ts turns it into the closing line. Vitest's JSON
// report names no project, so it cannot tell the node, renderer and e2e counts apart.
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule, TestRunEndReason } from 'vitest/node';
import { countTests, type ModuleOutcome, type VitestRecord } from './ci-summary';

export default class CiRecordReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
    reason: TestRunEndReason,
  ): void {
    const path = process.env.VPS_CI_VITEST_RECORD;
    if (!path) return;
    const modules: ModuleOutcome[] = testModules.map((module) => ({
      project: module.project.name,
      file: module.relativeModuleId,
      state: module.state(),
      tests: [...module.children.allTests()].map((test) => ({ state: test.result().state, mode: test.options.mode })),
    }));
    const record: VitestRecord = { projects: countTests(modules), unhandledErrors: unhandledErrors.length, reason };
    writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
  }
}
