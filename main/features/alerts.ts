// Expected-state alerts, wired: every fleet change is an observation for the engine (main/alerts/engine.ts);
// what it learns and what the user sets (expectations, mutes, hold time, thresholds) is kept in the
// settings; hard deviations and recoveries become one notification each; the popup hears
// `alertsChanged`, and the tray asks `snapshot`. One timer wakes the engine when a hold time or a
// maintenance window ends between polls. Usage (for thresholds) needs a detail request per server, so it
// is read only when a threshold applies, only for running servers, at most once per idle poll interval.
import type { AlertsSnapshot, MuteDuration } from '../../common/alerts';
import { EventChannel, InvokeChannel, type EventContract, type FleetStatus } from '../../common/contract';
import { deviationText } from '../../common/i18n/sentences';
import type { Log } from '../app-log';
import { refKey, type ServerRef } from '../../common/servers';
import type { AlertSettings, Expectation, Settings } from '../../common/settings';
import { createAlertEngine, type AlertEvent, type ObserveResult, type UsagePercents } from '../alerts/engine';
import { muteFor, withoutEndedMutes } from '../alerts/mutes';
import { usagePercents, watchesUsage } from '../alerts/usage';
import type { EventBus, EventListener } from '../event-bus';
import type { FleetState } from '../fleet/state';
import { messagesForSetting, type Messages } from '../i18n';
import type { RouterHandlers } from '../ipc/router';
import { z } from 'zod';
import { serverRefSchema, takesNoPayload, withSchema, type PayloadValidators } from '../ipc/validators';
import type { AppInfoPort, Notifier } from '../ports';
import type { SessionCollection } from '../accounts/records';
import type { SettingsAccess } from './settings';

type AlertsChannel =
  | typeof InvokeChannel.alertsState
  | typeof InvokeChannel.alertsExpect
  | typeof InvokeChannel.alertsAcknowledge
  | typeof InvokeChannel.alertsMute
  | typeof InvokeChannel.alertsConfigure
  | typeof InvokeChannel.alertsServerThresholds;

const expectationRequestSchema = z
  .object({ ref: serverRefSchema, expectation: z.enum(['should-run', 'may-stop']) })
  .strict();
const muteRequestSchema = z
  .object({ ref: serverRefSchema.nullable(), duration: z.enum(['1h', 'tomorrow', 'indefinite', 'off']) })
  .strict();
const percent = z.number().min(1).max(100).nullable();
const thresholdsPatchSchema = z
  .object({ cpuPercent: percent, diskPercent: percent, bandwidthPercent: percent })
  .partial()
  .strict();
// The stored schema's ranges, but strict: a bad value is refused here instead of falling back.
const alertsConfigSchema = z
  .object({ holdSeconds: z.number().int().min(0).max(86_400), thresholds: thresholdsPatchSchema })
  .partial()
  .strict();
const serverThresholdsSchema = z.object({ ref: serverRefSchema, thresholds: thresholdsPatchSchema }).strict();

export const alertsValidators: Pick<PayloadValidators, AlertsChannel> = {
  [InvokeChannel.alertsState]: takesNoPayload,
  [InvokeChannel.alertsExpect]: withSchema(expectationRequestSchema),
  [InvokeChannel.alertsAcknowledge]: withSchema(serverRefSchema),
  [InvokeChannel.alertsMute]: withSchema(muteRequestSchema),
  [InvokeChannel.alertsConfigure]: withSchema(alertsConfigSchema),
  [InvokeChannel.alertsServerThresholds]: withSchema(serverThresholdsSchema),
};

/** The notification of a deviation turning hard, or of its end. */
export function alertNotice(messages: Messages, event: AlertEvent): { title: string; body: string } {
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
  sessions: Pick<SessionCollection, 'list' | 'get'>;
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
  mute(ref: ServerRef | null, duration: MuteDuration): AlertsSnapshot;
  /** Clears the timer. */
  stop(): void;
}

