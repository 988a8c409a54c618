import { describe, expect, it } from 'vitest';
import { EventChannel, InvokeChannel } from '../../common/contract';
import {
  DEMO_AUTH,
  TOKEN_AUTH,
  createFakeBridge,
  fail,
  makeServer,
  makeView,
  ok,
  invalidParameters,
} from './fake-bridge';
import { act } from 'preact/test-utils';
import {
  blur,
  choose,
  click,
  getByRole,
  hasText,
  queryByRole,
  settle,
  typeInto,
  type Rendered,
  popupUnderTest,
} from './dom';

const popup = popupUnderTest();

const existing = makeView(
  makeServer(1, {
    name: 'web-01',
    location: 'us-west',
    plan: { id: 2, name: 'Performance VPS', vcpus: 4, memory: 8192, storage: 160, bandwidth: null },
    os: { id: 3, name: 'Debian 12' },
  }),
);

async function openCreate(fake = createFakeBridge({ servers: [existing] })): Promise<Rendered> {
  const result = await popup.render(fake);
  await click(getByRole(result.root.querySelector('header')!, 'button', 'New server'));
  return result;
}

describe('create server', () => {
  it('offers the account’s plans, systems and locations, validates as you type, and creates', async () => {
    const fake = createFakeBridge({ servers: [existing] });
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
    const fake = createFakeBridge({ servers: [existing] });
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
    const fake = createFakeBridge({ servers: [existing] });
    fake.handle(InvokeChannel.serversCreate, () => invalidParameters({ plan_id: ['Unknown plan.'] }));
    const rendered = await openCreate(fake);
    await typeInto(getByRole(rendered.root, 'textbox', 'Name'), 'web-02');
    await click(getByRole(rendered.root, 'button', 'Create server'));
    const plan = getByRole(rendered.root, 'combobox', 'Plan');
    expect(plan.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(plan.getAttribute('aria-describedby')!)?.textContent).toBe('Unknown plan.');
  });
});

describe('token setup', () => {
  it('shows the notice, keeps the token after a rejection and never shows it back unless asked', async () => {
    const fake = createFakeBridge({
      auth: { mode: 'none', notice: { code: 'decrypt-failed', message: 'English fallback from main.' } },
    });
    fake.handle(InvokeChannel.tokenSet, () => fail({ kind: 'unauthorized', status: 401, message: 'Invalid token.' }));
    const rendered = await popup.render(fake);
    const { root } = rendered;
    expect(hasText(root, 'Your saved token could not be read')).toBe(true);
    const input = getByRole(root, 'textbox', 'API token') as HTMLInputElement;
    expect(input.type).toBe('password');
    await typeInto(input, ' tok_123 ');
    await click(getByRole(root, 'button', 'Save token'));
    expect(fake.callsTo(InvokeChannel.tokenSet)).toEqual([{ token: 'tok_123' }]);
    expect(root.querySelector('#token-input-error')?.textContent).toBe(
      'VPS.org rejected this token. Check that it is complete and still valid.',
    );
    expect(input.value).toBe(' tok_123 ');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await click(getByRole(root, 'button', 'Show token'));
    expect(input.type).toBe('text');
  });

  it('enters the app after a good token, and the demo shows a badge and Connect your account', async () => {
    const fake = createFakeBridge({ auth: { mode: 'none' }, servers: [existing] });
    fake.handle(InvokeChannel.demoStart, () => ok(DEMO_AUTH));
    fake.handle(InvokeChannel.demoStop, () => ok({ mode: 'none' }));
    const rendered = await popup.render(fake);
    await click(getByRole(rendered.root, 'button', 'Try the demo'));
    expect(hasText(rendered.root.querySelector('header')!, 'Demo')).toBe(true);
    expect(hasText(rendered.root, 'Demo mode: simulated servers')).toBe(true);
    expect(queryByRole(rendered.root, 'list', 'Servers')).not.toBeNull();
    await click(
      getByRole(rendered.root.querySelector('[data-testid="demo-banner"]')!, 'button', 'Connect your account'),
    );
    expect(fake.callsTo(InvokeChannel.demoStop)).toHaveLength(1);
    expect(queryByRole(rendered.root, 'textbox', 'API token')).not.toBeNull();
  });

  it('follows auth changes pushed by main (e.g. a revoked token)', async () => {
    const fake = createFakeBridge({ servers: [existing] });
    const rendered = await popup.render(fake);
    await act(() =>
      fake.emit(EventChannel.authChanged, {
        mode: 'none',
        notice: { code: 'token-rejected', message: 'English fallback from main.' },
      }),
    );
    await settle();
    expect(getByRole(rendered.root, 'alert').textContent).toBe(
      'VPS.org rejected the saved token (revoked?). Paste a new token to continue.',
    );
    expect(queryByRole(rendered.root, 'list', 'Servers')).toBeNull();
  });

  it('shows the notice in Czech for a Czech system, and says where the token comes from', async () => {
    const fake = createFakeBridge({
      auth: { mode: 'none', notice: { code: 'token-rejected', message: 'English fallback from main.' } },
      appInfo: { systemLocale: 'cs-CZ' },
    });
    const rendered = await popup.render(fake);
    const { root } = rendered;
    expect(getByRole(root, 'alert').textContent).toBe(
      'VPS.org uložený token odmítlo (byl zrušen?). Pro pokračování vložte nový token.',
    );
    expect(hasText(root, 'English fallback')).toBe(false);
    expect(getByRole(root, 'heading', 'Kde najdu svůj token?')).toBeTruthy();
    expect(hasText(root, 'Otevřete sekci API a vytvořte token.')).toBe(true);
    const input = getByRole(root, 'textbox', 'API token');
    expect(document.getElementById('token-input-hint')?.textContent).toContain('systémovou klíčenkou');
    expect(input.getAttribute('aria-describedby')).toBe('token-input-hint');
    expect(hasText(root, 'simulované servery v tomto počítači')).toBe(true);
    expect(getByRole(root, 'button', 'Vyzkoušet demo')).toBeTruthy();
  });
});

