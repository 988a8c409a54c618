import { describe, expect, it } from 'vitest';
import { EventChannel, type EventContract } from '../../common/contract';
import { createEventBus } from '../../main/event-bus';
import { createTrayFeed } from '../../main/tray/feed';
import { createFleetState } from '../../main/fleet/state';
import type { TraySummary } from '../../main/tray/summary';
import { defaultSettings } from '../../main/settings/schema';
import { makeServer } from '../support/fixtures';

describe('tray feed', () => {
  it('follows the auth and fleet events, telling its listeners only of real changes', () => {
    const events = createEventBus<EventContract>(() => undefined);
    const fleet = createFleetState({ onDelta: (delta) => events.emit(EventChannel.fleetChanged, delta) });
    let auth: EventContract[typeof EventChannel.authChanged] = { mode: 'none' };
    const tray = createTrayFeed({ fleet, auth: () => auth, events });
    const heard: TraySummary[] = [];
    tray.onChange((summary) => void heard.push(summary));
    expect(tray.getState()).toMatchObject({ icon: 'no-token', auth: 'none' });

    auth = { mode: 'demo', account: { id: 'demo', label: 'Demo account', baseUrl: 'http://127.0.0.1:1' } };
    events.emit(EventChannel.settingsChanged, defaultSettings());
    expect(heard).toHaveLength(0);
    events.emit(EventChannel.authChanged, auth);
    expect(tray.getState()).toMatchObject({ icon: 'demo', auth: 'demo', headline: { kind: 'loading' } });
    fleet.applyList('demo', [makeServer(1)], { loaded: true });
    expect(tray.getState()).toMatchObject({ headline: { kind: 'counts', counts: { running: 1 } } });
    expect(heard).toHaveLength(2);
    events.emit(EventChannel.authChanged, auth);
    expect(heard).toHaveLength(2);
  });

  it('recomputes once, in a later turn, for the changes one poll makes (fleet, then alerts); getState is current at once', () => {
    const events = createEventBus<EventContract>(() => undefined);
    const fleet = createFleetState({ onDelta: (delta) => events.emit(EventChannel.fleetChanged, delta) });
    const auth: EventContract[typeof EventChannel.authChanged] = {
      mode: 'demo',
      account: { id: 'demo', label: 'Demo account', baseUrl: 'http://127.0.0.1:1' },
    };
    const later: Array<() => void> = [];
    let computed = 0;
    const views = () => {
      computed++;
      return fleet.views();
    };
    const tray = createTrayFeed({
      fleet: { ...fleet, views },
      auth: () => auth,
      events,
      defer: (task) => later.push(task),
    });
    const heard: TraySummary[] = [];
    tray.onChange((summary) => void heard.push(summary));
    computed = 0;

    fleet.applyList('demo', [makeServer(1)], { loaded: true });
    events.emit(EventChannel.alertsChanged, { servers: {}, pauseAll: null, attention: [] });
    // The poll's own turn: nothing computed yet, one recompute waiting.
    expect(computed).toBe(0);
    expect(later).toHaveLength(1);
    later.shift()!();
    expect(computed).toBe(1);
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ headline: { kind: 'counts', counts: { running: 1 } } });

    // Asked before its turn came, the state is current (and the waiting recompute does nothing more).
    fleet.applyList('demo', [makeServer(1), makeServer(2)], { loaded: true });
    expect(tray.getState()).toMatchObject({ headline: { kind: 'counts', counts: { running: 2 } } });
    later.shift()!();
    expect(computed).toBe(2);
    expect(heard).toHaveLength(2);
  });
});
