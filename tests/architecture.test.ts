// The folder rules of ARCHITECTURE.md, checked on the real sources: each folder imports only what its
// rule allows, `electron` only at the edge, nothing outside tests/ reaches into tests/, and no two
// modules import each other. The rules are first tried on a made-up tree, so a rule that could never
// fail would show here.
import { readFileSync } from 'node:fs';
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
