// "What happened while you were away": the digest shown when the popup opens, one server's timeline and
// uptime, export and clearing. `window.vps.history.*`, `onHistoryChange`. How long it is kept is the
// setting `historyKeepDays` (settings channels).
import type { ExportFormat, HistoryDigest, ServerHistory } from '../history';
import type { ServerRef } from '../servers';
import type { Empty } from './calls';

export interface ExportRequest {
  /** One server's history, or (without `serverId`) the whole account's. */
  accountId: string;
  serverId?: number;
  format: ExportFormat;
}

/**
 * saved: written where the user chose (Save dialog); cancelled: the dialog was dismissed; download:
 * where there is no file dialog (the preview), the file for the page to offer as a download.
 */
export type ExportResult =
  | { outcome: 'saved' }
  | { outcome: 'cancelled' }
  | { outcome: 'download'; fileName: string; mimeType: string; content: string };

export const HISTORY_CHANNELS = {
  historyDigest: 'vps:history:digest',
  historyDismissDigest: 'vps:history:dismiss-digest',
  historyServer: 'vps:history:server',
  historyExport: 'vps:history:export',
  historyClear: 'vps:history:clear',
} as const;

export const HISTORY_EVENTS = {
  /** New events were recorded for these servers (the popup refreshes an open timeline). */
  historyChanged: 'vps:event:history-changed',
} as const;

export interface HistoryContract {
  /** What happened since the popup was last closed; null when nothing did (or the history is off). */
  [HISTORY_CHANNELS.historyDigest]: { request: Empty; response: HistoryDigest | null };
  /** The user dismissed the digest: it is not offered again for what it showed. */
  [HISTORY_CHANNELS.historyDismissDigest]: { request: Empty; response: null };
  [HISTORY_CHANNELS.historyServer]: { request: ServerRef; response: ServerHistory };
  [HISTORY_CHANNELS.historyExport]: { request: ExportRequest; response: ExportResult };
  /** Forgets every account's history. */
  [HISTORY_CHANNELS.historyClear]: { request: Empty; response: null };
}

export interface HistoryEventContract {
  [HISTORY_EVENTS.historyChanged]: { refs: ServerRef[] };
}

export const HISTORY_METHODS = {
  history: {
    digest: HISTORY_CHANNELS.historyDigest,
    dismissDigest: HISTORY_CHANNELS.historyDismissDigest,
    server: HISTORY_CHANNELS.historyServer,
    export: HISTORY_CHANNELS.historyExport,
    clear: HISTORY_CHANNELS.historyClear,
  },
} as const;

export const HISTORY_BRIDGE_EVENTS = {
  onHistoryChange: HISTORY_EVENTS.historyChanged,
} as const;
