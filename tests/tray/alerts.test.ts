// The tray's alert parts: the attention icon, the expectation switch, Acknowledge and Pause alerts in the
// menu, the tooltip's count of deviations, and the intents they send.
import { describe, expect, it } from 'vitest';
import type { AlertsSnapshot } from '../../common/alerts';
import type { AuthState, ServerView } from '../../common/contract';
import { toMenuTemplate } from '../../main/tray/controller';
import { runTrayIntent } from '../../main/tray/intents';
import { buildTrayMenuModel, type TrayMenuItem } from '../../main/tray/menu';
import { trayTooltip } from '../../main/tray/tooltip';
import { computeTraySummary } from '../../main/tray/summary';
import { messagesFor } from '../../main/i18n';
import { makeServer, serverAlert } from '../support/fixtures';

const auth: AuthState = {
  mode: 'token',
  account: { id: 'acc', label: 'VPS.org', baseUrl: 'https://admin.vps.org/api/v1' },
  storage: { backend: 'keychain', persisted: true },
};
const loaded = { lastSuccessAt: 1, stale: null, refreshing: false, loaded: true };
const confirmations = { start: false, stop: true, reboot: true };
const en = messagesFor('en');
const cs = messagesFor('cs');

const view = (id: number, status: string): ServerView => ({
  key: `acc:${id}`,
  accountId: 'acc',
  server: makeServer(id, { status }),
  pending: null,
});
const fleet = [view(1, 'stopped'), view(2, 'stopped'), view(3, 'active')];

const calm: AlertsSnapshot = {
  servers: {
    'acc:1': serverAlert('acc:1', 'server-1', 'may-stop'),
    'acc:2': serverAlert('acc:2', 'server-2', 'may-stop'),
    'acc:3': serverAlert('acc:3', 'server-3', 'should-run'),
  },
  pauseAll: null,
  attention: [],
};
const deviating: AlertsSnapshot = {
  ...calm,
  servers: {
    ...calm.servers,
    'acc:2': serverAlert('acc:2', 'server-2', 'should-run', [
      { kind: 'stopped', since: 1, hardSince: 2, acknowledged: false },
    ]),
  },
  attention: ['acc:2'],
};

const unused = () => {
  throw new Error('not used here');
};

const labels = (items: TrayMenuItem[]) => items.map((item) => (item.type === 'separator' ? '---' : item.label));
const serverMenu = (items: TrayMenuItem[], name: string) => {
  const found = items.find((item) => item.type === 'submenu' && item.label.startsWith(name));
  if (found?.type !== 'submenu') throw new Error(`no submenu ${name}`);
  return found.submenu;
};

