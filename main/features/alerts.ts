// Expected-state alerts, wired: every fleet change is an observation for the engine (main/alerts/engine.ts);
// what it learns and what the user sets (expectations, pauses, hold time, thresholds) is kept in the
// settings; hard deviations and recoveries become one notification each (a click opens the popup on the
// server; a should-run server found stopped offers Start on macOS and Windows); the popup hears
// `alertsChanged`, and the tray asks `snapshot`. One timer wakes the engine when a hold time or a pause
// ends between polls. Usage (for thresholds) needs a detail request per server: the sessions' pollers
// read it (main/sessions/usage-reads.ts) for the servers `usage.watched` names, and hand it back here.
import type { AlertsSnapshot, PauseDuration } from '../../common/alerts';
import { EventChannel, InvokeChannel, type EventContract } from '../../common/contract';
import { deviationText } from '../../common/i18n/sentences';
import type { Log } from '../app-log';
import { refKey, serverKey, type ServerRef } from '../../common/servers';
import type { AlertSettings, Expectation } from '../../common/settings';
import {
  withConfig,
  withExpectation,
  withLearned,
  withoutServer,
  withPause,
  withServerThresholds,
} from '../alerts/changes';
import type { AlertEvent } from '../alerts/conditions';
import { createAlertEngine, type ObserveResult } from '../alerts/engine';
import { createDeleteWatch, observationOf, usageWatched } from '../alerts/observation';
import { pauseFor, withoutEndedPauses } from '../alerts/pauses';
import { expectationSchema, holdSecondsSchema, pauseDurationSchema, thresholdsPatchSchema } from '../alerts/schema';
import { usagePercents, type UsagePercents } from '../alerts/usage';
import type { EventBus, EventListener } from '../event-bus';
import type { FleetState } from '../fleet/state';
import { messagesForSetting, type Messages } from '../i18n';
import type { RouterHandlers } from '../ipc/router';
import { z } from 'zod';
import { serverRefSchema, takesNoPayload, withSchema, type PayloadValidators } from '../ipc/validators';
import type { AppInfoPort, Notifier, ServerNotice } from '../ports';
import type { SessionCollection } from '../accounts/records';
import type { UsageWatch } from '../sessions/usage-reads';
import type { SettingsAccess } from './settings';

type AlertsChannel =
  | typeof InvokeChannel.alertsState
  | typeof InvokeChannel.alertsExpect
  | typeof InvokeChannel.alertsAcknowledge
  | typeof InvokeChannel.alertsPause
  | typeof InvokeChannel.alertsConfigure
  | typeof InvokeChannel.alertsServerThresholds;

// The stored schemas' ranges, but strict: a bad value is refused here instead of falling back.
export const alertsValidators: Pick<PayloadValidators, AlertsChannel> = {
  [InvokeChannel.alertsState]: takesNoPayload,
  [InvokeChannel.alertsExpect]: withSchema(z.object({ ref: serverRefSchema, expectation: expectationSchema }).strict()),
  [InvokeChannel.alertsAcknowledge]: withSchema(serverRefSchema),
  [InvokeChannel.alertsPause]: withSchema(
    z.object({ ref: serverRefSchema.nullable(), duration: pauseDurationSchema }).strict(),
  ),
  [InvokeChannel.alertsConfigure]: withSchema(
    z.object({ holdSeconds: holdSecondsSchema, thresholds: thresholdsPatchSchema }).partial().strict(),
  ),
  [InvokeChannel.alertsServerThresholds]: withSchema(
    z.object({ ref: serverRefSchema, thresholds: thresholdsPatchSchema }).strict(),
  ),
};

/** The notification of a deviation turning hard, or of its end. */
function alertNotice(messages: Messages, event: AlertEvent): { title: string; body: string } {
  const { name, kind } = event;
  return event.type === 'deviation'
    ? { title: messages.t('alertNotice.title', { name }), body: deviationText(messages, name, kind) }
    : {
        title: messages.t('alertNotice.recoveredTitle', { name }),
        body: messages.t('alertNotice.recovered', { deviation: messages.t(`deviation.${kind}`) }),
      };
}

export interface AlertsFeatureDeps {
  fleet: Pick<FleetState, 'views' | 'accountStatuses'>;
  sessions: Pick<SessionCollection, 'list'>;
  settings: SettingsAccess;
  events: Pick<EventBus<EventContract>, 'subscribe'>;
  emit: EventListener<EventContract>;
  notifier: Notifier;
  appInfo: Pick<AppInfoPort, 'systemLocale'>;
  now: () => number;
  log: Log;
  /** Server names are the API's text: a notification leaves the app only redacted. */
  redact: (text: string) => string;
}

export interface AlertsFeature {
  handlers: Pick<RouterHandlers, AlertsChannel>;
  snapshot(): AlertsSnapshot;
  /** Fires when the snapshot changed. Returns unsubscribe. */
  onChange(listener: (snapshot: AlertsSnapshot) => void): () => void;
  setExpectation(ref: ServerRef, expectation: Expectation): AlertsSnapshot;
  acknowledge(ref: ServerRef): AlertsSnapshot;
  /** `ref` null: the whole tray. */
  pause(ref: ServerRef | null, duration: PauseDuration): AlertsSnapshot;
  /** For the sessions' pollers: which servers' usage to read, and where it goes. */
  usage: UsageWatch;
  /** Clears the timer. */
  stop(): void;
}

