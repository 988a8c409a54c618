// The folder rules of ARCHITECTURE.md, checked on the real sources: each folder imports only what its
// rule allows, `electron` only at the edge, nothing outside tests/ reaches into tests/, and no two
// modules import each other. The rules are first tried on a made-up tree, so a rule that could never
// fail would show here.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  importCycles,
  isNodeBuiltin,
  readSourceTree,
  violations,
  type ImportSite,
  type SourceTree,
} from './support/import-graph';

const ELECTRON_PACKAGES = new Set(['electron', 'electron-store']);

const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);
const targetUnder = (folder: string) => (site: ImportSite) => site.target?.startsWith(`${folder}/`) ?? false;
const isElectronEdge = (file: string) =>
  file.startsWith('main/desktop/') || file === 'main/index.ts' || file === 'preload/index.ts';

/** The rules, each a name and the offending imports of a tree. */
const RULES: Record<string, (tree: SourceTree) => string[]> = {
  'common/ imports only common/ (no packages, Node, DOM, Electron, main/, preload/ or renderer/)': (tree) =>
    violations(tree, under('common'), (site) => !targetUnder('common')(site)),
  'renderer/ imports nothing from main/ or preload/, and no Node built-ins': (tree) =>
    violations(
      tree,
      under('renderer'),
      (site) => targetUnder('main')(site) || targetUnder('preload')(site) || isNodeBuiltin(site.spec),
    ),
  'main/ imports nothing from preload/ or renderer/': (tree) =>
    violations(tree, under('main'), (site) => targetUnder('preload')(site) || targetUnder('renderer')(site)),
  'preload/ imports only common/ and electron': (tree) =>
    violations(tree, under('preload'), (site) => !targetUnder('common')(site) && site.spec !== 'electron'),
  'only the Electron edge (main/desktop/, main/index.ts, preload/index.ts) imports electron or electron-store': (
    tree,
  ) =>
    violations(
      tree,
      (file) => !isElectronEdge(file) && !file.startsWith('tests/'),
      (site) => ELECTRON_PACKAGES.has(site.spec),
    ),
  'nothing outside tests/ imports from tests/': (tree) =>
    violations(tree, (file) => !file.startsWith('tests/'), targetUnder('tests')),
  'no two modules import each other': (tree) => importCycles(tree),
};

describe('architecture rules on a made-up tree', () => {
  const bad: SourceTree = new Map([
    ['common/a.ts', "import { x } from '../main/b';\nimport { readFile } from 'node:fs';\nimport { z } from 'zod';"],
    ['renderer/view.tsx', "import type { Core } from '../main/core';\nimport { b } from '../preload/bridge';"],
    ['main/b.ts', "import type { Api } from '../preload/bridge';\nexport const x = 1;"],
    ['main/core.ts', "import { app } from 'electron';\nimport { y } from './cycle';"],
    ['main/cycle.ts', "import type { z } from './core';"],
    ['preload/index.ts', "import { contextBridge } from 'electron';\nimport { n } from '../main/b';"],
    ['preload/bridge.ts', ''],
    ['bench/run.ts', "import { h } from '../tests/support/helper';"],
    ['tests/support/helper.ts', ''],
  ]);

  it('each rule finds its violation', () => {
    const found = Object.fromEntries(Object.entries(RULES).map(([name, rule]) => [name, rule(bad)]));
    expect(Object.values(found).map((lines) => lines.length)).toEqual([3, 2, 1, 1, 1, 1, 1]);
    expect(found['no two modules import each other']).toEqual(['main/core.ts -> main/cycle.ts -> main/core.ts']);
  });
});