describe('settings', () => {
  it('saves each change as a patch and shows where the token is kept; sign out clears it', async () => {
    const fake = createFakeBridge({
      servers: [existing],
      auth: {
        ...TOKEN_AUTH,
        storage: { backend: 'memory', persisted: false, reason: 'No keyring found: install gnome-keyring.' },
      } as typeof TOKEN_AUTH,
    });
    fake.handle(InvokeChannel.tokenClear, () => ok({ mode: 'none' }));
    const rendered = await popup.render(fake);
    const { root } = rendered;
    await click(getByRole(root, 'button', 'Settings'));
    await click(getByRole(root, 'checkbox', 'Rebooting a server'));
    await click(getByRole(root, 'checkbox', 'Launch at login'));
    const interval = getByRole(root, 'spinbutton', 'Check every (seconds)') as HTMLInputElement;
    await typeInto(interval, '5');
    expect(interval.getAttribute('aria-invalid')).toBe('true');
    await typeInto(interval, '120');
    await act(() => {
      interval.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(fake.callsTo(InvokeChannel.settingsSet)).toEqual([
      { confirmations: { reboot: false } },
      { launchAtLogin: true },
      { pollIntervals: { idleSeconds: 120 } },
    ]);
    expect(hasText(root, 'Token stored in: memory only.')).toBe(true);
    expect(hasText(root, 'Your token is kept only until you quit.')).toBe(true);
    expect(hasText(root, 'No keyring found: install gnome-keyring.')).toBe(true);
    await click(getByRole(root, 'button', 'Sign out'));
    expect(fake.callsTo(InvokeChannel.tokenClear)).toHaveLength(1);
    expect(queryByRole(root, 'textbox', 'API token')).not.toBeNull();
  });

  it('shows a failed save', async () => {
    const fake = createFakeBridge({ servers: [existing] });
    fake.handle(InvokeChannel.settingsSet, () => fail({ kind: 'internal', message: 'EACCES /home/u/.config' }));
    const rendered = await popup.render(fake);
    await click(getByRole(rendered.root, 'button', 'Settings'));
    await click(getByRole(rendered.root, 'checkbox', 'Show notifications'));
    expect(getByRole(rendered.root, 'alert').textContent).toBe(
      'Could not save: Something went wrong inside the app. Please try again.',
    );
  });

  it('switches the whole popup to Czech when the language is overridden', async () => {
    const fake = createFakeBridge({ servers: [existing] });
    const rendered = await popup.render(fake);
    await click(getByRole(rendered.root, 'button', 'Settings'));
    await choose(getByRole(rendered.root, 'combobox', 'Language'), 'cs');
    expect(fake.callsTo(InvokeChannel.settingsSet)).toEqual([{ language: 'cs' }]);
    expect(getByRole(rendered.root, 'heading', 'Nastavení')).toBeTruthy();
    expect(document.documentElement.lang).toBe('cs');
    await click(getByRole(rendered.root, 'button', 'Zpět'));
    expect(hasText(rendered.root, '1 server')).toBe(true);
    expect(getByRole(rendered.root, 'button', 'Zastavit web-01')).toBeTruthy();
    expect(rendered.root.querySelector('.status-text')?.textContent).toBe('běží');
  });
});
