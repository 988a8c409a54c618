// `tsx scripts/electronegativity.ts`: Electronegativity (Doyensec's scanner for Electron misconfigurations)
// over the code the app ships (common/, main/, preload/, renderer/, as TypeScript sources), judged against
// the reviewed allow-list .ci/electronegativity-allow.json. Fails (exit 1) on:
// - a finding that no allow-list entry covers (matched by check id and file, not line, so edits around a
//   reviewed spot do not churn the list);
// - an allow-list entry that covers nothing any more (remove it: the list stays exactly what was reviewed);
// - an entry or excluded check without a reason, a file the scanner could not parse, or a scan that loaded
//   no checks or read no files (a broken install must not pass as "no findings").
// The CLI always exits 0 and prints a table, so the scanner is run through its programmatic API instead.
// It also fetches translations and Electron's release list from the internet; both are refused here in
// advance (`got` is replaced), so the scan is offline and deterministic. The check that needs the release
// list is excluded in the allow-list file, with its reason.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What the app ships, scanned as sources (the scanner reads TypeScript and HTML). */
export const SCANNED = ['common', 'main', 'preload', 'renderer'] as const;
export const ALLOW_LIST_PATH = '.ci/electronegativity-allow.json';

export interface Finding {
  id: string;
  /** Relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  severity: string;
  description: string;
}

export interface AllowedFinding {
  id: string;
  file: string;
  why: string;
}

export interface ExcludedCheck {
  check: string;
  why: string;
}

export interface AllowList {
  excludedChecks: ExcludedCheck[];
  findings: AllowedFinding[];
}

export interface ScanResult {
  findings: Finding[];
  /** Files the scanner could not read at all (their findings would be missing). */
  unparsed: { file: string; message: string }[];
  checksLoaded: number;
  filesScanned: number;
}

/** A reason worth the name: a sentence, not "ok" or "n/a". */
const MIN_REASON_LENGTH = 30;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the allow-list file's JSON, refusing any other shape (so a typo cannot allow everything). */
export function parseAllowList(json: unknown): AllowList {
  if (!isRecord(json) || !Array.isArray(json.excludedChecks) || !Array.isArray(json.findings)) {
    throw new Error(`${ALLOW_LIST_PATH}: expected {"excludedChecks": [...], "findings": [...]}`);
  }
  const excludedChecks = json.excludedChecks.map((entry: unknown, i) => {
    if (!isRecord(entry) || typeof entry.check !== 'string' || typeof entry.why !== 'string') {
      throw new Error(`${ALLOW_LIST_PATH}: excludedChecks[${i}] needs "check" and "why" strings`);
    }
    return { check: entry.check, why: entry.why };
  });
  const findings = json.findings.map((entry: unknown, i) => {
    if (
      !isRecord(entry) ||
      typeof entry.id !== 'string' ||
      typeof entry.file !== 'string' ||
      typeof entry.why !== 'string'
    ) {
      throw new Error(`${ALLOW_LIST_PATH}: findings[${i}] needs "id", "file" and "why" strings`);
    }
    return { id: entry.id, file: entry.file, why: entry.why };
  });
  return { excludedChecks, findings };
}

/** Every reason to fail, one line each; empty when the scan is clean against the allow-list. */
export function judgeScan(result: ScanResult, allow: AllowList): string[] {
  const problems: string[] = [];
  if (result.checksLoaded === 0) problems.push('the scanner loaded no checks');
  if (result.filesScanned === 0) problems.push('the scanner read no files');
  for (const { file, message } of result.unparsed) problems.push(`could not parse ${file}: ${message}`);
  for (const entry of allow.excludedChecks) {
    if (entry.why.trim().length < MIN_REASON_LENGTH) problems.push(`excluded check ${entry.check} says not why`);
  }
  const used = new Set<AllowedFinding>();
  for (const finding of result.findings) {
    const entry = allow.findings.find((allowed) => allowed.id === finding.id && allowed.file === finding.file);
    if (entry) used.add(entry);
    else {
      problems.push(
        `${finding.id} in ${finding.file}:${finding.line} (${finding.severity}): ${finding.description} — fix it, or add it to ${ALLOW_LIST_PATH} with why it is acceptable`,
      );
    }
  }
  for (const entry of allow.findings) {
    if (entry.why.trim().length < MIN_REASON_LENGTH) problems.push(`allowed ${entry.id} in ${entry.file} says not why`);
    if (!used.has(entry)) {
      problems.push(
        `allowed ${entry.id} in ${entry.file} matches no finding any more: remove it from ${ALLOW_LIST_PATH}`,
      );
    }
  }
  return problems;
}

interface RawIssue {
  id: string;
  file: string;
  location: { line: number };
  severity: { name: string };
  description: string;
}

