// "What happened while you were away": the history's channels, and what feeds it. The history
// (main/history/) hears the fleet's deltas, the alerts' snapshots and the actions' outcomes on the event
// bus, the power actions where they start (`actionStarted`), and suspend and resume from the core. The
// popup hears `historyChanged` for the servers that got new events while it is open.
import { z } from 'zod';
import { EventChannel, InvokeChannel, type EventContract, type ExportResult } from '../../common/contract';
import { EXPORT_FORMATS } from '../../common/history';
import type { EventBus, EventListener } from '../event-bus';
import { createHistory, type History, type HistoryDeps } from '../history/history';
import type { RouterHandlers } from '../ipc/router';
import { serverRefSchema, takesNoPayload, withSchema, type PayloadValidators } from '../ipc/validators';
import type { SaveFilePort } from '../ports';
import type { TrayUptime } from '../tray/summary';

type HistoryChannel =
  | typeof InvokeChannel.historyDigest
  | typeof InvokeChannel.historyDismissDigest
  | typeof InvokeChannel.historyServer
  | typeof InvokeChannel.historyExport
  | typeof InvokeChannel.historyClear;

export const historyValidators: Pick<PayloadValidators, HistoryChannel> = {
  [InvokeChannel.historyDigest]: takesNoPayload,
  [InvokeChannel.historyDismissDigest]: takesNoPayload,
  [InvokeChannel.historyServer]: withSchema(serverRefSchema),
  [InvokeChannel.historyExport]: withSchema(
    z
      .object({
        accountId: serverRefSchema.shape.accountId,
        serverId: serverRefSchema.shape.id.optional(),
        format: z.enum(EXPORT_FORMATS),
      })
      .strict(),
  ),
  [InvokeChannel.historyClear]: takesNoPayload,
};

export interface HistoryFeatureDeps extends Omit<HistoryDeps, 'onRecorded'> {
  events: Pick<EventBus<EventContract>, 'subscribe'>;
  emit: EventListener<EventContract>;
  popupOpen: () => boolean;
  /** The Save dialog; without one (the preview) an export is handed to the page as a download. */
  saveFile?: SaveFilePort;
  /** The setting `uptimeInTooltip`. */
  uptimeInTooltip: () => boolean;
}

export interface HistoryFeature {
  handlers: Pick<RouterHandlers, HistoryChannel>;
  history: History;
  /** The tray's uptime line; null while the setting (or the history) is off. */
  trayUptime(): TrayUptime | null;
  /** Calls `listener` when the tray's uptime line may have changed (new events, the settings). */
  onTrayUptimeChange(listener: () => void): void;
}

export function createHistoryFeature(deps: HistoryFeatureDeps): HistoryFeature {
  const history = createHistory({
    ...deps,
    onRecorded: (refs) => {
      if (deps.popupOpen()) deps.emit(EventChannel.historyChanged, { refs });
    },
  });
  const { recorder } = history;
  /** The tray's uptime line is shown: the setting is on and the history kept. */
  const shownUptime = () => deps.uptimeInTooltip() && deps.keepDays() !== 0;
  const settingsChanged = () => {
    const keepChanged = deps.keepDays() !== keepDays;
    if (keepChanged) {
      keepDays = deps.keepDays();
      history.keepDaysChanged();
    }
    if (keepChanged || deps.uptimeInTooltip() !== uptimeShown) {
      uptimeShown = deps.uptimeInTooltip();
      uptimeListeners.forEach((listener) => listener());
    }
  };
  let keepDays = deps.keepDays();
  let uptimeShown = deps.uptimeInTooltip();
  const uptimeListeners = new Set<() => void>();
  // New events change the tray's uptime line only while it is shown.
  history.onWritten(() => {
    if (shownUptime()) uptimeListeners.forEach((listener) => listener());
  });
  deps.events.subscribe((channel, payload) => {
    const { fleetChanged, alertsChanged, actionFinished } = EventChannel;
    if (channel === fleetChanged) recorder.fleetChanged(payload as EventContract[typeof fleetChanged]);
    else if (channel === alertsChanged) recorder.alertsChanged(payload as EventContract[typeof alertsChanged]);
    else if (channel === actionFinished) recorder.actionFinished(payload as EventContract[typeof actionFinished]);
    else if (channel === EventChannel.settingsChanged) settingsChanged();
  });
  return {
    history,
    onTrayUptimeChange: (listener) => void uptimeListeners.add(listener),
    trayUptime() {
      if (!shownUptime()) return null;
      const { permille, incidents } = history.fleetUptime();
      return { permille, incidents };
    },
    handlers: {
      [InvokeChannel.historyDigest]: () => history.digest(),
      [InvokeChannel.historyDismissDigest]: () => {
        history.dismissDigest();
        return null;
      },
      [InvokeChannel.historyServer]: (ref) => history.server(ref),
      [InvokeChannel.historyExport]: async (request): Promise<ExportResult> => {
        const file = history.exportOf(request);
        if (!deps.saveFile) return { outcome: 'download', ...file };
        return { outcome: await deps.saveFile.save(file) };
      },
      [InvokeChannel.historyClear]: () => {
        history.clear();
        return null;
      },
    },
  };
}
