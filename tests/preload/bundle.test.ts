// The preload runs under `sandbox: true`, where only CommonJS with `require('electron')` loads: prove
// the bundle is one CommonJS file whose only require is electron. Built with the same configuration as `npm run build`.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { preloadBundle } from '../../scripts/bundles';

let outDir: string;
let code: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'vps-preload-'));
  await build(preloadBundle(outDir));
  code = readFileSync(join(outDir, 'index.cjs'), 'utf8');
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe('preload bundle', () => {
  it('is a single CommonJS file', () => {
    expect(readdirSync(outDir).filter((f) => f.endsWith('.js') || f.endsWith('.cjs') || f.endsWith('.mjs'))).toEqual([
      'index.cjs',
    ]);
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(code).not.toContain('import.meta');
  });

  it('requires nothing but electron', () => {
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).toContain('exposeInMainWorld');
    expect(code).toContain('vps:servers:reboot');
  });

  it('runs in a sandbox-like CommonJS context with only electron available', async () => {
    const { runInNewContext } = await import('node:vm');
    const exposed: Record<string, unknown> = {};
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: { invoke: async () => ({ ok: true, value: null }), on: () => {}, removeListener: () => {} },
    };
    const module = { exports: {} };
    const require = (name: string) => {
      if (name !== 'electron') throw new Error(`require(${name}) is not available in the sandbox`);
      return electron;
    };
    runInNewContext(code, { require, module, exports: module.exports, Promise, Object, Set, Map, JSON });
    expect(Object.keys(exposed)).toEqual(['vps']);
  });
});
