// The rules of scripts/check-asar.ts on made-up archives: what a user installs is the built app and
// nothing else. (tests/packaging/package.test.ts runs them on a real app.asar.)
import { describe, expect, it } from 'vitest';
import { auditEntries, auditScript, findImports, packageName } from '../../scripts/check-asar';

const DEV = ['vitest', 'vite', 'playwright-core', 'typescript', '@types/node', 'electron'];
const APP = [
  '/dist',
  '/dist/main',
  '/dist/main/index.js',
  '/dist/preload',
  '/dist/preload/index.cjs',
  '/dist/renderer',
  '/dist/renderer/assets',
  '/dist/renderer/assets/index-abc.js',
  '/dist/renderer/assets/chunk-def.js',
  '/dist/renderer/assets/index-abc.css',
  '/dist/renderer/index.html',
  '/package.json',
];

const without = (...gone: string[]) => APP.filter((entry) => !gone.includes(entry));

describe('auditEntries', () => {
  it('accepts the built app: the bundles, their assets and package.json', () => {
    expect(auditEntries(APP, DEV)).toEqual([]);
  });

  it('names each missing bundle', () => {
    expect(auditEntries(without('/dist/main/index.js'), DEV)).toEqual(['missing: /dist/main/index.js']);
    expect(auditEntries(without('/dist/preload/index.cjs', '/package.json'), DEV)).toEqual([
      'missing: /package.json',
      'missing: /dist/preload/index.cjs',
    ]);
    expect(
      auditEntries(without('/dist/renderer/assets/index-abc.js', '/dist/renderer/assets/chunk-def.js'), DEV),
    ).toEqual(['missing: the renderer script (/dist/renderer/**/*.js)']);
  });

  it('refuses sources, tests, source maps, node_modules and dev dependencies', () => {
    const extra = [
      '/dist/main/index.js.map',
      '/dist/renderer/assets/index-abc.js.map',
      '/dist/main/core.ts',
      '/dist/renderer/app.tsx',
      '/dist/types.d.ts',
      '/tests/api/client.test.ts',
      '/dist/tests/fixtures.js',
      '/node_modules/ky/index.js',
      '/dist/node_modules/zod/index.js',
      '/dist/vitest/index.js',
      '/dist/playwright-core/lib/server.js',
      '/dist/@types/node/index.js',
      '/main/core.js',
      '/README.md',
    ];
    expect(auditEntries([...APP, ...extra], DEV)).toEqual([
      'source map in the app: /dist/main/index.js.map',
      'source map in the app: /dist/renderer/assets/index-abc.js.map',
      'TypeScript source in the app: /dist/main/core.ts',
      'TypeScript source in the app: /dist/renderer/app.tsx',
      'TypeScript source in the app: /dist/types.d.ts',
      'tests in the app: /tests/api/client.test.ts',
      'tests in the app: /dist/tests/fixtures.js',
      'node_modules in the app: /node_modules/ky/index.js',
      'node_modules in the app: /dist/node_modules/zod/index.js',
      'dev dependency "vitest" in the app: /dist/vitest/index.js',
      'dev dependency "playwright-core" in the app: /dist/playwright-core/lib/server.js',
      'dev dependency "@types" in the app: /dist/@types/node/index.js',
      'not part of the built app (only dist/ and package.json belong): /main/core.js',
      'not part of the built app (only dist/ and package.json belong): /README.md',
    ]);
  });

  it('does not mistake a file that merely contains a dev dependency name for one', () => {
    expect(
      auditEntries([...APP, '/dist/renderer/assets/vite.svg', '/dist/renderer/assets/typescript-logo.png'], DEV),
    ).toEqual([]);
  });
});

