// The tray with several accounts: servers grouped under each account's label, and a failing account
// counted as trouble in the icon and the tooltip while the other accounts' servers are still counted.
import { describe, expect, it } from 'vitest';
import { computeTraySummary } from '../../main/tray/summary';
import { buildTrayMenuModel, type TrayMenuItem } from '../../main/tray/menu';
import { trayTooltip } from '../../main/tray/tooltip';
import { messagesFor } from '../../main/i18n';
import type { AuthState, FleetStatus, ServerView } from '../../common/contract';
import { makeServer } from '../support/fixtures';

const confirmations = { start: false, stop: true, reboot: true };
const fine: FleetStatus = { refreshing: false, loaded: true, lastSuccessAt: 1, stale: null };
const failing: FleetStatus = {
  ...fine,
  stale: { kind: 'server', message: 'VPS.org had a problem', since: 1, status: 500 },
};

const view = (accountId: string, id: number, name: string, status = 'active'): ServerView => ({
  key: `${accountId}:${id}`,
  accountId,
  pending: null,
  server: makeServer(id, { name, status }),
});

function auth(labels: string[]): AuthState {
  return {
    mode: 'token',
    account: { id: 'a', label: labels[0]!, baseUrl: 'https://admin.vps.org/api/v1' },
    storage: { backend: 'keychain', persisted: true },
    accounts: labels.map((label, index) => ({ id: 'abc'[index]!, label })),
  };
}

const labels = (items: TrayMenuItem[]) => items.map((item) => (item.type === 'separator' ? '---' : item.label));
const servers = [view('a', 1, 'web-01'), view('b', 2, 'shop-01', 'stopped'), view('a', 3, 'db-01')];

describe('tray with several accounts', () => {
  it('groups the servers under each account label, in the accounts order', () => {
    const summary = computeTraySummary(auth(['Work', 'Client']), servers, fine, { a: fine, b: fine });
    const model = buildTrayMenuModel(summary, 'darwin', confirmations, messagesFor('en'));
    expect(labels(model).slice(0, 5)).toEqual([
      'Work',
      'db-01 — running',
      'web-01 — running',
      'Client',
      'shop-01 — stopped',
    ]);
    const heading = model[0];
    expect(heading).toMatchObject({ type: 'normal', enabled: false });
  });

  it('one account: no groups, as before', () => {
    const summary = computeTraySummary(auth(['Work']), [servers[0]!], fine, { a: fine });
    expect(summary.accounts).toBeUndefined();
    expect(labels(buildTrayMenuModel(summary, 'darwin', confirmations, messagesFor('en')))[0]).toBe('web-01 — running');
  });

  it('a failing account turns the icon to trouble and is said in the tooltip, in English and Czech', () => {
    const summary = computeTraySummary(auth(['Work', 'Client']), servers, fine, { a: fine, b: failing });
    expect(summary.icon).toBe('error');
    expect(trayTooltip(summary, messagesFor('en'))).toBe('VPS.org — 2 running, 1 stopped, 1 account failing');
    expect(trayTooltip(summary, messagesFor('cs'))).toBe('VPS.org — 2 servery běží, 1 server zastaven, 1 účet selhává');
    const model = buildTrayMenuModel(summary, 'darwin', confirmations, messagesFor('en'));
    expect(labels(model)).toContain('Client — ⚠ refresh failed');
    expect(labels(buildTrayMenuModel(summary, 'darwin', confirmations, messagesFor('cs')))).toContain(
      'Client — ⚠ obnovení selhalo',
    );
  });

  it('an account whose token was rejected is trouble too', () => {
    const state = auth(['Work', 'Client']);
    if (state.mode === 'token')
      state.accounts![1]!.notice = { code: 'token-rejected', message: 'VPS.org rejected the saved token.' };
    const summary = computeTraySummary(state, [servers[0]!], fine, { a: fine });
    expect(summary.accounts?.[1]).toEqual({ id: 'b', label: 'Client', trouble: 'rejected' });
    expect(trayTooltip(summary, messagesFor('en'))).toBe('VPS.org — 1 running, 1 account failing');
  });
});
