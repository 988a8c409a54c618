// The stand-in's Menu.buildFromTemplate against Electron 45's own rules (lib/browser/api/menu.ts,
// `removeExtraSeparators`; `&` as a mnemonic marker, electron#9584, electron#9978), so the journeys that
// read tray menus (demo, accounts, alerts, stored-account) see what a user would. No app is booted here.
import { expect, test } from 'vitest';
import { StandInMenu } from './electron-stand-in/menu';

const separator = { type: 'separator' as const };

test('every OS: leading, trailing and doubled separators are dropped, in submenus too', () => {
  const menu = StandInMenu.buildFromTemplate([
    separator,
    { label: 'Open' },
    separator,
    separator,
    { label: 'Server', submenu: [separator, { label: 'Reboot' }, separator] },
    separator,
  ]);
  expect(menu.labels()).toEqual(['Open', '-', 'Server ▸']);
  expect(menu.find('Server').submenu?.labels()).toEqual(['Reboot']);
});

test('every OS: a single `&` is a mnemonic marker the user never sees; `&&` shows one `&`', () => {
  const menu = StandInMenu.buildFromTemplate([{ label: '&Quit' }, { label: 'R&&D web' }, { label: 'R&D web' }]);
  expect(menu.labels()).toEqual(['Quit', 'R&D web', 'RD web']);
  // Electron keeps the template's text as the item's label.
  expect(menu.items.map((item) => item.label)).toEqual(['&Quit', 'R&&D web', 'R&D web']);
});

test('an item with neither label, role nor separator type is refused, as Electron refuses it', () => {
  expect(() => StandInMenu.buildFromTemplate([{ enabled: true }])).toThrow(TypeError);
});
