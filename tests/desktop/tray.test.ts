import { describe, expect, it, vi } from 'vitest';
import { computeTraySummary, type TraySummary } from '../../main/fleet/tray-summary';
import type { ServerView } from '../../common/contract';
import { makeServer } from '../support/fixtures';
import { messagesFor, type CountKind, type Messages } from '../../main/i18n';
import {
  buildTrayMenuModel,
  createTrayController,
  runTrayIntent,
  trayTooltip,
  type MenuTemplateItem,
  type TrayIntent,
  type TrayIntentDeps,
  type TrayMenuItem,
} from '../../main/desktop/tray';

const confirmations = { start: false, stop: true, reboot: true };
const en = messagesFor('en');
const cs = messagesFor('cs');
const ref = (id: number) => ({ accountId: 'acc-1', id });

const fleet: TraySummary = {
  icon: 'attention',
  headline: { kind: 'counts', counts: { running: 1, stopped: 1, busy: 1, suspended: 0, other: 0 } },
  auth: 'token',
  stale: false,
  servers: [
    { ref: ref(1), name: 'web-01', status: 'active', ip: '203.0.113.10', pending: false, actions: ['stop', 'reboot'] },
    { ref: ref(2), name: 'db-01', status: 'stopped', ip: '203.0.113.11', pending: false, actions: ['start'] },
    { ref: ref(3), name: 'new-01', status: 'provisioning', ip: null, pending: true, actions: [] },
  ],
};

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
    const empty = buildTrayMenuModel({ ...fleet, servers: [] }, 'win32', confirmations, en);
    expect(labels(empty)[0]).toBe('No servers');
  });

  it('offers "Open log folder" on every platform, with or without a token, just above Quit', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      for (const summary of [fleet, { ...fleet, auth: 'none' as const, servers: [] }]) {
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
    const none = buildTrayMenuModel({ ...fleet, auth: 'none', servers: [] }, 'win32', confirmations, cs);
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
                mute: null,
              },
            }
          : {}),
      };
    });
    // Trouble is rare and at the end of the list as the API sends it.
    servers[2_999] = { ...servers[2_999]!, name: 'zz-last', status: 'stopped', alert: servers[4]!.alert! };
    const model = buildTrayMenuModel({ ...fleet, servers }, 'win32', confirmations, en);
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
    const czech = buildTrayMenuModel({ ...fleet, servers }, 'win32', confirmations, cs);
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

/** The fleet summary with these server counts in the headline. */
const counts = (over: Partial<Record<CountKind, number>>): TraySummary => ({
  ...fleet,
  headline: { kind: 'counts', counts: { running: 0, stopped: 0, busy: 0, suspended: 0, other: 0, ...over } },
});

describe('tray tooltip', () => {
  it('counts servers in English', () => {
    expect(trayTooltip(fleet, en)).toBe('VPS.org — 1 running, 1 stopped, 1 busy');
    expect(trayTooltip(counts({ running: 5, suspended: 2, other: 1 }), en)).toBe(
      'VPS.org — 5 running, 2 suspended, 1 other',
    );
    expect(trayTooltip({ ...counts({}), auth: 'demo' }, en)).toBe('VPS.org — demo: no servers');
  });

  it('uses Czech plurals: 1 server, 3 servery, 5 serverů', () => {
    expect(trayTooltip(counts({ running: 1 }), cs)).toBe('VPS.org — 1 server běží');
    expect(trayTooltip(counts({ running: 3 }), cs)).toBe('VPS.org — 3 servery běží');
    expect(trayTooltip(counts({ running: 5 }), cs)).toBe('VPS.org — 5 serverů běží');
    expect(trayTooltip(counts({ running: 3, stopped: 1, suspended: 5 }), cs)).toBe(
      'VPS.org — 3 servery běží, 1 server zastaven, 5 serverů pozastaveno',
    );
    expect(trayTooltip(counts({ stopped: 2, busy: 12 }), cs)).toBe(
      'VPS.org — 2 servery zastaveny, 12 serverů mění stav',
    );
  });

  it('words the no-token, loading and stale states in both languages', () => {
    const noToken: TraySummary = { ...fleet, auth: 'none', servers: [], headline: { kind: 'no-token' } };
    expect(trayTooltip(noToken, en)).toBe('VPS.org — no token set');
    expect(trayTooltip(noToken, cs)).toBe('VPS.org — není nastaven API token');
    expect(trayTooltip({ ...fleet, headline: { kind: 'loading' } }, cs)).toBe('VPS.org — načítání…');
    const at = new Date(2025, 5, 2, 12, 3).getTime();
    const offline: TraySummary = { ...fleet, headline: { kind: 'stale', reason: 'offline', lastSuccessAt: at } };
    expect(trayTooltip(offline, en)).toBe('VPS.org — offline (last update 12:03)');
    expect(trayTooltip(offline, cs)).toBe('VPS.org — nedostupné (aktualizováno v 12:03)');
    const error: TraySummary = {
      ...fleet,
      auth: 'demo',
      headline: { kind: 'stale', reason: 'error', lastSuccessAt: null },
    };
    expect(trayTooltip(error, en)).toBe('VPS.org — demo: error');
  });
});

