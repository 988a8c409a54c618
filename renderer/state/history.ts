// "What happened while you were away": the digest shown at the top of the list, one server's timeline,
// export and clearing. Not in the start bundle: the store hands over only the bridge's history calls
// (`historyBridge`), and this module (imported by the lazy views that show history) wraps them once per
// store, on first use.
import { signal } from '@preact/signals';
import type { VpsBridge } from '../../common/bridge';
import type { ExportResult, Result } from '../../common/contract';
import type { ExportFormat, HistoryDigest, ServerHistory } from '../../common/history';
import type { ServerRef } from '../../common/servers';
import { readOnly } from './read-only';

/** What the store hands over: the bridge's history calls and its change event. */
export type HistoryBridge = VpsBridge['history'] & { onChange: VpsBridge['onHistoryChange'] };

function createHistoryState(bridge: HistoryBridge) {
  const digest = signal<HistoryDigest | null>(null);
  /** The popup showing (navigation's shownCount) the digest was asked for; -1: not yet. */
  let askedAt = -1;

  return {
    digest: readOnly(digest),

    /**
     * The digest of this showing of the popup: asked for once per showing (the first after the first
     * paint), so coming back to the list does not ask again; the last showing's is gone at once.
     */
    async loadDigest(shownCount: number): Promise<void> {
      if (askedAt === shownCount) return;
      askedAt = shownCount;
      digest.value = null;
      const result = await bridge.digest();
      // A failed digest is no news: the list is what matters, and the next showing asks again.
      if (result.ok && askedAt === shownCount) digest.value = result.value;
    },

    /** Dismissed: gone here at once, and main does not offer it again. */
    dismissDigest(): void {
      digest.value = null;
      void bridge.dismissDigest();
    },

    server: (ref: ServerRef): Promise<Result<ServerHistory>> => bridge.server(ref),

    /** Calls `listener` with the servers whose history grew; returns the unsubscribe. */
    onChange: (listener: (refs: ServerRef[]) => void): (() => void) =>
      bridge.onChange((change) => listener(change.refs)),

    export: (accountId: string, format: ExportFormat, serverId?: number): Promise<Result<ExportResult>> =>
      bridge.export(serverId === undefined ? { accountId, format } : { accountId, serverId, format }),

    clear: (): Promise<Result<null>> => bridge.clear(),
  };
}

export type HistoryState = ReturnType<typeof createHistoryState>;

const states = new WeakMap<HistoryBridge, HistoryState>();

/** The history state over `bridge` (the store's `historyBridge`): one per store. */
export function historyOf(bridge: HistoryBridge): HistoryState {
  let state = states.get(bridge);
  if (!state) states.set(bridge, (state = createHistoryState(bridge)));
  return state;
}
