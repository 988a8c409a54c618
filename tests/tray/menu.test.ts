import { describe, expect, it } from 'vitest';
import type { TraySummary } from '../../main/tray/summary';
import { buildTrayMenuModel, type TrayMenuItem } from '../../main/tray/menu';
import { confirmations, cs, en, fleet, ref } from './fixtures';

const labels = (items: TrayMenuItem[]) => items.map((item) => (item.type === 'separator' ? '---' : item.label));
const submenu = (items: TrayMenuItem[], startsWith: string) => {
  const found = items.find((item) => item.type === 'submenu' && item.label.startsWith(startsWith));
  if (!found || found.type !== 'submenu') throw new Error(`no submenu ${startsWith}`);
  return found.submenu;
};
const intents = (items: TrayMenuItem[]) =>
  items.flatMap((item) => (item.type === 'normal' && item.click ? [item.click] : []));

describe('tray menu model', () => {
  it('offers only the valid power actions per server, with confirmations marked', () => {
    const model = buildTrayMenuModel(fleet, 'darwin', confirmations, en);
    // Trouble first by the app's verdict, like the popup (common/order): the action in progress, then the
    // calm ones by name (a stopped server that may be stopped is as expected).
    expect(labels(model)).toEqual([
      'new-01 — provisioning ⏳',
      'db-01 — stopped',
      'web-01 — running',
      '---',
      'Refresh',
      'Open',
      'Settings…',
      'Open log folder',
      '---',
      'Quit',
    ]);
    const web = submenu(model, 'web-01');
    expect(labels(web)).toEqual(['Status: running', 'IP: 203.0.113.10', '---', 'Stop…', 'Reboot…', '---', 'Copy IP']);
    expect(intents(web)).toEqual([
      { intent: 'power', ref: ref(1), serverName: 'web-01', action: 'stop', confirm: true },
      { intent: 'power', ref: ref(1), serverName: 'web-01', action: 'reboot', confirm: true },
      { intent: 'copy-ip', ip: '203.0.113.10' },
    ]);
    const db = submenu(model, 'db-01');
    expect(intents(db)).toEqual([
      { intent: 'power', ref: ref(2), serverName: 'db-01', action: 'start', confirm: false },
      { intent: 'copy-ip', ip: '203.0.113.11' },
    ]);
    // A busy server has no power actions and no IP yet.
    expect(labels(submenu(model, 'new-01'))).toEqual(['Status: provisioning (working…)']);
  });

  it('puts "Open VPS.org Tray" first on Linux, where the tray icon gets no clicks', () => {
    const model = buildTrayMenuModel(fleet, 'linux', confirmations, en);
    expect(labels(model).slice(0, 2)).toEqual(['Open VPS.org Tray', '---']);
    expect(labels(model)).not.toContain('Open');
    // Every power action is still reachable from the menu.
    const all = model.flatMap((item) => (item.type === 'submenu' ? intents(item.submenu) : []));
    expect(all.filter((i) => i.intent === 'power').map((i) => (i.intent === 'power' ? i.action : ''))).toEqual([
      'start',
      'stop',
      'reboot',
    ]);
  });

  it('without a token it asks for one and offers no refresh or servers', () => {
    const summary: TraySummary = {
      icon: 'no-token',
      headline: { kind: 'no-token' },
      auth: 'none',
      stale: false,
      servers: [],
      serverCount: 0,
    };
    expect(labels(buildTrayMenuModel(summary, 'win32', confirmations, en))).toEqual([
      'No API token set — open the app to add one',
      '---',
      'Open',
      'Settings…',
      'Open log folder',
      '---',
      'Quit',
    ]);
  });

  it('says so in demo mode and when the data is stale', () => {
    const demo = buildTrayMenuModel({ ...fleet, icon: 'demo', auth: 'demo' }, 'win32', confirmations, en);
    expect(labels(demo)[0]).toBe('Demo mode — simulated servers');
    const stale = buildTrayMenuModel({ ...fleet, icon: 'error', stale: true }, 'win32', confirmations, en);
    expect(labels(stale)[0]).toMatch(/Not up to date/);
    const empty = buildTrayMenuModel({ ...fleet, servers: [], serverCount: 0 }, 'win32', confirmations, en);
    expect(labels(empty)[0]).toBe('No servers');
  });

  it('offers "Open log folder" on every platform, with or without a token, just above Quit', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      for (const summary of [fleet, { ...fleet, auth: 'none' as const, servers: [], serverCount: 0 }]) {
        const model = buildTrayMenuModel(summary, platform, confirmations, en);
        const at = model.findIndex((item) => item.type === 'normal' && item.label === 'Open log folder');
        expect(model[at]).toEqual({
          type: 'normal',
          label: 'Open log folder',
          enabled: true,
          click: { intent: 'open-logs' },
        });
        expect(labels(model).slice(at + 1)).toEqual(['---', 'Quit']);
      }
    }
  });

  it('speaks Czech: status names of the popup, action labels, commands', () => {
    const model = buildTrayMenuModel(fleet, 'linux', confirmations, cs);
    expect(labels(model)).toEqual([
      'Otevřít VPS.org Tray',
      '---',
      'new-01 — zřizuje se ⏳',
      'db-01 — zastaven',
      'web-01 — běží',
      '---',
      'Obnovit',
      'Nastavení…',
      'Otevřít složku s logy',
      '---',
      'Ukončit',
    ]);
    expect(labels(submenu(model, 'web-01'))).toEqual([
      'Stav: běží',
      'IP: 203.0.113.10',
      '---',
      'Zastavit…',
      'Restartovat…',
      '---',
      'Kopírovat IP',
    ]);
    expect(labels(submenu(model, 'db-01'))).toContain('Spustit');
    expect(labels(submenu(model, 'new-01'))).toEqual(['Stav: zřizuje se (probíhá akce…)']);
    // The intents are the same whatever the language.
    expect(intents(submenu(model, 'web-01'))).toEqual(
      intents(submenu(buildTrayMenuModel(fleet, 'linux', confirmations, en), 'web-01')),
    );
    const none = buildTrayMenuModel(
      { ...fleet, auth: 'none', servers: [], serverCount: 0 },
      'win32',
      confirmations,
      cs,
    );
    expect(labels(none)).toEqual([
      'Není nastaven API token — otevřete aplikaci a přidejte ho',
      '---',
      'Otevřít',
      'Nastavení…',
      'Otevřít složku s logy',
      '---',
      'Ukončit',
    ]);
    const demo = buildTrayMenuModel({ ...fleet, auth: 'demo', stale: true }, 'win32', confirmations, cs);
    expect(labels(demo).slice(0, 2)).toEqual([
      'Ukázkový režim — simulované servery',
      '⚠ Neaktuální — poslední obnovení selhalo',
    ]);
  });

  it('with 3 000 servers shows at most 25 submenus, trouble first, and a way to the rest', () => {
    const statuses = ['active', 'active', 'active', 'rebooting', 'stopped', 'suspended', 'migrating'];
    const servers: TraySummary['servers'] = Array.from({ length: 3_000 }, (_, index) => {
      const status = statuses[index % statuses.length]!;
      // Every seventh should run and is stopped or suspended: the app's verdict calls it trouble.
      const deviating = index % 7 === 4 || index % 7 === 5;
      return {
        ref: ref(index + 1),
        name: `srv-${String(index + 1).padStart(4, '0')}`,
        status,
        ip: null,
        pending: false,
        actions: [],
        ...(deviating
          ? {
              alert: {
                expectation: 'should-run' as const,
                deviation: status === 'stopped' ? ('stopped' as const) : ('suspended' as const),
                attention: true,
                canAcknowledge: true,
                pause: null,
              },
            }
          : {}),
      };
    });
    // Trouble is rare and at the end of the list as the API sends it.
    servers[2_999] = { ...servers[2_999]!, name: 'zz-last', status: 'stopped', alert: servers[4]!.alert! };
    const model = buildTrayMenuModel({ ...fleet, servers, serverCount: servers.length }, 'win32', confirmations, en);
    const shown = model.filter((item) => item.type === 'submenu');
    expect(shown).toHaveLength(25);
    const shownNames = shown.map((item) => item.label.split(' — ')[0]);
    const trouble = servers.filter((server) => server.alert?.attention === true);
    expect(trouble.length).toBeGreaterThan(25);
    // Every server shown needs attention (no calm or busy one takes a place), in name order.
    for (const item of shown) expect(item.label).toMatch(/— (stopped|suspended)/);
    expect(shownNames).toEqual(shownNames.toSorted());
    const more = model.find((item) => item.type === 'normal' && item.label.startsWith('2975 more'));
    expect(more).toEqual({
      type: 'normal',
      label: '2975 more… — Open VPS.org Tray',
      enabled: true,
      click: { intent: 'open' },
    });
    const czech = buildTrayMenuModel({ ...fleet, servers, serverCount: servers.length }, 'win32', confirmations, cs);
    expect(labels(czech)).toContain('Další servery (2975)… — Otevřít VPS.org Tray');
  });

  it('a small fleet needs no "more" item', () => {
    expect(labels(buildTrayMenuModel(fleet, 'win32', confirmations, en)).some((label) => label.includes('more'))).toBe(
      false,
    );
  });

  it('shows an unknown status as the API sends it', () => {
    const odd: TraySummary = { ...fleet, servers: [{ ...fleet.servers[0]!, status: 'migrating', actions: [] }] };
    expect(labels(buildTrayMenuModel(odd, 'win32', confirmations, cs))[0]).toBe('web-01 — migrating');
  });

  it('drops the ellipsis when confirmations are switched off', () => {
    const model = buildTrayMenuModel(fleet, 'darwin', { start: false, stop: false, reboot: false }, en);
    expect(labels(submenu(model, 'web-01'))).toContain('Stop');
    expect(intents(submenu(model, 'web-01'))[0]).toMatchObject({ confirm: false });
  });
});