function setupController(platform = 'win32') {
  const tray = {
    setContextMenu: vi.fn<(menu: unknown) => void>(),
    setToolTip: vi.fn<(text: string) => void>(),
    setImage: vi.fn<(image: string) => void>(),
  };
  const buildFromTemplate = vi.fn<(template: MenuTemplateItem[]) => { template: MenuTemplateItem[] }>((template) => ({
    template,
  }));
  const onIntent = vi.fn<(intent: TrayIntent) => void>();
  let currentConfirmations = confirmations;
  let currentMessages: Messages = en;
  const controller = createTrayController({
    tray,
    buildFromTemplate,
    iconFor: (state) => `icon:${state}`,
    platform,
    getConfirmations: () => currentConfirmations,
    getMessages: () => currentMessages,
    onIntent,
  });
  return {
    tray,
    buildFromTemplate,
    onIntent,
    controller,
    setConfirmations: (next: typeof confirmations) => (currentConfirmations = next),
    setMessages: (next: Messages) => (currentMessages = next),
  };
}

describe('tray controller', () => {
  it('sets the icon again when its look changed (the panel theme), touching nothing else', () => {
    const { tray, controller, buildFromTemplate } = setupController();
    controller.redrawIcon();
    expect(tray.setImage).not.toHaveBeenCalled();
    controller.render(fleet);
    controller.redrawIcon();
    expect(tray.setImage.mock.calls).toEqual([['icon:attention'], ['icon:attention']]);
    expect(buildFromTemplate).toHaveBeenCalledTimes(1);
    expect(tray.setToolTip).toHaveBeenCalledTimes(1);
  });

  it('shows the busy icon, not "all running", until the first list has arrived', () => {
    const { tray, controller } = setupController();
    const auth = {
      mode: 'token' as const,
      account: { id: 'acc-1', label: 'VPS.org', baseUrl: 'https://admin.vps.org/api/v1' },
      storage: { backend: 'keychain', persisted: true },
    };
    const loading = { refreshing: true, loaded: false, lastSuccessAt: null, stale: null };
    controller.render(computeTraySummary(auth, [], loading));
    expect(tray.setImage).toHaveBeenLastCalledWith('icon:busy');
    expect(tray.setToolTip).toHaveBeenLastCalledWith('VPS.org — loading…');
    const running: ServerView = {
      key: 'acc-1:1',
      accountId: 'acc-1',
      pending: null,
      server: makeServer(1, { status: 'active' }),
    };
    controller.render(
      computeTraySummary(auth, [running], { refreshing: false, loaded: true, lastSuccessAt: 1, stale: null }),
    );
    expect(tray.setImage).toHaveBeenLastCalledWith('icon:ok');
  });

  it('sets the context menu only when the model changed', () => {
    const { tray, controller } = setupController();
    controller.render(fleet);
    controller.render(structuredClone(fleet));
    // A server settling elsewhere in the counts changes the tooltip, not the menu.
    controller.render({ ...fleet, headline: { kind: 'loading' } });
    expect(tray.setContextMenu).toHaveBeenCalledTimes(1);
    expect(tray.setToolTip).toHaveBeenCalledTimes(2);
    expect(tray.setImage).toHaveBeenCalledTimes(1);
    expect(tray.setImage).toHaveBeenCalledWith('icon:attention');

    const servers = fleet.servers.map((s) =>
      s.name === 'db-01' ? { ...s, status: 'starting', pending: true, actions: [] } : s,
    );
    controller.render({ ...fleet, icon: 'busy', servers });
    expect(tray.setContextMenu).toHaveBeenCalledTimes(2);
    expect(tray.setImage).toHaveBeenLastCalledWith('icon:busy');
  });

  it('rebuilds the menu when confirmations change the labels', () => {
    const { tray, controller, setConfirmations } = setupController();
    controller.render(fleet);
    controller.refresh();
    expect(tray.setContextMenu).toHaveBeenCalledTimes(1);
    setConfirmations({ start: true, stop: true, reboot: true });
    controller.refresh();
    expect(tray.setContextMenu).toHaveBeenCalledTimes(2);
  });

  it('switches menu and tooltip to the new language with one rebuild', () => {
    const { tray, controller, setMessages, buildFromTemplate } = setupController();
    controller.render(fleet);
    expect(tray.setToolTip).toHaveBeenLastCalledWith('VPS.org — 1 running, 1 stopped, 1 busy');
    setMessages(cs);
    controller.refresh();
    controller.refresh();
    controller.render(structuredClone(fleet));
    expect(tray.setContextMenu).toHaveBeenCalledTimes(2);
    expect(tray.setToolTip).toHaveBeenCalledTimes(2);
    expect(tray.setToolTip).toHaveBeenLastCalledWith('VPS.org — 1 server běží, 1 server zastaven, 1 server mění stav');
    const template = buildFromTemplate.mock.calls[1]![0];
    expect(template.map((item) => item.label ?? '---')).toContain('Ukončit');
    expect(tray.setImage).toHaveBeenCalledTimes(1);
  });

  it('turns menu clicks into intents', () => {
    const { buildFromTemplate, onIntent, controller } = setupController();
    controller.render(fleet);
    const template = buildFromTemplate.mock.calls[0]![0];
    const web = template.find((item) => item.label?.startsWith('web-01'));
    web?.submenu?.find((item) => item.label === 'Reboot…')?.click?.();
    template.find((item) => item.label === 'Quit')?.click?.();
    expect(onIntent.mock.calls.map((call) => call[0])).toEqual([
      { intent: 'power', ref: ref(1), serverName: 'web-01', action: 'reboot', confirm: true },
      { intent: 'quit' },
    ]);
  });
});