const isRawIssue = (value: unknown): value is RawIssue =>
  isRecord(value) &&
  typeof value.id === 'string' &&
  typeof value.file === 'string' &&
  isRecord(value.location) &&
  typeof value.location.line === 'number' &&
  isRecord(value.severity) &&
  typeof value.severity.name === 'string' &&
  typeof value.description === 'string';

type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<unknown>;

/** Runs Electronegativity over `input` (a folder), offline, and returns what it found. */
export async function scan(input: string, excludedChecks: readonly string[]): Promise<ScanResult> {
  const require = createRequire(import.meta.url);
  // Its TypeScript parser (@typescript-eslint/typescript-estree, hoisted to the top of node_modules) would
  // load the project's TypeScript 7, which has no JavaScript API; it is given the TypeScript the scanner
  // itself depends on (4.2, installed beside it) instead.
  const scannerRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'));
  const scannerTypescript = scannerRequire.resolve('typescript');
  // Module._load is the one hook on what CommonJS code loads; it is put back when the scan ends.
  // oxlint-disable no-underscore-dangle
  const Module = require('node:module') as {
    _load: (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => unknown;
  };
  const load = Module._load;
  Module._load = function (this: unknown, request, parent, ...rest) {
    // No network: the scanner's HTTP client (`got`) is replaced by one that always fails, which it
    // tolerates (it then uses its bundled English texts).
    if (request === 'got') return () => Promise.reject(new Error('offline: electronegativity may not fetch'));
    const from = parent?.filename?.replaceAll('\\', '/') ?? '';
    if (request === 'typescript' && /\/node_modules\/(@typescript-eslint\/[^/]+|tsutils)\//.test(from)) {
      return load.call(this, scannerTypescript, parent, ...rest);
    }
    return load.call(this, request, parent, ...rest);
  };
  const log = console.log;
  try {
    const loaded = require('@doyensec/electronegativity') as { default?: Runner } | Runner;
    const run = typeof loaded === 'function' ? loaded : loaded.default;
    if (typeof run !== 'function') throw new Error('@doyensec/electronegativity exports no runner');
    const electronVersion = (require('electron/package.json') as { version: string }).version;
    // The translation loader says "Could not retrieve updated translations" when offline: expected.
    console.log = (...args: unknown[]) => {
      if (!String(args[0]).includes('Could not retrieve updated translations')) log(...args);
    };
    const result = await run(
      {
        input,
        isRelative: true,
        customScan: [],
        excludeFromScan: excludedChecks.map((check) => check.toLowerCase()),
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
    if (!isRecord(result) || !Array.isArray(result.issues) || !Array.isArray(result.errors)) {
      throw new Error('@doyensec/electronegativity returned no report');
    }
    const findings = result.issues.map((issue: unknown) => {
      if (!isRawIssue(issue)) throw new Error(`unreadable finding: ${JSON.stringify(issue)}`);
      return {
        id: issue.id,
        file: issue.file.replaceAll('\\', '/'),
        line: issue.location.line,
        severity: issue.severity.name,
        description: issue.description,
      };
    });
    const unparsed = result.errors
      .filter((error: unknown) => isRecord(error) && error.tolerable === false)
      .map((error: unknown) => {
        const record = isRecord(error) ? error : {};
        return { file: String(record.file ?? '?'), message: String(record.message ?? '?') };
      });
    const checksLoaded =
      (typeof result.globalChecks === 'number' ? result.globalChecks : 0) +
      (typeof result.atomicChecks === 'number' ? result.atomicChecks : 0);
    const { list_files: listFiles } = require('@doyensec/electronegativity/dist/util') as {
      list_files: (dir: string) => Promise<string[]>;
    };
    const filesScanned = (await listFiles(input)).length;
    return { findings, unparsed, checksLoaded, filesScanned };
  } finally {
    console.log = log;
    Module._load = load;
  }
  // oxlint-enable no-underscore-dangle
}

async function main(): Promise<void> {
  const allow = parseAllowList(JSON.parse(readFileSync(ALLOW_LIST_PATH, 'utf8')) as unknown);
  // The shipped folders only (not tests, dev tools or build output), copied so the scan sees nothing else.
  const input = mkdtempSync(join(tmpdir(), 'vps-electronegativity-'));
  try {
    for (const folder of SCANNED) cpSync(resolve(folder), join(input, folder), { recursive: true });
    const result = await scan(
      input,
      allow.excludedChecks.map((entry) => entry.check),
    );
    const problems = judgeScan(result, allow);
    for (const finding of result.findings) {
      console.log(`electronegativity: ${finding.id} ${finding.file}:${finding.line} (${finding.severity})`);
    }
    for (const problem of problems) console.error(`electronegativity: ${problem}`);
    if (problems.length > 0) process.exit(1);
    console.log(
      `electronegativity: OK — ${result.findings.length} finding(s), each reviewed in ${ALLOW_LIST_PATH} (${result.checksLoaded} checks over ${result.filesScanned} files)`,
    );
  } finally {
    rmSync(input, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
