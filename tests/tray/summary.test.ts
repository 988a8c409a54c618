// The tray summary carries only what the menu shows: the counts of every server, and the first 25
// servers in the trouble-first order, picked from the whole fleet; the menu made from it is the one a
// summary of every server would make.
import { describe, expect, it } from 'vitest';
import type { AlertsSnapshot } from '../../common/alerts';
import { compareTroubleFirst } from '../../common/order';
import { allowedPowerActions } from '../../common/statuses';
import type { AuthState, ServerView } from '../../common/contract';
import { buildTrayMenuModel } from '../../main/tray/menu';
import {
  computeTraySummary,
  TRAY_SERVER_LIMIT,
  trayOrderOf,
  type TrayServer,
  type TraySummary,
} from '../../main/tray/summary';
import { trayTooltip } from '../../main/tray/tooltip';
import { makeServer, serverAlert } from '../support/fixtures';
import { confirmations, en } from './fixtures';

const auth: AuthState = {
  mode: 'token',
  account: { id: 'acc', label: 'VPS.org', baseUrl: 'https://admin.vps.org/api/v1' },
  storage: { backend: 'keychain', persisted: true },
};
const loaded = { lastSuccessAt: 1, stale: null, refreshing: false, loaded: true };
const STATUSES = ['active', 'active', 'active', 'active', 'stopped', 'rebooting', 'suspended', 'migrating'];

/** 5 000 servers, names out of order, a few pending, a few deviating (some calling for attention). */
function largeFleet(): { views: ServerView[]; alerts: AlertsSnapshot } {
  const views: ServerView[] = [];
  const alerts: AlertsSnapshot = { servers: {}, pauseAll: null, attention: [] };
  for (let index = 0; index < 5000; index++) {
    const id = index + 1;
    const key = `acc:${id}`;
    const status = STATUSES[index % STATUSES.length]!;
    const name = `web-${(id * 7919) % 5000}`;
    const pending = index % 311 === 0 ? { action: 'reboot' as const, startedAt: 1 } : null;
    views.push({ key, accountId: 'acc', server: makeServer(id, { name, status }), pending });
    const hard = status === 'stopped' && index % 3 === 0;
    alerts.servers[key] = serverAlert(
      key,
      name,
      hard ? 'should-run' : 'may-stop',
      hard ? [{ kind: 'stopped', since: 1, hardSince: 2, acknowledged: index % 16 !== 12 }] : [],
    );
    if (hard && index % 16 === 12) alerts.attention.push(key);
  }
  return { views, alerts };
}

/** What the summary used to carry: every server (the menu sorts and cuts them itself). */
function everyServer(views: readonly ServerView[], alerts: AlertsSnapshot): TrayServer[] {
  return views.map((view) => {
    const alert = alerts.servers[view.key]!;
    const hard = alert.deviations.filter((deviation) => deviation.hardSince !== null);
    return {
      ref: { accountId: view.accountId, id: view.server.id },
      name: view.server.name,
      status: view.server.status,
      ip: view.server.ip_address,
      pending: view.pending !== null,
      actions: view.pending === null ? allowedPowerActions(view.server.status) : [],
      alert: {
        expectation: alert.expectation,
        deviation: hard[0]?.kind ?? null,
        attention: alerts.attention.includes(view.key),
        canAcknowledge: hard.some((deviation) => !deviation.acknowledged),
        pause: null,
      },
    };
  });
}

describe('tray summary of a large fleet', () => {
  it('carries 25 servers, the first of the whole fleet trouble first, and counts every one', () => {
    const { views, alerts } = largeFleet();
    const summary = computeTraySummary(auth, views, loaded, {}, alerts);
    expect(summary.servers).toHaveLength(TRAY_SERVER_LIMIT);
    expect(summary.serverCount).toBe(5000);
    const all = everyServer(views, alerts).toSorted((a, b) => compareTroubleFirst(trayOrderOf(a), trayOrderOf(b)));
    expect(summary.servers).toEqual(all.slice(0, TRAY_SERVER_LIMIT));
    // Attention first: every server shown calls for it.
    expect(summary.servers.every((server) => server.alert?.attention)).toBe(true);
    const busy = views.filter((view) => view.pending !== null || ['rebooting'].includes(view.server.status)).length;
    const count = (status: string) =>
      views.filter((view) => view.pending === null && view.server.status === status).length;
    expect(summary.headline).toEqual({
      kind: 'counts',
      counts: {
        running: count('active'),
        stopped: count('stopped'),
        busy,
        suspended: count('suspended'),
        other: count('migrating'),
      },
    });
  });

  it('makes the menu and the tooltip a summary of every server made', () => {
    const { views, alerts } = largeFleet();
    const summary = computeTraySummary(auth, views, loaded, {}, alerts);
    const whole: TraySummary = { ...summary, servers: everyServer(views, alerts) };
    expect(buildTrayMenuModel(summary, 'linux', confirmations, en)).toEqual(
      buildTrayMenuModel(whole, 'linux', confirmations, en),
    );
    expect(trayTooltip(summary, en)).toBe(trayTooltip(whole, en));
    const menu = buildTrayMenuModel(summary, 'win32', confirmations, en);
    expect(menu.filter((item) => item.type === 'submenu' && item.label.includes(' — '))).toHaveLength(
      TRAY_SERVER_LIMIT,
    );
    expect(menu.some((item) => item.type === 'normal' && item.label.startsWith('4975 more'))).toBe(true);
  });

  it('without alerts, an action in progress comes first, then the rest by name', () => {
    const views = [5, 3, 1, 4, 2].map((id): ServerView => ({
      key: `acc:${id}`,
      accountId: 'acc',
      server: makeServer(id, { name: `srv-${id}`, status: id === 4 ? 'rebooting' : 'active' }),
      pending: null,
    }));
    const summary = computeTraySummary(auth, views, loaded);
    expect(summary.servers.map((server) => server.name)).toEqual(['srv-4', 'srv-1', 'srv-2', 'srv-3', 'srv-5']);
    expect(summary).toMatchObject({ serverCount: 5, icon: 'busy' });
  });
});
