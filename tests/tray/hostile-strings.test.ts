// Hostile strings (markup, 10 000 characters, right-to-left overrides, emoji, control characters) in a
// server's name and IP reach the tray menu as plain labels: the model and the Electron template hold
// them verbatim (the code does not truncate labels; the OS menu clips them), intents carry them as data,
// and nothing else in the menu changes. Native menus do not parse markup, so text is all they can be.
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

const HOSTILE: Array<[label: string, text: string]> = [
  ['markup', '<img src=x onerror=alert(1)><script>alert(2)</script>'],
  ['10 000 characters', 'x'.repeat(10_000)],
  ['right-to-left override', '\u202Egnp.exe\u202C עברית العربية'],
  ['emoji', '🔥💀 👩‍👩‍👧‍👦 🇨🇿'],
  ['control characters', 'a\u0000b\u0007c\u001b[31md\r\ne\tf'],
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
  it.each(HOSTILE)('%s stays a verbatim label, and the rest of the menu is unchanged', (_label, text) => {
    const summary = computeTraySummary(auth, [view(`N${text}`, `I${text}`)], loaded);
    const model = buildTrayMenuModel(summary, 'darwin', confirmations, en);
    const plain = buildTrayMenuModel(
      computeTraySummary(auth, [view('web-01', '203.0.113.1')], loaded),
      'darwin',
      confirmations,
      en,
    );
    const server = model.find((item) => item.type === 'submenu');
    expect(server?.label).toBe(`N${text} — running`);
    expect(
      server?.type === 'submenu' && server.submenu.map((item) => (item.type === 'separator' ? '---' : item.label)),
    ).toEqual(['Status: running', `IP: I${text}`, '---', 'Stop…', 'Reboot…', '---', 'Copy IP']);
    // Same shape as with a plain name: no item added, dropped or reordered by the text.
    expect(model.map((item) => item.type)).toEqual(plain.map((item) => item.type));
    expect(labelsDeep(model).filter((label) => !label.includes(text))).toEqual(
      labelsDeep(plain).filter((label) => !label.includes('web-01') && !label.includes('203.0.113.1')),
    );
    // Intents carry the name and IP as data.
    const intents =
      server?.type === 'submenu'
        ? server.submenu.flatMap((item) => (item.type === 'normal' && item.click ? [item.click] : []))
        : [];
    expect(intents).toContainEqual(expect.objectContaining({ intent: 'power', serverName: `N${text}` }));
    expect(intents).toContainEqual({ intent: 'copy-ip', ip: `I${text}` });
    // The Electron template is the model's labels, nothing added.
    const template = toMenuTemplate(model, () => undefined);
    expect(template.find((item) => item.type === 'submenu')?.label).toBe(`N${text} — running`);
    // The tooltip is made of counts, never of names.
    expect(trayTooltip(summary, en)).not.toContain(text);
  });
});