describe('findImports', () => {
  it('reads static, re-exported, dynamic and require() imports from the syntax tree', () => {
    const code = [
      `import electron, { app } from "electron";`,
      `import "./side-effect.js";`,
      `export { thing } from "./thing.js";`,
      `export * from "node:fs";`,
      `const later = () => import("./chunk.js");`,
      // Vite writes lazy chunks as templates without expressions.
      'const view = () => import(`./view.js`);',
      'const computed = (name) => import(`./${name}.js`);',
      `const fs = require("node:fs");`,
      `const x = __require("ky");`,
      `const name = "vi" + "test"; import(name); require(name);`,
    ].join('\n');
    const found = findImports('index.js', code);
    expect(found.specifiers.toSorted()).toEqual(
      ['./chunk.js', './side-effect.js', './thing.js', './view.js', 'electron', 'ky', 'node:fs'].toSorted(),
    );
    expect(found.computed).toBe(3);
    expect(found.parseErrors).toEqual([]);
  });

  it('ignores import-like text in comments, strings and templates', () => {
    const code = [
      '/** @example',
      ' * import ky from "ky";',
      ' * const vitest = require("vitest");',
      ' */',
      'const text = `require("ajv/dist/runtime/validation_error").default`;',
      `const quoted = 'import x from "typescript"';`,
    ].join('\n');
    expect(findImports('index.js', code)).toEqual({ specifiers: [], computed: 0, parseErrors: [] });
  });

  it('reports code it cannot parse', () => {
    expect(findImports('index.js', 'const = ;').parseErrors.length).toBeGreaterThan(0);
  });
});

describe('auditScript', () => {
  it('lets main and preload import electron and Node built-ins, and nothing else at run time', () => {
    const main = `import { app } from "electron"; import fs from "node:fs"; import path from "path"; import ky from "ky"; import { describe } from "vitest";`;
    expect(auditScript('/dist/main/index.js', main, APP, DEV)).toEqual([
      '/dist/main/index.js: imports package "ky" at run time ("ky"), and the app ships no node_modules',
      '/dist/main/index.js: imports dev dependency "vitest" at run time ("vitest"), and the app ships no node_modules',
    ]);
    expect(auditScript('/dist/preload/index.cjs', `const { contextBridge } = require("electron");`, APP, DEV)).toEqual(
      [],
    );
    expect(auditScript('/dist/preload/index.cjs', `require("playwright-core/lib/server");`, APP, DEV)).toEqual([
      '/dist/preload/index.cjs: imports dev dependency "playwright-core" at run time ("playwright-core/lib/server"), and the app ships no node_modules',
    ]);
  });

  it('lets the renderer import only its own shipped files', () => {
    const renderer = `import { h } from "./chunk-def.js"; import "../assets/missing.js"; import { app } from "electron"; import fs from "node:fs";`;
    expect(auditScript('/dist/renderer/assets/index-abc.js', renderer, APP, DEV)).toEqual([
      '/dist/renderer/assets/index-abc.js: imports ../assets/missing.js, which is not in the app',
      '/dist/renderer/assets/index-abc.js: imports dev dependency "electron" at run time ("electron"), and the app ships no node_modules',
      '/dist/renderer/assets/index-abc.js: imports package "node:fs" at run time ("node:fs"), and the app ships no node_modules',
    ]);
  });

  it('refuses an embedded source map and a computed import, and accepts a link to an unshipped map', () => {
    const inline = `export const a = 1;\n//# sourceMappingURL=data:application/json;base64,e30=`;
    expect(auditScript('/dist/main/index.js', inline, APP, DEV)).toEqual(['/dist/main/index.js: embeds a source map']);
    expect(
      auditScript('/dist/main/index.js', `export const a = 1;\n//# sourceMappingURL=index.js.map`, APP, DEV),
    ).toEqual([]);
    expect(auditScript('/dist/main/index.js', `const m = process.env.M; await import(m);`, APP, DEV)).toEqual([
      '/dist/main/index.js: 1 import(s) of a computed module name',
    ]);
  });
});

describe('packageName', () => {
  it('is the package a bare specifier names', () => {
    expect(packageName('ky')).toBe('ky');
    expect(packageName('ky/distribution/index.js')).toBe('ky');
    expect(packageName('@preact/signals')).toBe('@preact/signals');
    expect(packageName('@electron/asar/lib/asar.js')).toBe('@electron/asar');
  });
});
