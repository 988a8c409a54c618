// Hostile strings (markup, 10 000 characters, right-to-left overrides, emoji, control characters, `&`) in
// a server's name and IP reach the tray menu through the one sanitizer of native text (main/i18n/native-text.ts):
// controls become a space, bidirectional overrides go, right-to-left names are isolated, names are cut at
// 64 characters, `&` is doubled (Electron reads one as a mnemonic); intents carry the name as data, Copy
// IP is offered only for an address, and nothing else in the menu changes. Native menus do not parse
// markup, so markup stays text.
import { describe, expect, it } from 'vitest';
import { computeTraySummary } from '../../main/tray/summary';
import { messagesFor } from '../../main/i18n';
import { toMenuTemplate } from '../../main/tray/controller';
import { buildTrayMenuModel, type TrayMenuItem } from '../../main/tray/menu';
import { trayTooltip } from '../../main/tray/tooltip';
import type { AuthState, ServerView } from '../../common/contract';
import { makeServer } from '../support/fixtures';

const en = messagesFor('en');
const confirmations = { start: false, stop: true, reboot: true };

/** [what, the hostile text, how a name `<prefix><text>` shows]. */
const HOSTILE: Array<[label: string, text: string, shown: (prefix: string) => string]> = [
  [
    'markup',
    '<img src=x onerror=alert(1)><script>alert(2)</script>',
    (p) => `${p}<img src=x onerror=alert(1)><script>alert(2)</script>`,
  ],
  ['10 000 characters', 'x'.repeat(10_000), (p) => `${p}${'x'.repeat(62)}…`],
  ['right-to-left override', '\u202Egnp.exe\u202C עברית العربية', (p) => `\u2068${p}gnp.exe עברית العربية\u2069`],
  ['emoji', '🔥💀 👩‍👩‍👧‍👦 🇨🇿', (p) => `${p}🔥💀 👩‍👩‍👧‍👦 🇨🇿`],
  ['control characters (a forged line)', 'a\u0000b\u0007c\u001b[31md\r\nQuit\tf', (p) => `${p}a b c [31md Quit f`],
  ['an ampersand (a mnemonic)', 'R&D', (p) => `${p}R&&D`],
];

const view = (name: string, ip: string): ServerView => ({
  key: 'acc:1',
  accountId: 'acc',
  server: makeServer(1, { name, ip_address: ip }),
  pending: null,
});

const auth: AuthState = {
  mode: 'token',
  account: { id: 'acc', label: 'VPS.org', baseUrl: 'https://admin.vps.org/api/v1' },
  storage: { backend: 'keychain', persisted: true },
};

const loaded = { lastSuccessAt: 1, stale: null, refreshing: false, loaded: true };

const labelsDeep = (items: TrayMenuItem[]): string[] =>
  items.flatMap((item) =>
    item.type === 'separator' ? [] : [item.label, ...(item.type === 'submenu' ? labelsDeep(item.submenu) : [])],
  );

describe('hostile strings in the tray menu', () => {
  it.each(HOSTILE)('%s shows cleaned, and the rest of the menu is unchanged', (_label, text, shown) => {
    const summary = computeTraySummary(auth, [view(`N${text}`, `I${text}`)], loaded);
    const model = buildTrayMenuModel(summary, 'darwin', confirmations, en);
    const plain = buildTrayMenuModel(
      computeTraySummary(auth, [view('web-01', 'I-web-01')], loaded),
      'darwin',
      confirmations,
      en,
    );
    const server = model.find((item) => item.type === 'submenu');
    expect(server?.label).toBe(`${shown('N')} — running`);
    // The IP is not an address: shown as cleaned text, never offered to be copied.
    expect(
      server?.type === 'submenu' && server.submenu.map((item) => (item.type === 'separator' ? '---' : item.label)),
    ).toEqual(['Status: running', `IP: ${shown('I')}`, '---', 'Stop…', 'Reboot…']);
    // Same shape as with a plain name: no item added, dropped or reordered by the text.
    expect(model.map((item) => item.type)).toEqual(plain.map((item) => item.type));
    // No label holds a control character or a bidirectional override, nor is any longer than 300.
    for (const label of labelsDeep(model)) {
      expect(label).not.toMatch(/[\p{Cc}\u2028\u2029\u202A-\u202E\u2066\u2067\u200E\u200F]/u);
      expect(Array.from(label).length).toBeLessThanOrEqual(300);
    }
    // Intents carry the name as data (the dialog cleans it again, tray/intents.ts).
    const intents =
      server?.type === 'submenu'
        ? server.submenu.flatMap((item) => (item.type === 'normal' && item.click ? [item.click] : []))
        : [];
    expect(intents).toContainEqual(expect.objectContaining({ intent: 'power', serverName: `N${text}` }));
    expect(intents.some((intent) => intent.intent === 'copy-ip')).toBe(false);
    // The Electron template is the model's labels, nothing added.
    const template = toMenuTemplate(model, () => undefined);
    expect(template.find((item) => item.type === 'submenu')?.label).toBe(`${shown('N')} — running`);
    // The tooltip is made of counts, never of names.
    expect(trayTooltip(summary, en)).not.toContain(text);
  });

  it.each(['203.0.113.1', '2001:db8::1'])('offers Copy IP for an address (%s)', (ip) => {
    const model = buildTrayMenuModel(
      computeTraySummary(auth, [view('web-01', ip)], loaded),
      'darwin',
      confirmations,
      en,
    );
    const server = model.find((item) => item.type === 'submenu');
    const items = server?.type === 'submenu' ? server.submenu : [];
    expect(items).toContainEqual(expect.objectContaining({ label: `IP: ${ip}` }));
    expect(items).toContainEqual(expect.objectContaining({ label: 'Copy IP', click: { intent: 'copy-ip', ip } }));
  });

  it('an account label is cleaned like a server name', () => {
    const accounts = [
      { id: 'acc', label: 'Work\n\u202Eevil', trouble: null },
      { id: 'b', label: 'B', trouble: null },
    ];
    const summary = { ...computeTraySummary(auth, [view('web-01', '203.0.113.1')], loaded), accounts };
    const labels = labelsDeep(buildTrayMenuModel(summary, 'darwin', confirmations, en));
    expect(labels).toContain('Work evil');
  });
});