function intentDeps(overrides: Partial<TrayIntentDeps> = {}) {
  const d = {
    openPopup: vi.fn<() => void>(),
    openSettings: vi.fn<() => void>(),
    refreshNow: vi.fn<() => Promise<void>>(async () => {}),
    quit: vi.fn<() => void>(),
    openLogFolder: vi.fn<() => Promise<void>>(async () => {}),
    writeClipboard: vi.fn<(text: string) => void>(),
    getMessages: () => en,
    confirm: vi.fn<TrayIntentDeps['confirm']>(async () => true),
    powerAction: vi.fn<TrayIntentDeps['powerAction']>(async () => ({ ok: true })),
    notify: vi.fn<(title: string, body: string) => void>(),
    ...overrides,
  };
  return d;
}

describe('tray intents', () => {
  const reboot: TrayIntent = { intent: 'power', ref: ref(1), serverName: 'web-01', action: 'reboot', confirm: true };

  it('asks before a confirmed action and sends it once when agreed', async () => {
    const d = intentDeps();
    await runTrayIntent(reboot, d);
    expect(d.confirm).toHaveBeenCalledWith(
      'Reboot web-01?',
      'The server will restart; running services are interrupted.',
      'Reboot',
      'Cancel',
    );
    expect(d.powerAction).toHaveBeenCalledTimes(1);
    expect(d.powerAction).toHaveBeenCalledWith(ref(1), 'reboot');
  });

  it('sends nothing when the user cancels', async () => {
    const d = intentDeps({ confirm: vi.fn<TrayIntentDeps['confirm']>(async () => false) });
    await runTrayIntent(reboot, d);
    expect(d.powerAction).not.toHaveBeenCalled();
  });

  it('does not ask for unconfirmed actions, and notifies a refusal that was never sent', async () => {
    const d = intentDeps({
      powerAction: vi.fn<TrayIntentDeps['powerAction']>(async () => ({
        ok: false,
        error: {
          kind: 'conflict',
          message: 'English fallback',
          conflict: { reason: 'already-running', serverName: 'web-01', status: 'active' },
        },
      })),
    });
    await runTrayIntent({ ...reboot, action: 'start', confirm: false }, d);
    expect(d.confirm).not.toHaveBeenCalled();
    expect(d.notify).toHaveBeenCalledTimes(1);
    expect(d.notify).toHaveBeenCalledWith('The start of web-01 failed', 'web-01 is already running.');
  });

  it('words a refusal from its reason in Czech', async () => {
    const refusals = [
      [{ reason: 'already-running', serverName: 'web-01', status: 'active' }, 'Server web-01 už běží.'],
      [
        { reason: 'in-flight', serverName: 'web-01', status: 'rebooting', pendingAction: 'reboot' },
        'web-01: počkejte, až doběhne probíhající akce „restartovat“.',
      ],
      [
        { reason: 'busy', serverName: 'web-01', status: 'stopping' },
        'Stav serveru web-01: zastavuje se; počkejte, až se ustálí.',
      ],
      [
        { reason: 'suspended', serverName: 'web-01', status: 'suspended' },
        'Server web-01 je pozastaven; akce napájení nejsou k dispozici.',
      ],
    ] as const;
    for (const [conflict, body] of refusals) {
      const d = intentDeps({
        getMessages: () => cs,
        powerAction: vi.fn<TrayIntentDeps['powerAction']>(async () => ({
          ok: false,
          error: { kind: 'conflict', message: 'English fallback', conflict },
        })),
      });
      await runTrayIntent({ ...reboot, confirm: false }, d);
      expect(d.notify).toHaveBeenCalledWith('Akce „restartovat“ serveru web-01 selhala', body);
    }
  });

  it("words a refusal without its own reason in the user's language, never the core's English", async () => {
    const d = intentDeps({
      getMessages: () => cs,
      powerAction: vi.fn<TrayIntentDeps['powerAction']>(async () => ({
        ok: false,
        error: { kind: 'invalid-payload', message: 'English fallback' },
      })),
    });
    await runTrayIntent({ ...reboot, confirm: false }, d);
    expect(d.notify).toHaveBeenCalledWith(
      'Akce „restartovat“ serveru web-01 selhala',
      'Akce nebyla odeslána. Otevřete aplikaci a zkuste to znovu.',
    );
  });

  it.each(['server', 'network', 'not-found', 'timeout'] as const)(
    'leaves a sent action that failed (%s) to the core, which notifies its outcome',
    async (kind) => {
      const d = intentDeps({
        powerAction: vi.fn<TrayIntentDeps['powerAction']>(async () => ({
          ok: false,
          error: { kind, message: 'The API failed' },
        })),
      });
      await runTrayIntent(reboot, d);
      expect(d.powerAction).toHaveBeenCalledTimes(1);
      expect(d.notify).not.toHaveBeenCalled();
    },
  );

  it('asks and reports in Czech when the language is Czech', async () => {
    const d = intentDeps({
      getMessages: () => cs,
      powerAction: vi.fn<TrayIntentDeps['powerAction']>(async () => ({
        ok: false,
        error: { kind: 'no-token', message: 'Set a VPS.org API token first.' },
      })),
    });
    await runTrayIntent({ ...reboot, action: 'stop' }, d);
    expect(d.confirm).toHaveBeenCalledWith(
      'Zastavit web-01?',
      'Server se vypne; běžící služby se přeruší.',
      'Zastavit',
      'Zrušit',
    );
    expect(d.notify).toHaveBeenCalledWith(
      'Akce „zastavit“ serveru web-01 selhala',
      'Není nastaven API token — otevřete aplikaci a přidejte ho',
    );
  });

  it('copies the IP, opens, refreshes and quits; a throwing effect does not escape', async () => {
    const d = intentDeps({ refreshNow: vi.fn<() => Promise<void>>(async () => Promise.reject(new Error('boom'))) });
    await runTrayIntent({ intent: 'copy-ip', ip: '203.0.113.10' }, d);
    await runTrayIntent({ intent: 'open' }, d);
    await runTrayIntent({ intent: 'settings' }, d);
    await expect(runTrayIntent({ intent: 'refresh' }, d)).resolves.toBeUndefined();
    await runTrayIntent({ intent: 'quit' }, d);
    expect(d.writeClipboard).toHaveBeenCalledWith('203.0.113.10');
    expect(d.openPopup).toHaveBeenCalledTimes(1);
    expect(d.openSettings).toHaveBeenCalledTimes(1);
    expect(d.quit).toHaveBeenCalledTimes(1);
  });

  it('opens the log folder; a failure to open it is logged, not thrown', async () => {
    const d = intentDeps();
    await runTrayIntent({ intent: 'open-logs' }, d);
    expect(d.openLogFolder).toHaveBeenCalledTimes(1);
    const lines: string[] = [];
    const failing = intentDeps({
      openLogFolder: async () => Promise.reject(new Error('no file manager')),
      log: (level, message) => lines.push(`${level} ${message}`),
    });
    await expect(runTrayIntent({ intent: 'open-logs' }, failing)).resolves.toBeUndefined();
    expect(lines).toEqual(['error Tray action open-logs failed: no file manager']);
  });
});
