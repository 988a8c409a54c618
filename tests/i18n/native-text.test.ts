// The one sanitizer of the API's text in native UI (main/i18n/native-text.ts): tray labels, dialogs,
// notifications and what is copied all go through it.
import { describe, expect, it } from 'vitest';
import {
  copyableIp,
  escapeNotificationMarkup,
  nativeMenuLabel,
  nativeName,
  nativeText,
  NATIVE_NAME_MAX_LENGTH,
  NATIVE_TEXT_MAX_LENGTH,
} from '../../main/i18n/native-text';

describe('native text', () => {
  it('turns each run of control characters into one space, so no name starts a line of its own', () => {
    expect(nativeName('web-01\r\nQuit\u0000\u001b[31m\u0085x\u2028y')).toBe('web-01 Quit [31m x y');
    expect(nativeText('a\n\n\nb\t')).toBe('a b');
  });

  it('removes bidirectional overrides, embeddings, marks and isolates from the API', () => {
    expect(nativeName('\u202Egnp.exe\u202C')).toBe('gnp.exe');
    expect(nativeName('a\u200E\u200F\u061C\u202A\u202B\u202D\u2066\u2067\u2068\u2069b')).toBe('ab');
  });

  it('isolates a name holding right-to-left text, and only such a name', () => {
    expect(nativeName('שרת-01')).toBe('\u2068שרת-01\u2069');
    expect(nativeName('خادم')).toBe('\u2068خادم\u2069');
    expect(nativeName('web-01')).toBe('web-01');
    // The isolates survive the text around them; a stray one of the API's does not.
    expect(nativeText(`Stop ${nativeName('שרת')}?`)).toBe('Stop \u2068שרת\u2069?');
    expect(nativeText('Stop \u2068x?')).toBe('Stop x?');
    expect(nativeText('a\u2069 \u2068b\u202Ec\u2069')).toBe('a bc');
  });

  it('caps names and texts by characters, never splitting an emoji, and closes a cut isolate', () => {
    expect(nativeName('x'.repeat(1000))).toBe(`${'x'.repeat(NATIVE_NAME_MAX_LENGTH - 1)}…`);
    expect(Array.from(nativeName('🔥'.repeat(100)))).toHaveLength(NATIVE_NAME_MAX_LENGTH);
    expect(nativeText('y'.repeat(1000))).toHaveLength(NATIVE_TEXT_MAX_LENGTH);
    const cut = nativeText(`${'y'.repeat(NATIVE_TEXT_MAX_LENGTH - 10)} ${nativeName('ש'.repeat(60))}`);
    expect(cut.endsWith('…\u2069')).toBe(true);
  });

  it('doubles & in a menu label (Electron reads one as a mnemonic)', () => {
    expect(nativeMenuLabel(`${nativeName('R&D')} — running`)).toBe('R&&D — running');
  });

  it('escapes markup for a Linux notification body', () => {
    expect(escapeNotificationMarkup('<b>a</b> & <a href="x">')).toBe('&lt;b&gt;a&lt;/b&gt; &amp; &lt;a href="x"&gt;');
  });

  it('copies an IPv4 or IPv6 address and nothing else', () => {
    expect(copyableIp('203.0.113.10')).toBe('203.0.113.10');
    expect(copyableIp('2001:db8::1')).toBe('2001:db8::1');
    for (const text of ['203.0.113.10\nrm -rf ~', 'example.org', '', '1.2.3', ' 203.0.113.10', '203.0.113.10;id'])
      expect(copyableIp(text)).toBeNull();
  });
});
