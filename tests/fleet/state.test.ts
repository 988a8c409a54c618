import { describe, expect, it } from 'vitest';
import { createFleetState } from '../../main/fleet/state';
import type { FleetDelta } from '../../common/contract';
import { makeServer } from '../support/fixtures';

function recorder() {
  const deltas: FleetDelta[] = [];
  return { deltas, state: createFleetState({ onDelta: (delta) => void deltas.push(delta) }) };
}

describe('fleet state diff', () => {
  it('first list: every server upserted, keyed by account and id', () => {
    const { state, deltas } = recorder();
    state.applyList('default', [makeServer(1), makeServer(2)], { loaded: true, lastSuccessAt: 5 });
    expect(deltas).toHaveLength(1);
    expect(deltas[0]?.upserted.map((view) => view.key)).toEqual(['default:1', 'default:2']);
    expect(deltas[0]?.status).toMatchObject({ loaded: true, lastSuccessAt: 5 });
  });

  it('an identical list emits nothing; a changed server, a new one and a missing one are all in one delta', () => {
    const { state, deltas } = recorder();
    state.applyList('default', [makeServer(1), makeServer(2), makeServer(3)]);
    state.applyList('default', [makeServer(1), makeServer(2), makeServer(3)]);
    expect(deltas).toHaveLength(1);
    state.applyList('default', [makeServer(1), makeServer(2, { status: 'stopped' }), makeServer(4)]);
    expect(deltas).toHaveLength(2);
    expect(deltas[1]?.upserted.map((view) => view.key)).toEqual(['default:2', 'default:4']);
    expect(deltas[1]?.removed).toEqual(['default:3']);
  });

  it('a server listed twice in one list is one row, with the later reading', () => {
    const { state, deltas } = recorder();
    state.applyList('default', [makeServer(1), makeServer(2), makeServer(2, { status: 'stopped' })]);
    expect(deltas[0]?.upserted.map((view) => view.key)).toEqual(['default:1', 'default:2']);
    expect(state.snapshot().servers.map((view) => [view.key, view.server.status])).toEqual([
      ['default:1', 'active'],
      ['default:2', 'stopped'],
    ]);
    state.applyList('default', [makeServer(1), makeServer(2, { status: 'stopped' }), makeServer(1)]);
    expect(deltas).toHaveLength(1);
  });

  it('a server missing from a list that changed while it was read is kept; the next settled list decides', () => {
    const { state, deltas } = recorder();
    state.applyList('default', [makeServer(1), makeServer(2), makeServer(3)]);
    state.applyList('default', [makeServer(1), makeServer(3, { status: 'stopped' })], undefined, undefined, {
      unsettled: true,
    });
    expect(deltas[1]?.removed).toEqual([]);
    expect(deltas[1]?.upserted.map((view) => view.key)).toEqual(['default:3']);
    expect(state.get('default:2')?.server).toEqual(makeServer(2));
    expect(state.size()).toBe(3);
    state.applyList('default', [makeServer(1), makeServer(3, { status: 'stopped' })]);
    expect(deltas[2]?.removed).toEqual(['default:2']);
    expect(state.size()).toBe(2);
  });

  it('the very same list again, with no view changed since, walks no server; any change in between, and it does', () => {
    const { state, deltas } = recorder();
    const list = [makeServer(1), makeServer(2)];
    const asked: string[] = [];
    const pendingOf = (key: string) => {
      asked.push(key);
      return null;
    };
    state.applyList('default', list, { loaded: true, lastSuccessAt: 1 }, pendingOf);
    asked.length = 0;
    state.applyList('default', list, { loaded: true, lastSuccessAt: 2 }, pendingOf);
    expect(asked).toEqual([]);
    expect(state.status().lastSuccessAt).toBe(2);
    expect(deltas).toHaveLength(1);

    // A pending mark set between two polls of the same list: the list is walked again and decides it.
    state.setPending('default:1', { action: 'reboot', startedAt: 3 });
    state.applyList('default', list, { loaded: true, lastSuccessAt: 3 }, pendingOf);
    expect(asked).toEqual(['default:1', 'default:2']);
    expect(state.get('default:1')?.pending).toBeNull();
    // The same list, marked unsettled this time, is walked too.
    asked.length = 0;
    state.applyList('default', list, {}, pendingOf, { unsettled: true });
    expect(asked).toHaveLength(2);
  });

  it('notices a change even when updated_at did not move', () => {
    const { state, deltas } = recorder();
    state.applyList('default', [makeServer(1, { ip_address: null })]);
    state.applyList('default', [makeServer(1, { ip_address: '203.0.113.5' })]);
    expect(deltas[1]?.upserted[0]?.server.ip_address).toBe('203.0.113.5');
  });

  it('keeps servers of other accounts when one account is polled', () => {
    const { state, deltas } = recorder();
    state.applyList('a', [makeServer(1)]);
    state.applyList('b', [makeServer(1)]);
    state.applyList('a', []);
    expect(deltas.at(-1)?.removed).toEqual(['a:1']);
    expect(state.snapshot().servers.map((view) => view.key)).toEqual(['b:1']);
  });

  it('a pending mark is part of the diff', () => {
    const { state, deltas } = recorder();
    state.applyList('default', [makeServer(1)]);
    state.setPending('default:1', { action: 'reboot', startedAt: 10 });
    expect(deltas[1]?.upserted[0]?.pending).toEqual({ action: 'reboot', startedAt: 10 });
    state.applyList('default', [makeServer(1)], undefined, () => null);
    expect(deltas[2]?.upserted[0]?.pending).toBeNull();
    expect(state.hasBusyServer()).toBe(false);
  });

  it('status-only changes emit a delta without servers; clear removes everything', () => {
    const { state, deltas } = recorder();
    state.applyList('default', [makeServer(1)]);
    const stale = { kind: 'network' as const, message: 'offline', since: 7 };
    state.setStatus('default', { stale });
    state.setStatus('default', { stale: { ...stale } });
    expect(deltas).toHaveLength(2);
    expect(deltas[1]).toMatchObject({ upserted: [], removed: [], status: { stale } });
    state.clear();
    expect(deltas[2]).toMatchObject({ removed: ['default:1'], status: { loaded: false, stale: null } });
  });

  it('a poll that changed nothing emits nothing; its time and in-flight mark ride along with the next delta', () => {
    const { state, deltas } = recorder();
    state.applyList('default', [makeServer(1)], { loaded: true, lastSuccessAt: 1 });
    state.setStatus('default', { refreshing: true });
    state.applyList('default', [makeServer(1)], { refreshing: false, lastSuccessAt: 2 });
    expect(deltas).toHaveLength(1);
    // main still knows the poll's time (the tray and the refresh answer read it).
    expect(state.status()).toMatchObject({ lastSuccessAt: 2, refreshing: false });
    state.setStatus('default', { refreshing: true });
    state.setPending('default:1', { action: 'reboot', startedAt: 3 });
    expect(deltas[1]?.status).toMatchObject({ lastSuccessAt: 2, refreshing: true });
    // The popup was told a poll is in flight: it is told when it ended, even with nothing changed.
    state.applyList('default', [makeServer(1)], { refreshing: false, lastSuccessAt: 4 }, () => ({
      action: 'reboot',
      startedAt: 3,
    }));
    expect(deltas).toHaveLength(3);
    expect(deltas[2]).toMatchObject({ upserted: [], removed: [], status: { lastSuccessAt: 4, refreshing: false } });
  });

  it('a poll that fails or recovers is always told, with the time of the last success', () => {
    const { state, deltas } = recorder();
    state.applyList('default', [makeServer(1)], { loaded: true, lastSuccessAt: 1 });
    state.applyList('default', [makeServer(1)], { lastSuccessAt: 2 });
    state.setStatus('default', { stale: { kind: 'timeout', message: 'slow', since: 3 } });
    expect(deltas.at(-1)?.status).toMatchObject({ lastSuccessAt: 2, stale: { kind: 'timeout' } });
    state.applyList('default', [makeServer(1)], { lastSuccessAt: 4, stale: null });
    expect(deltas).toHaveLength(3);
    expect(deltas[2]?.status).toMatchObject({ lastSuccessAt: 4, stale: null });
  });

  it('diffs 5 000 servers with only the changed ones in the delta', () => {
    const { state, deltas } = recorder();
    const servers = Array.from({ length: 5000 }, (_, index) => makeServer(index + 1));
    state.applyList('default', servers);
    const next = servers.map((server) => (server.id % 1000 === 0 ? { ...server, status: 'stopped' } : { ...server }));
    state.applyList('default', next);
    expect(deltas[1]?.upserted.map((view) => view.server.id)).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(deltas[1]?.removed).toEqual([]);
  });
});