/** Where Electron's Menu.buildFromTemplate would drop a separator (leading, trailing, after another), by path. */
function droppedSeparators(items: TrayMenuItem[], path = 'menu'): string[] {
  const found = items.flatMap((item, index) => {
    const dropped =
      item.type === 'separator' &&
      (index === 0 || index === items.length - 1 || items[index - 1]?.type === 'separator');
    const here = dropped ? [`${path}[${index}]`] : [];
    return item.type === 'submenu' ? [...here, ...droppedSeparators(item.submenu, `${path} › ${item.label}`)] : here;
  });
  return found;
}

describe('tray menu model under Electron’s template rules', () => {
  const quiet = { ...fleet.servers[2]!, ref: ref(4), name: 'quiet-01', pending: false, status: 'stopped' as const };
  const alerting = {
    ...quiet,
    ref: ref(5),
    name: 'alert-01',
    alert: {
      expectation: 'should-run' as const,
      deviation: null,
      attention: false,
      canAcknowledge: false,
      pause: null,
    },
  };
  const summaries: Array<[string, TraySummary]> = [
    ['the fleet', fleet],
    ['no token', { ...fleet, auth: 'none', servers: [], serverCount: 0 }],
    ['the demo, stale', { ...fleet, auth: 'demo', stale: true }],
    ['no servers', { ...fleet, servers: [], serverCount: 0 }],
    [
      'a server without actions or address, and one with only its alert',
      { ...fleet, servers: [quiet, alerting], serverCount: 2 },
    ],
    [
      'several accounts, one empty',
      {
        ...fleet,
        accounts: [
          { id: 'acc-1', label: 'Office', trouble: null },
          { id: 'acc-2', label: 'Lab', trouble: 'offline' },
        ],
        alerts: { attention: 0, pauseAll: null },
      },
    ],
  ];

  it.each(
    summaries.flatMap(([name, summary]) =>
      ['linux', 'win32', 'darwin'].map((platform) => [name, platform, summary] as const),
    ),
  )(
    '%s on %s: no separator Electron would drop, so the groups the user sees are the ones the model means',
    (_name, platform, summary) => {
      expect(droppedSeparators(buildTrayMenuModel(summary, platform, confirmations, en))).toEqual([]);
    },
  );

  it('a name with `&` reaches Electron escaped, so the user reads it as the API gave it', () => {
    const named = { ...fleet, servers: [{ ...fleet.servers[0]!, name: 'R&D web' }], serverCount: 1 };
    const [first] = buildTrayMenuModel(named, 'win32', confirmations, en);
    // Electron shows `&&` as one `&` and drops a single `&` (the mnemonic marker).
    expect(first?.type === 'submenu' && first.label).toBe('R&&D web — running');
  });
});