describe('architecture of this repository', () => {
  const tree = readSourceTree(process.cwd(), [
    'common',
    'main',
    'preload',
    'renderer',
    'dev',
    'bench',
    'scripts',
    'tests',
  ]);

  it('has the folders the rules talk about', () => {
    const folders = ['common', 'main', 'preload', 'renderer', 'dev', 'tests'];
    expect(folders.filter((folder) => ![...tree.keys()].some(under(folder)))).toEqual([]);
  });

  it.each(Object.entries(RULES))('%s', (_name, rule) => {
    expect(rule(tree)).toEqual([]);
  });

  it('common/ is type-checked without Node or DOM types (tsconfig.common.json)', () => {
    const config = readFileSync('tsconfig.common.json', 'utf8');
    expect(config).toMatch(/"lib":\s*\["ES2023"\]/);
    expect(config).toMatch(/"types":\s*\[\]/);
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.typecheck).toContain('tsconfig.common.json');
  });

  it('createCore is a composition root: at most 150 lines, the logic lives in the feature modules', () => {
    const source = readFileSync('main/core.ts', 'utf8');
    const body = source.slice(source.indexOf('export function createCore('));
    const length = body.slice(0, body.indexOf('\n}\n') + 2).split('\n').length;
    expect(length).toBeGreaterThan(10);
    expect(length).toBeLessThanOrEqual(150);
  });

  it('no npm script runs a file under tests/', () => {
    const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts;
    expect(Object.entries(scripts).filter(([, command]) => /\btests\//.test(command))).toEqual([]);
  });
});

// The size rules (ARCHITECTURE.md "No closure the size of a module") live in .oxlintrc.json, so the lint
// gate and an editor apply them; here they are run through the same linter, first on a made-up tree.
const SIZE_RULES = ['max-lines', 'max-lines-per-function'];

/** "file: rule" for each size finding of the linter in `root` (with `root`'s .oxlintrc.json). */
function sizeFindings(root: string, folders: string[]): string[] {
  const oxlint = join(process.cwd(), 'node_modules', '.bin', 'oxlint');
  const run = spawnSync(oxlint, ['--format', 'json', ...folders], { cwd: root, encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { diagnostics: { code: string; filename: string }[] };
  return report.diagnostics
    .map((diagnostic) => ({ file: diagnostic.filename, rule: /\(([^)]+)\)/.exec(diagnostic.code)?.[1] ?? '' }))
    .filter(({ rule }) => SIZE_RULES.includes(rule))
    .map(({ file, rule }) => `${file}: ${rule}`)
    .toSorted();
}

describe('size rules (.oxlintrc.json)', () => {
  it('find a 151-line function and a 401-line file on a made-up tree, in every folder they govern', () => {
    const root = mkdtempSync(join(tmpdir(), 'vps-size-rules-'));
    try {
      writeFileSync(join(root, '.oxlintrc.json'), readFileSync('.oxlintrc.json', 'utf8'));
      const longFunction = `export function long() {\n${'  void 0;\n'.repeat(149)}}\n`;
      const shortFunction = `export function short() {\n${'  void 0;\n'.repeat(148)}}\n`;
      const longFile = Array.from({ length: 401 }, (_, line) => `export const v${line} = ${line};`).join('\n');
      for (const folder of ['common', 'main', 'preload', 'renderer']) {
        mkdirSync(join(root, folder));
        writeFileSync(join(root, folder, 'long-function.ts'), longFunction);
        writeFileSync(join(root, folder, 'short-function.ts'), shortFunction);
        writeFileSync(join(root, folder, 'long-file.ts'), longFile);
      }
      mkdirSync(join(root, 'tests'));
      writeFileSync(join(root, 'tests', 'long.test.ts'), longFile);
      const expected = ['common', 'main', 'preload', 'renderer'].flatMap((folder) => [
        `${folder}/long-file.ts: max-lines`,
        `${folder}/long-function.ts: max-lines-per-function`,
      ]);
      expect(sizeFindings(root, ['common', 'main', 'preload', 'renderer', 'tests'])).toEqual(expected.toSorted());
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('hold on this repository: no function over 150 lines, no file over 400 in common/, main/, preload/, renderer/', () => {
    expect(sizeFindings(process.cwd(), ['common', 'main', 'preload', 'renderer'])).toEqual([]);
  });
});

// Where a test lives (ARCHITECTURE.md "Tests"): tests/ mirrors the source tree. A test sits in the folder
// that mirrors its source folder (tests/api/ for main/api/, tests/renderer/views/ for renderer/views/),
// named after the module it tests or after a behaviour across that folder's modules; tests of main/'s
// top-level files sit at the top of tests/. Journeys that cross folders have folders of their own.
const JOURNEY_FOLDERS = ['core', 'e2e', 'boot', 'packaging', 'bench', 'support'];
const MIRRORED_ROOTS = ['common', 'renderer', 'preload', 'dev'];

function misplacedTests(tree: SourceTree): string[] {
  const files = [...tree.keys()];
  const sourceFolderExists = (folder: string) =>
    files.some((file) => !file.startsWith('tests/') && file.startsWith(`${folder}/`));
  return files
    .filter((file) => file.startsWith('tests/') && /\.test\.tsx?$/.test(file))
    .filter((file) => {
      const folders = file.split('/').slice(1, -1);
      if (folders.length === 0) {
        const stem = file.slice('tests/'.length).split('.')[0];
        return stem !== 'architecture' && !tree.has(`main/${stem}.ts`);
      }
      if (JOURNEY_FOLDERS.includes(folders[0]!)) return false;
      const source = MIRRORED_ROOTS.includes(folders[0]!) ? folders.join('/') : ['main', ...folders].join('/');
      return !sourceFolderExists(source);
    });
}

describe('test layout', () => {
  it('finds a test whose folder mirrors no source folder, on a made-up tree', () => {
    const made: SourceTree = new Map([
      ['main/api/client.ts', ''],
      ['main/redactor.ts', ''],
      ['renderer/views/list/ListView.tsx', ''],
      ['tests/api/client.test.ts', ''],
      ['tests/api/headers.test.ts', ''],
      ['tests/renderer/views/list/list-view.test.tsx', ''],
      ['tests/redactor.test.ts', ''],
      ['tests/e2e/journeys.test.ts', ''],
      ['tests/architecture.test.ts', ''],
      ['tests/auth/token.test.ts', ''],
      ['tests/renderer/state/power.test.ts', ''],
      ['tests/styles.test.ts', ''],
    ]);
    expect(misplacedTests(made)).toEqual([
      'tests/auth/token.test.ts',
      'tests/renderer/state/power.test.ts',
      'tests/styles.test.ts',
    ]);
  });

  it('holds on this repository', () => {
    const tree = readSourceTree(process.cwd(), ['common', 'main', 'preload', 'renderer', 'dev', 'tests']);
    expect(misplacedTests(tree)).toEqual([]);
  });
});

const entries = (folder: string) => readdirSync(folder, { withFileTypes: true });

describe('ARCHITECTURE.md is true to disk', () => {
  const doc = readFileSync('ARCHITECTURE.md', 'utf8');

  it('names every folder of common/, main/, renderer/ and renderer/views/, and every top-level file of main/', () => {
    const folders = ['common', 'main', 'renderer', 'renderer/views'].flatMap((root) =>
      entries(root)
        .filter((entry) => entry.isDirectory())
        .map((entry) => `${entry.name}/`),
    );
    const mainFiles = entries('main')
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
    expect([...folders, ...mainFiles].filter((name) => !doc.includes(name))).toEqual([]);
  });
});
