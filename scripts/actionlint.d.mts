// Types of scripts/actionlint.mjs, for the tests (tests/packaging/release.test.ts).
export function lintWorkflow(text: string, file: string): Promise<string[]>;
