// The popup's stylesheet keeps hostile text (tests/renderer/hostile-strings.test.ts) from breaking the
// layout: the classes that hold API text are one clipped line, or wrap anywhere. A node test (.node) because
// the renderer project (happy-dom) neither lays out nor loads CSS.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../renderer/styles.css', import.meta.url), 'utf8');

/** The declarations of `selector`'s own rule (a rule starting a line) in the popup's stylesheet. */
function ruleOf(selector: string): string {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|\\n)${escaped}\\s*\\{([^}]*)\\}`).exec(css);
  if (!match) throw new Error(`no rule for ${selector}`);
  return match[1]!;
}

describe('the classes that hold API text keep the layout', () => {
  // name and meta of a list row, the detail view's title
  it.each(['.row-name', '.row-meta', '.detail-title'])('%s is one clipped line', (selector) => {
    const rule = ruleOf(selector);
    expect(rule).toMatch(/white-space:\s*nowrap/);
    expect(rule).toMatch(/overflow:\s*hidden/);
    expect(rule).toMatch(/text-overflow:\s*ellipsis/);
  });

  it('the action notice at a row (a failure’s reason) wraps to be read whole, even a word with no spaces', () => {
    const rule = ruleOf('.notice-text');
    expect(rule).not.toMatch(/white-space:\s*nowrap/);
    expect(rule).not.toMatch(/text-overflow/);
    expect(rule).toMatch(/overflow-wrap:\s*anywhere/);
    expect(ruleOf('.row-extra')).toMatch(/min-height:/);
  });

  it('the row name is its own flex item: it can shrink, and a right-to-left override in it cannot reorder the badge', () => {
    expect(ruleOf('.row-title')).toMatch(/display:\s*flex/);
    expect(ruleOf('.row-name')).toMatch(/min-width:\s*0/);
  });

  it('a long hostname (.wrap) wraps anywhere instead of widening the popup', () => {
    expect(ruleOf('.wrap')).toMatch(/overflow-wrap:\s*anywhere/);
  });

  it('a deviation (it names the server) wraps anywhere too', () => {
    expect(ruleOf('.deviation')).toMatch(/overflow-wrap:\s*anywhere/);
  });
});
