// Issue 9: the popup's start JS stays small by structure. What it loads at start carries the first
// glance's messages in English only; the views' messages (every language) and Czech are chunks of their
// own, fetched when needed. Built with the configuration `npm run build` uses (scripts/bundles.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dictionary } from '../../common/i18n/i18n';
import { rendererBundle } from '../../scripts/bundles';
import { startChunkNames } from '../../scripts/build-sizes';
import { cs } from '../../renderer/i18n/cs';
import { csViews } from '../../renderer/i18n/cs-views';
import { en } from '../../renderer/i18n/en';
import { enViews } from '../../renderer/i18n/en-views';

let outDir: string;
/** The code of every chunk the page loads before it can run, and of the rest. */
let atStart: string;
let later: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'vps-renderer-'));
  const output = await build(rendererBundle(outDir));
  if (!('output' in output)) throw new Error('the renderer build gave no single output');
  const chunks = output.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  const startNames = startChunkNames(chunks);
  atStart = chunks
    .filter((chunk) => startNames.has(chunk.fileName))
    .map((chunk) => chunk.code)
    .join('\n');
  later = chunks
    .filter((chunk) => !startNames.has(chunk.fileName))
    .map((chunk) => chunk.code)
    .join('\n');
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

/** Every text of a dictionary (each plural form), as it is written in the code. */
function textsOf(dictionary: Dictionary): string[] {
  return Object.values(dictionary).flatMap((group) =>
    Object.values(group).flatMap((message) => (typeof message === 'string' ? [message] : Object.values(message))),
  );
}

/**
 * Texts of `dictionary` in words that no first-glance dictionary has too (a word both say is in both;
 * a lone sign such as the dash for "none" may be any component's own).
 */
function onlyIn(dictionary: Dictionary): string[] {
  const glance = new Set([...textsOf(en), ...textsOf(cs)]);
  return textsOf(dictionary).filter((text) => /\p{L}/u.test(text) && !glance.has(text));
}

/** Whether `code` holds `text` as a whole string literal (in any of JS's quotes), as the bundler writes messages. */
function holds(code: string, text: string): boolean {
  const escaped = JSON.stringify(text).slice(1, -1);
  return [`"${escaped}"`, `'${escaped}'`, `\`${escaped}\``].some((literal) => code.includes(literal));
}

describe('the JS the popup loads at start', () => {
  it("carries the first glance's English messages", () => {
    expect(holds(atStart, en.list.searchPlaceholder)).toBe(true);
    expect(holds(atStart, en.demo.banner)).toBe(true);
    expect(holds(atStart, en.errorKind.network)).toBe(true);
  });

  it('carries no message of the views opened later, in any language: they load with those views', () => {
    const views = [...onlyIn(enViews), ...onlyIn(csViews)];
    expect(views.length).toBeGreaterThan(200);
    expect(views.filter((text) => holds(atStart, text))).toEqual([]);
    expect(views.filter((text) => !holds(later, text))).toEqual([]);
  });

  it('carries no Czech: it loads when the popup speaks Czech', () => {
    const english = new Set(textsOf(en));
    // The Czech words the tray shows too (common/i18n/words-cs) are in `cs`, so they are checked as well.
    const czech = textsOf(cs).filter((text) => /\p{L}/u.test(text) && !english.has(text));
    expect(czech.length).toBeGreaterThan(100);
    expect(czech.filter((text) => holds(atStart, text))).toEqual([]);
    expect(czech.filter((text) => !holds(later, text))).toEqual([]);
  });
});