/**
 * An account's list is complete and current: loaded, its last poll did not fail, and no entry of it was
 * unreadable (a server whose entry could not be read is missing from it, not gone).
 */
const isFresh = (status: FleetStatus | undefined): boolean =>
  status !== undefined && status.loaded && status.stale === null && (status.skipped ?? 0) === 0;

export function createAlertsFeature(deps: AlertsFeatureDeps): AlertsFeature {
  const { settings, now } = deps;
  const alerts = (): AlertSettings => settings.get().alerts;
  const engine = createAlertEngine({ now, settings: alerts });
  const listeners = new Set<(snapshot: AlertsSnapshot) => void>();
  // The snapshot as of the last settle: every change goes through settle (an observation, the engine's
  // timer, a user's choice), so readers (the tray on each fleet change, the popup) share one copy
  // instead of building one per server list each time they ask.
  let latest = engine.snapshot();
  let last = JSON.stringify(latest);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let usageReadAt = Number.NEGATIVE_INFINITY;
  let usageTimer: ReturnType<typeof setTimeout> | null = null;
  let readingUsage = false;
  let stopped = false;
  /** Servers being deleted at the last observation. */
  let deleting = new Set<string>();

  const saveAlerts = (next: AlertSettings): Settings => settings.change({ alerts: next });

  /** Tells what the engine found, stores what it learned, and tells listeners when the snapshot changed. */
  function settle(result: ObserveResult): AlertsSnapshot {
    if (Object.keys(result.learned).length > 0) {
      const current = alerts();
      saveAlerts({ ...current, expectations: { ...current.expectations, ...result.learned } });
    }
    const ended = withoutEndedMutes(alerts(), now());
    if (ended) saveAlerts(ended);
    const current = settings.get();
    if (current.notifications) {
      const messages = messagesForSetting(current.language, deps.appInfo.systemLocale);
      for (const event of result.events) {
        const { title, body } = alertNotice(messages, event);
        deps.notifier.notify(deps.redact(title), deps.redact(body));
      }
    }
    for (const event of result.events) deps.log('info', `Alert: ${event.type} ${event.key} (${event.kind})`);
    schedule();
    const snapshot = engine.snapshot();
    latest = snapshot;
    const serialized = JSON.stringify(snapshot);
    if (serialized !== last) {
      last = serialized;
      deps.emit(EventChannel.alertsChanged, snapshot);
      for (const listener of listeners) listener(snapshot);
    }
    return snapshot;
  }

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

  /** A server deleted from the app is forgotten (and its alert settings with it), so it never counts as gone. */
  function forget(key: string): void {
    engine.forget(key);
    const current = alerts();
    const { [key]: _expectation, ...expectations } = current.expectations;
    const { [key]: _mute, ...serverMutes } = current.serverMutes;
    const { [key]: _thresholds, ...serverThresholds } = current.serverThresholds;
    saveAlerts({ ...current, expectations, serverMutes, serverThresholds });
  }

  function observe(): void {
    const views = [...deps.fleet.views()];
    const present = new Set(views.map((view) => view.key));
    for (const key of deleting) if (!present.has(key)) forget(key);
    deleting = new Set(views.filter((view) => view.pending?.action === 'delete').map((view) => view.key));
    // Each account's own list: one failing account's servers never count as gone while the others are fresh.
    const statuses = deps.fleet.accountStatuses();
    const accounts = deps.sessions
      .list()
      .map((session) => ({ accountId: session.account.id, fresh: isFresh(statuses[session.account.id]) }));
    const fresh = accounts.some((account) => account.fresh);
    const servers = views.map((view) => ({
      accountId: view.accountId,
      id: view.server.id,
      name: view.server.name,
      status: view.server.status,
      pending: view.pending !== null,
    }));
    settle(engine.observe({ accounts, servers }));
    if (fresh) void readUsage();
  }

  const anyFresh = () => Object.values(deps.fleet.accountStatuses()).some(isFresh);

  /**
   * Usage is read on its own clock, one idle interval after the last read: a poll that changed nothing
   * tells no one (no fleetChanged), so polls cannot be what paces it.
   */
  function scheduleUsage(): void {
    if (usageTimer !== null) clearTimeout(usageTimer);
    usageTimer = null;
    if (stopped) return;
    usageTimer = setTimeout(() => {
      usageTimer = null;
      if (anyFresh()) void readUsage();
    }, settings.get().pollIntervals.idleSeconds * 1000);
  }

  /** Detail requests for running servers that a threshold watches; one at a time, once per idle interval. */
  async function readUsage(): Promise<void> {
    const current = settings.get();
    if (readingUsage || now() - usageReadAt < current.pollIntervals.idleSeconds * 1000) return;
    const watched = [...deps.fleet.views()].filter(
      (view) => view.server.status === 'active' && view.pending === null && watchesUsage(current.alerts, view.key),
    );
    if (watched.length === 0) return;
    readingUsage = true;
    usageReadAt = now();
    const usage = new Map<string, UsagePercents>();
    try {
      for (const view of watched) {
        const session = deps.sessions.get(view.accountId);
        if (!session || stopped) continue;
        try {
          usage.set(view.key, usagePercents(await session.api.getServer(view.server.id)));
        } catch (error) {
          deps.log('warn', `Usage of ${view.key} not read: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      readingUsage = false;
    }
    if (!stopped && usage.size > 0) settle(engine.observeUsage(usage));
    scheduleUsage();
  }

  deps.events.subscribe((channel) => {
    if (channel === EventChannel.fleetChanged || channel === EventChannel.authChanged) observe();
  });

  const setExpectation = (ref: ServerRef, expectation: Expectation) => {
    const current = alerts();
    saveAlerts({ ...current, expectations: { ...current.expectations, [refKey(ref)]: expectation } });
    return settle(engine.tick());
  };
  const acknowledge = (ref: ServerRef) => {
    engine.acknowledge(refKey(ref));
    return settle(engine.tick());
  };
  const mute = (ref: ServerRef | null, duration: MuteDuration) => {
    const current = alerts();
    const window = muteFor(duration, now());
    if (ref === null) saveAlerts({ ...current, muteAll: window });
    else {
      const { [refKey(ref)]: _previous, ...others } = current.serverMutes;
      saveAlerts({ ...current, serverMutes: window ? { ...others, [refKey(ref)]: window } : others });
    }
    return settle(engine.tick());
  };

  return {
    handlers: {
      [InvokeChannel.alertsState]: () => latest,
      [InvokeChannel.alertsExpect]: ({ ref, expectation }) => setExpectation(ref, expectation),
      [InvokeChannel.alertsAcknowledge]: (ref) => acknowledge(ref),
      [InvokeChannel.alertsMute]: ({ ref, duration }) => mute(ref, duration),
      [InvokeChannel.alertsConfigure]: (patch) => {
        const current = alerts();
        const next = saveAlerts({
          ...current,
          ...(patch.holdSeconds === undefined ? {} : { holdSeconds: patch.holdSeconds }),
          thresholds: { ...current.thresholds, ...patch.thresholds },
        });
        settle(engine.tick());
        // A threshold just set is read within an idle interval, whether or not the fleet changes.
        scheduleUsage();
        return next;
      },
      [InvokeChannel.alertsServerThresholds]: ({ ref, thresholds }) => {
        const current = alerts();
        const key = refKey(ref);
        const { [key]: _previous, ...others } = current.serverThresholds;
        const own = Object.keys(thresholds).length > 0;
        saveAlerts({ ...current, serverThresholds: own ? { ...others, [key]: thresholds } : others });
        const snapshot = settle(engine.tick());
        scheduleUsage();
        return snapshot;
      },
    },
    snapshot: () => latest,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setExpectation,
    acknowledge,
    mute,
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (usageTimer !== null) clearTimeout(usageTimer);
      usageTimer = null;
    },
  };
}
