// Token setup: why a token is asked for (in the user's language), a rejected token kept as typed but
// hidden, the demo, and auth changes pushed by main.
import { describe, expect, it } from 'vitest';
import { EventChannel, InvokeChannel } from '../../../common/contract';
import { DEMO_AUTH, createFakeBridge, fail, ok, WEB_01 } from '../fake-bridge';
import { act } from 'preact/test-utils';
import { click, getByRole, hasText, queryByRole, settle, typeInto, popupUnderTest } from '../dom';

const popup = popupUnderTest();

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
    const fake = createFakeBridge({ auth: { mode: 'none' }, servers: [WEB_01] });
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
    const fake = createFakeBridge({ servers: [WEB_01] });
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
