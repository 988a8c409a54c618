// The Electronegativity gate of .ci/run (scripts/electronegativity.ts): how a scan is judged against the
// reviewed allow-list, that the real allow-list is well formed, and that the scanner really finds an
// insecure window in TypeScript here (so a broken install cannot pass as "no findings").
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALLOW_LIST_PATH,
  judgeScan,
  parseAllowList,
  scan,
  type AllowList,
  type Finding,
  type ScanResult,
} from '../../scripts/electronegativity';

const WHY = 'A reason long enough to say why this finding is acceptable here.';
const finding = (id: string, file: string, line = 10): Finding => ({
  id,
  file,
  line,
  severity: 'MEDIUM',
  description: `${id} description`,
});
const result = (findings: Finding[], overrides: Partial<ScanResult> = {}): ScanResult => ({
  findings,
  unparsed: [],
  checksLoaded: 41,
  filesScanned: 80,
  ...overrides,
});
const allowing = (...entries: { id: string; file: string; why?: string }[]): AllowList => ({
  excludedChecks: [],
  findings: entries.map((entry) => ({ why: WHY, ...entry })),
});

describe('judgeScan', () => {
  it('passes when every finding is allowed and every allowance is used, whatever the line', () => {
    const scanned = result([finding('PRELOAD_JS_CHECK', 'main/a.ts', 3), finding('PRELOAD_JS_CHECK', 'main/a.ts', 90)]);
    expect(judgeScan(scanned, allowing({ id: 'PRELOAD_JS_CHECK', file: 'main/a.ts' }))).toEqual([]);
    expect(judgeScan(result([]), allowing())).toEqual([]);
  });

  it('fails on a finding the list does not cover, even the same check in another file', () => {
    const problems = judgeScan(
      result([finding('PRELOAD_JS_CHECK', 'main/a.ts'), finding('PRELOAD_JS_CHECK', 'main/b.ts', 7)]),
      allowing({ id: 'PRELOAD_JS_CHECK', file: 'main/a.ts' }),
    );
    expect(problems).toEqual([
      `PRELOAD_JS_CHECK in main/b.ts:7 (MEDIUM): PRELOAD_JS_CHECK description — fix it, or add it to ${ALLOW_LIST_PATH} with why it is acceptable`,
    ]);
  });

  it('fails on an allowance that matches nothing any more, and on one without a real reason', () => {
    expect(
      judgeScan(
        result([finding('AUXCLICK_JS_CHECK', 'main/a.ts')]),
        allowing({ id: 'AUXCLICK_JS_CHECK', file: 'main/a.ts', why: 'ok' }),
      ),
    ).toEqual(['allowed AUXCLICK_JS_CHECK in main/a.ts says not why']);
    expect(judgeScan(result([]), allowing({ id: 'AUXCLICK_JS_CHECK', file: 'main/gone.ts' }))).toEqual([
      `allowed AUXCLICK_JS_CHECK in main/gone.ts matches no finding any more: remove it from ${ALLOW_LIST_PATH}`,
    ]);
    expect(judgeScan(result([]), { excludedChecks: [{ check: 'SomeGlobalCheck', why: '  ' }], findings: [] })).toEqual([
      'excluded check SomeGlobalCheck says not why',
    ]);
  });

  it('fails when a file could not be parsed, or the scan loaded no checks or read no files', () => {
    expect(
      judgeScan(result([], { unparsed: [{ file: 'main/x.ts', message: 'Unexpected token' }] }), allowing()),
    ).toEqual(['could not parse main/x.ts: Unexpected token']);
    expect(judgeScan(result([], { checksLoaded: 0, filesScanned: 0 }), allowing())).toEqual([
      'the scanner loaded no checks',
      'the scanner read no files',
    ]);
  });
});

describe('parseAllowList', () => {
  it('refuses any other shape, so a typo cannot allow everything', () => {
    for (const bad of [null, [], {}, { findings: [] }, { excludedChecks: [], findings: [{ id: 'X', file: 'a.ts' }] }]) {
      expect(() => parseAllowList(bad)).toThrow(ALLOW_LIST_PATH);
    }
    expect(() => parseAllowList({ excludedChecks: [{ check: 'X' }], findings: [] })).toThrow(/excludedChecks\[0\]/);
  });

  it('reads the reviewed list: every entry names a check, a file and a reason', () => {
    const list = parseAllowList(JSON.parse(readFileSync(ALLOW_LIST_PATH, 'utf8')));
    expect(list.findings.length).toBeGreaterThan(0);
    // Fed exactly the findings it allows, the judge finds every reason long enough.
    const scanned = result(list.findings.map((entry) => finding(entry.id, entry.file)));
    expect(judgeScan(scanned, list)).toEqual([]);
  });
});

describe('the scanner on TypeScript, offline', () => {
  it('finds an insecure window and the guards the app lacks', async () => {
    const input = mkdtempSync(join(tmpdir(), 'vps-electronegativity-test-'));
    try {
      writeFileSync(
        join(input, 'insecure.ts'),
        [
          `import { BrowserWindow } from 'electron';`,
          `const size: { width: number } = { width: 300 };`,
          `export const window = new BrowserWindow({ ...size, webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } });`,
          `void window.loadURL('http://example.com/');`,
        ].join('\n'),
      );
      const scanned = await scan(input, ['AvailableSecurityFixesGlobalCheck']);
      const found = new Set(scanned.findings.map((entry) => `${entry.id} ${entry.file}`));
      const expected = [
        // The window's own settings, in the file.
        'NODE_INTEGRATION_JS_CHECK insecure.ts',
        'CONTEXT_ISOLATION_JS_CHECK insecure.ts',
        'SANDBOX_JS_CHECK insecure.ts',
        'WEB_SECURITY_JS_CHECK insecure.ts',
        'HTTP_RESOURCES_JS_CHECK insecure.ts',
        // Guards missing from the whole app (no navigation limit, no permission handler, no CSP).
        'LIMIT_NAVIGATION_GLOBAL_CHECK N/A',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK N/A',
        'CSP_GLOBAL_CHECK N/A',
      ];
      for (const entry of expected) expect({ entry, found: found.has(entry) }).toEqual({ entry, found: true });
      expect(scanned.unparsed).toEqual([]);
      expect(scanned.filesScanned).toBe(1);
      expect(scanned.checksLoaded).toBeGreaterThan(30);
    } finally {
      rmSync(input, { recursive: true, force: true });
    }
  }, 60_000);
});