/** The server a key names (`serverKey`: the account id, a colon, the numeric id); null if none. */
function refOfKey(key: string): ServerRef | null {
  const colon = key.lastIndexOf(':');
  const id = Number(key.slice(colon + 1));
  return colon > 0 && Number.isSafeInteger(id) && id > 0 ? { accountId: key.slice(0, colon), id } : null;
}

/** Tells each event: one notification (when the user wants them, redacted) and one log line. */
function tellEvents(deps: AlertsFeatureDeps, events: readonly AlertEvent[]): void {
  const current = deps.settings.get();
  if (current.notifications) {
    const messages = messagesForSetting(current.language, deps.appInfo.systemLocale);
    for (const event of events) {
      const { title, body } = alertNotice(messages, event);
      const ref = refOfKey(event.key);
      if (!ref) {
        deps.notifier.notify(deps.redact(title), deps.redact(body));
        continue;
      }
      const about: ServerNotice = { ref, serverName: deps.redact(event.name) };
      // Stopped is the one deviation a power action ends (suspended is the provider's; gone is gone).
      if (event.type === 'deviation' && event.kind === 'stopped')
        about.offer = { action: 'start', label: messages.t('action.start') };
      deps.notifier.notifyServer(deps.redact(title), deps.redact(body), about);
    }
  }
  for (const event of events) deps.log('info', `Alert: ${event.type} ${event.key} (${event.kind})`);
}

export function createAlertsFeature(deps: AlertsFeatureDeps): AlertsFeature {
  const { settings, now } = deps;
  const alerts = (): AlertSettings => settings.get().alerts;
  const saveAlerts = (next: AlertSettings) => settings.change({ alerts: next });
  const engine = createAlertEngine({ now, settings: alerts });
  const listeners = new Set<(snapshot: AlertsSnapshot) => void>();
  const deletes = createDeleteWatch();
  // The snapshot as of the last settle: every change goes through settle (an observation, the engine's
  // timer, a user's choice), so readers (the tray on each fleet change, the popup) share one copy
  // instead of building one per server list each time they ask.
  let latest = engine.snapshot();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  /** Tells what the engine found, stores what it learned, and tells listeners when the snapshot changed. */
  function settle(result: ObserveResult): AlertsSnapshot {
    if (Object.keys(result.learned).length > 0) saveAlerts(withLearned(alerts(), result.learned));
    const ended = withoutEndedPauses(alerts(), now());
    if (ended) saveAlerts(ended);
    tellEvents(deps, result.events);
    schedule();
    // The engine hands back the very same snapshot while nothing in it changed.
    const previous = latest;
    latest = engine.snapshot();
    if (latest !== previous) {
      deps.emit(EventChannel.alertsChanged, latest);
      for (const listener of listeners) listener(latest);
    }
    return latest;
  }

  /** Wakes the engine when a soft deviation turns hard or a pause ends, between polls. */
  function schedule(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const at = engine.nextWakeAt();
    if (at === null || stopped) return;
    timer = setTimeout(
      () => {
        timer = null;
        settle(engine.tick());
      },
      Math.max(0, at - now()),
    );
  }

  /** Applies a change of the alert settings and evaluates with it. */
  const change = (next: AlertSettings): AlertsSnapshot => {
    saveAlerts(next);
    return settle(engine.tick());
  };

  function observe(): void {
    const views = [...deps.fleet.views()];
    // A server deleted from the app is forgotten (and its alert settings with it), so it never counts as gone.
    for (const key of deletes.gone(views)) {
      engine.forget(key);
      saveAlerts(withoutServer(alerts(), key));
    }
    const accountIds = deps.sessions.list().map((session) => session.account.id);
    settle(engine.observe(observationOf(views, accountIds, deps.fleet.accountStatuses())));
  }

  deps.events.subscribe((channel) => {
    if (channel === EventChannel.fleetChanged || channel === EventChannel.authChanged) observe();
  });

  const setExpectation = (ref: ServerRef, expectation: Expectation) =>
    change(withExpectation(alerts(), refKey(ref), expectation));
  const acknowledge = (ref: ServerRef) => {
    engine.acknowledge(refKey(ref));
    return settle(engine.tick());
  };
  const pause = (ref: ServerRef | null, duration: PauseDuration) =>
    change(withPause(alerts(), ref === null ? null : refKey(ref), pauseFor(duration, now())));

  return {
    handlers: {
      [InvokeChannel.alertsState]: () => latest,
      [InvokeChannel.alertsExpect]: ({ ref, expectation }) => setExpectation(ref, expectation),
      [InvokeChannel.alertsAcknowledge]: (ref) => acknowledge(ref),
      [InvokeChannel.alertsPause]: ({ ref, duration }) => pause(ref, duration),
      [InvokeChannel.alertsConfigure]: (patch) => {
        // A threshold just set is read at the next poll: the usage reads ask `usage.watched` each time.
        const next = saveAlerts(withConfig(alerts(), patch));
        settle(engine.tick());
        return next;
      },
      [InvokeChannel.alertsServerThresholds]: ({ ref, thresholds }) =>
        change(withServerThresholds(alerts(), refKey(ref), thresholds)),
    },
    snapshot: () => latest,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setExpectation,
    acknowledge,
    pause,
    usage: {
      watched: (accountId) =>
        usageWatched(deps.fleet.views(), accountId, deps.fleet.accountStatuses()[accountId], alerts()),
      report(accountId, details) {
        if (stopped) return;
        const usage = new Map<string, UsagePercents>();
        for (const [id, detail] of details) usage.set(serverKey(accountId, id), usagePercents(detail));
        settle(engine.observeUsage(usage));
      },
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