describe('tray alerts', () => {
  it('stopped servers that may stop are calm; only a deviation turns the icon to attention', () => {
    expect(computeTraySummary(auth, fleet, loaded, {}, calm).icon).toBe('ok');
    expect(computeTraySummary(auth, fleet, loaded, {}, deviating).icon).toBe('attention');
    // An acknowledged or paused deviation does not (the engine leaves it out of `attention`).
    expect(computeTraySummary(auth, fleet, loaded, {}, { ...deviating, attention: [] }).icon).toBe('ok');
    // Busy and errors keep their icons.
    const stale = { ...loaded, stale: { kind: 'network' as const, message: 'down', since: 1 } };
    expect(computeTraySummary(auth, fleet, stale, {}, deviating).icon).toBe('error');
    expect(computeTraySummary({ mode: 'none' }, fleet, loaded, {}, deviating).icon).toBe('no-token');
  });

  it('each server has the expectation switch, Acknowledge on a deviation and Pause alerts', () => {
    const summary = computeTraySummary(auth, fleet, loaded, {}, deviating);
    const model = buildTrayMenuModel(summary, 'win32', confirmations, en);
    expect(labels(model)).toContain('server-2 — stopped ⚠');
    const deviatingItems = serverMenu(model, 'server-2');
    expect(labels(deviatingItems).slice(-5)).toEqual([
      '---',
      '⚠ server-2 should be running but is stopped',
      'Should be running',
      'Acknowledge',
      'Pause alerts',
    ]);
    expect(deviatingItems).toContainEqual({
      type: 'checkbox',
      label: 'Should be running',
      checked: true,
      click: { intent: 'expect', ref: { accountId: 'acc', id: 2 }, expectation: 'may-stop' },
    });
    expect(deviatingItems).toContainEqual({
      type: 'normal',
      label: 'Acknowledge',
      enabled: true,
      click: { intent: 'acknowledge', ref: { accountId: 'acc', id: 2 } },
    });
    const calmItems = serverMenu(model, 'server-1');
    expect(labels(calmItems)).not.toContain('Acknowledge');
    expect(calmItems).toContainEqual(expect.objectContaining({ type: 'checkbox', checked: false }));
    const pause = calmItems.find((item) => item.type === 'submenu' && item.label === 'Pause alerts');
    expect(
      pause?.type === 'submenu' && pause.submenu.map((item) => (item.type === 'normal' ? item.click : null)),
    ).toEqual([
      { intent: 'pause', ref: { accountId: 'acc', id: 1 }, duration: '1h' },
      { intent: 'pause', ref: { accountId: 'acc', id: 1 }, duration: 'tomorrow' },
      { intent: 'pause', ref: { accountId: 'acc', id: 1 }, duration: 'indefinite' },
    ]);
    // The whole tray's Pause alerts sits above Refresh.
    expect(labels(model).slice(-7, -5)).toEqual(['Pause alerts', 'Refresh']);
    // Czech too.
    const czech = serverMenu(buildTrayMenuModel(summary, 'win32', confirmations, cs), 'server-2');
    expect(labels(czech).slice(-4)).toEqual([
      '⚠ server-2 má běžet, ale je zastaven',
      'Má běžet',
      'Vzít na vědomí',
      'Pozastavit upozornění',
    ]);
    // The checkbox reaches Electron's template as a checkbox.
    const intents: unknown[] = [];
    const template = toMenuTemplate(deviatingItems, (intent) => intents.push(intent));
    const checkbox = template.find((item) => item.type === 'checkbox');
    expect(checkbox).toMatchObject({ label: 'Should be running', checked: true });
    checkbox?.click?.();
    expect(intents).toContainEqual({
      intent: 'expect',
      ref: { accountId: 'acc', id: 2 },
      expectation: 'may-stop',
    });
  });

  it('while the tray is paused the menu says until when and offers to turn alerts back on; the tooltip says so', () => {
    const until = new Date(2026, 0, 6, 8, 0).getTime();
    const summary = computeTraySummary(auth, fleet, loaded, {}, { ...deviating, attention: [], pauseAll: { until } });
    const model = buildTrayMenuModel(summary, 'win32', confirmations, en);
    expect(labels(model)).toContain('Alerts paused until 08:00');
    expect(model).toContainEqual({
      type: 'normal',
      label: 'Resume alerts',
      enabled: true,
      click: { intent: 'pause', ref: null, duration: 'off' },
    });
    expect(trayTooltip(summary, en)).toBe('VPS.org — 1 running, 2 stopped (alerts paused)');
  });

  it('the tooltip leads with the servers that need attention', () => {
    expect(trayTooltip(computeTraySummary(auth, fleet, loaded, {}, deviating), en)).toBe(
      'VPS.org — 1 need attention, 1 running, 2 stopped',
    );
    expect(trayTooltip(computeTraySummary(auth, fleet, loaded, {}, deviating), cs)).toMatch(
      /^VPS\.org — 1 server vyžaduje pozornost, /,
    );
  });

  it('menu intents reach the alerts', async () => {
    const calls: unknown[][] = [];
    const deps = {
      openPopup: unused,
      openSettings: unused,
      refreshNow: unused,
      quit: unused,
      openLogFolder: unused,
      writeClipboard: unused,
      getMessages: () => en,
      confirm: unused,
      powerAction: unused,
      notify: unused,
      alerts: {
        setExpectation: (...args: unknown[]) => calls.push(['expect', ...args]),
        acknowledge: (...args: unknown[]) => calls.push(['acknowledge', ...args]),
        pause: (...args: unknown[]) => calls.push(['pause', ...args]),
      },
      log: (level: string, message: string) => calls.push(['log', level, message]),
    };
    const ref = { accountId: 'acc', id: 2 };
    await runTrayIntent({ intent: 'expect', ref, expectation: 'may-stop' }, deps);
    await runTrayIntent({ intent: 'acknowledge', ref }, deps);
    await runTrayIntent({ intent: 'pause', ref: null, duration: 'tomorrow' }, deps);
    expect(calls).toEqual([
      ['expect', ref, 'may-stop'],
      ['acknowledge', ref],
      ['pause', null, 'tomorrow'],
    ]);
  });
});
