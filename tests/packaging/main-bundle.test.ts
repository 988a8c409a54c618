// Issue "Faster than a naive tray app", point 4: the main process starts on a small bundle. What the first
// tray paint does not need (electron-updater, the API client with ky, the demo simulator, the "Copy
// diagnostics" report) is a chunk of its own beside it, imported when first used. Built with the configuration `npm run build` uses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainBundle } from '../../scripts/bundles';

let outDir: string;
let entry: Rolldown.OutputChunk;
let later: Rolldown.OutputChunk[];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'vps-main-'));
  const output = await build(mainBundle(outDir));
  if (!('output' in output)) throw new Error('the main build gave no single output');
  const chunks = output.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  const found = chunks.find((chunk) => chunk.isEntry);
  if (!found) throw new Error('no entry chunk');
  entry = found;
  later = chunks.filter((chunk) => !chunk.isEntry);
}, 60_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

/** The chunk that holds a module whose id contains `part`, by the start's entry or a later chunk. */
const holder = (part: string) =>
  [entry, ...later].filter((chunk) => chunk.moduleIds.some((id) => id.includes(part))).map((chunk) => chunk.fileName);

describe('the main bundle', () => {
  it('starts without electron-updater, the API client, the simulator and the diagnostics report', () => {
    for (const part of [
      'node_modules/electron-updater/',
      'node_modules/ky/',
      'main/api/transport.ts',
      'main/simulator/',
      'main/diagnostics/copy.ts',
      'main/diagnostics/report.ts',
    ]) {
      const inEntry = entry.moduleIds.some((id) => id.includes(part));
      expect({ part, inEntry, chunked: holder(part).length > 0 }).toEqual({ part, inEntry: false, chunked: true });
    }
  });

  it('imports each of them by a relative path, so they load from the app folder and from app.asar', () => {
    expect(entry.dynamicImports.length).toBeGreaterThanOrEqual(4);
    for (const fileName of entry.dynamicImports) {
      expect(fileName.startsWith('assets/')).toBe(true);
      expect(entry.code).toContain(`import("./${fileName}")`);
    }
  });

  it('keeps what the start needs in the entry: the stores, the settings schema, the diagnostics channel', () => {
    // The channel's payload check answers at once; only the report waits for its chunk.
    expect(entry.moduleIds.some((id) => id.includes('main/features/diagnostics.ts'))).toBe(true);
    expect(entry.code).not.toContain('buildDiagnosticsReport');
    expect(entry.moduleIds.some((id) => id.includes('node_modules/electron-store/'))).toBe(true);
    expect(entry.moduleIds.some((id) => id.includes('main/settings/schema.ts'))).toBe(true);
  });
});
