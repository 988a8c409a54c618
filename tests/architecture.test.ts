// The one architectural rule (shared/guide/architecture.md): `electron` is imported only at the edges,
// so everything else runs, and is tested, in plain Node. And the popup never reaches into main-process
// code that would drag Node or zod into its bundle.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// One *-setup.ts per feature hands Electron's objects to the plain module beside it; store-file.ts opens
// the electron-store files (electron-store imports electron itself).
const ELECTRON_EDGES = [
  'main/desktop/clipboard-setup.ts',
  'main/desktop/ipc-setup.ts',
  'main/desktop/login-item-setup.ts',
  'main/desktop/notifications-setup.ts',
  'main/desktop/popup-setup.ts',
  'main/desktop/power-monitor-setup.ts',
  'main/desktop/security-setup.ts',
  'main/desktop/stores-setup.ts',
  'main/desktop/tray-setup.ts',
  'main/desktop/vault-setup.ts',
  'main/desktop/store-file.ts',
  'main/index.ts',
  'preload/index.ts',
];
/** Packages that pull in electron when imported. */
const ELECTRON_PACKAGES = new Set(['electron', 'electron-store']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx)$/.test(file))
    .map((file) => join(dir, file));
}

interface ImportSite {
  spec: string;
  /** `import type … from` or `export type … from`: erased at build time. */
  typeOnly: boolean;
}

function importsOf(file: string): ImportSite[] {
  const source = readFileSync(file, 'utf8');
  const statements = [...source.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gms)].map(
    (m) => ({
      spec: m[3]!,
      typeOnly: m[2] !== undefined,
    }),
  );
  const calls = [...source.matchAll(/(?:import\s*\(|require\()\s*['"]([^'"]+)['"]/g)].map((m) => ({
    spec: m[1]!,
    typeOnly: false,
  }));
  return [...statements, ...calls];
}

describe('architecture', () => {
  it('imports electron (or electron-store) only in the desktop edge, the composition root and the preload', () => {
    const importers = ['main', 'preload', 'renderer']
      .flatMap(sourceFiles)
      .filter((file) => importsOf(file).some((site) => ELECTRON_PACKAGES.has(site.spec) && !site.typeOnly))
      .toSorted();
    expect(importers).toEqual(ELECTRON_EDGES.toSorted());
  });

  it('keeps the renderer to browser code: no Node built-ins, no zod, no main-process modules with dependencies', () => {
    const offending = sourceFiles('renderer').flatMap((file) =>
      importsOf(file)
        .filter(
          ({ spec, typeOnly }) =>
            !typeOnly &&
            (spec.startsWith('node:') ||
              spec === 'zod' ||
              spec === 'electron' ||
              (spec.includes('/main/') && !/\/main\/(api\/rules|api\/statuses|i18n\/shared-words)$/.test(spec))),
        )
        .map(({ spec }) => `${file} -> ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});
