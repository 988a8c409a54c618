// Create: choices from the account's servers, checks as you type, and the server created.
import { describe, expect, it } from 'vitest';
import { InvokeChannel } from '../../../common/contract';
import { createFakeBridge, fail, makeView, ok, invalidParameters, WEB_01 } from '../fake-bridge';
import { blur, choose, click, getByRole, hasText, queryByRole, typeInto, type Rendered, popupUnderTest } from '../dom';
import { makeServer } from '../../support/fixtures';

const popup = popupUnderTest();

async function openCreate(fake = createFakeBridge({ servers: [WEB_01] })): Promise<Rendered> {
  const result = await popup.render(fake);
  await click(getByRole(result.root.querySelector('header')!, 'button', 'New server'));
  return result;
}

describe('create server', () => {
  it('offers the account’s plans, systems and locations, validates as you type, and creates', async () => {
    const fake = createFakeBridge({ servers: [WEB_01] });
    fake.handle(InvokeChannel.serversCreate, (input) =>
      ok(makeView(makeServer(99, { name: input.name, status: 'provisioning', ip_address: null }))),
    );
    const rendered = await openCreate(fake);
    const { root } = rendered;
    expect((getByRole(root, 'combobox', 'Plan') as HTMLSelectElement).value).toBe('2');
    expect(hasText(getByRole(root, 'combobox', 'Operating system'), 'Debian 12 (#3)')).toBe(true);

    const name = getByRole(root, 'textbox', 'Name');
    // Validation as you type: a wrong format is flagged at once, before the field is left.
    await typeInto(name, '-oops');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toContain(
      'letters, digits and hyphens',
    );
    await typeInto(name, 'api-01');
    expect(name.getAttribute('aria-invalid')).toBeNull();

    await choose(getByRole(root, 'combobox', 'Location'), 'other');
    await typeInto(getByRole(root, 'textbox', 'Location code'), 'eu-central');
    await typeInto(getByRole(root, 'textbox', 'SSH key id (optional)'), '42');
    await click(getByRole(root, 'checkbox', 'Automatic backups'));
    await click(getByRole(root, 'button', 'Create server'));
    expect(fake.callsTo(InvokeChannel.serversCreate)).toEqual([
      { name: 'api-01', plan_id: 2, os_id: 3, location: 'eu-central', ssh_key_id: 42, backups_enabled: true },
    ]);
    expect(queryByRole(root, 'list', 'Servers')).not.toBeNull();
  });

  it('flags an empty required field only once it has been left', async () => {
    const rendered = await openCreate();
    const name = getByRole(rendered.root, 'textbox', 'Name');
    await typeInto(name, '');
    expect(name.getAttribute('aria-invalid')).toBeNull();
    await blur(name);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toContain('required');
  });

  it('marks every invalid field on submit and sends nothing', async () => {
    const rendered = await openCreate(createFakeBridge({ servers: [] }));
    const { root, fake } = rendered;
    await click(getByRole(root, 'button', 'Create server'));
    expect(fake.callsTo(InvokeChannel.serversCreate)).toEqual([]);
    expect(getByRole(root, 'textbox', 'Name').getAttribute('aria-invalid')).toBe('true');
    expect(getByRole(root, 'textbox', 'Plan id').getAttribute('aria-invalid')).toBe('true');
    expect(getByRole(root, 'alert').textContent).toBe('Please correct the marked fields.');
  });

  it('says plainly when credits are insufficient and keeps every input', async () => {
    const fake = createFakeBridge({ servers: [WEB_01] });
    fake.handle(InvokeChannel.serversCreate, () =>
      fail({ kind: 'payment-required', status: 402, message: 'Payment required.' }),
    );
    const rendered = await openCreate(fake);
    const name = getByRole(rendered.root, 'textbox', 'Name') as HTMLInputElement;
    await typeInto(name, 'big-01');
    await click(getByRole(rendered.root, 'button', 'Create server'));
    expect(getByRole(rendered.root, 'alert').textContent).toBe(
      'Insufficient credits: top up your VPS.org account and try again.',
    );
    expect(name.value).toBe('big-01');
  });

  it('maps the server’s 400 field errors onto the fields', async () => {
    const fake = createFakeBridge({ servers: [WEB_01] });
    fake.handle(InvokeChannel.serversCreate, () => invalidParameters({ plan_id: ['Unknown plan.'] }));
    const rendered = await openCreate(fake);
    await typeInto(getByRole(rendered.root, 'textbox', 'Name'), 'web-02');
    await click(getByRole(rendered.root, 'button', 'Create server'));
    const plan = getByRole(rendered.root, 'combobox', 'Plan');
    expect(plan.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(plan.getAttribute('aria-describedby')!)?.textContent).toBe('Unknown plan.');
  });
});
