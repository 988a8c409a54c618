// Structural accessibility rules (roles, names, ARIA attributes) checked by axe-core in the DOM.
// Colour contrast needs real layout and is checked in real Chromium by the end-to-end suite.
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { createFakeBridge, makeView } from './fake-bridge';
import { click, getByRole, popupUnderTest } from './dom';
import { KNOWN_STATUSES } from '../../common/statuses';
import { makeServer } from '../support/fixtures';

const popup = popupUnderTest();

async function violations(root: HTMLElement): Promise<string[]> {
  const result = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`,
  );
}

describe('accessibility structure (axe-core)', () => {
  it('list, confirmation and notices have no violations', async () => {
    const servers = [...KNOWN_STATUSES, 'migrating'].map((status, index) =>
      makeView(makeServer(index + 1, { name: `srv-${status}`, status })),
    );
    const rendered = await popup.render(createFakeBridge({ servers }));
    expect(await violations(rendered.root)).toEqual([]);
    await click(getByRole(rendered.root, 'button', 'Reboot srv-active'));
    expect(await violations(rendered.root)).toEqual([]);
  });

  it('detail view has no violations', async () => {
    const rendered = await popup.render(createFakeBridge({ servers: [makeView(makeServer(1, { name: 'web-01' }))] }));
    await click(rendered.root.querySelector<HTMLElement>('.row-main')!);
    await click(getByRole(rendered.root, 'button', 'Delete'));
    expect(await violations(rendered.root)).toEqual([]);
  });

  it('create form and settings have no violations', async () => {
    const rendered = await popup.render(createFakeBridge({ servers: [makeView(makeServer(1, { name: 'web-01' }))] }));
    await click(getByRole(rendered.root.querySelector('header')!, 'button', 'New server'));
    await click(getByRole(rendered.root, 'button', 'Create server'));
    expect(await violations(rendered.root)).toEqual([]);
    await click(getByRole(rendered.root, 'button', 'Settings'));
    expect(await violations(rendered.root)).toEqual([]);
  });

  it('token setup has no violations', async () => {
    const rendered = await popup.render(
      createFakeBridge({ auth: { mode: 'none', notice: { code: 'token-rejected', message: 'Token revoked.' } } }),
    );
    expect(await violations(rendered.root)).toEqual([]);
  });
});
