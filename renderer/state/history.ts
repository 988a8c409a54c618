// "What happened while you were away": the digest shown at the top of the list, one server's timeline,
// export and clearing. Not in the start bundle: the store hands over only the bridge's history calls
// (`historyBridge`), and this module (imported by the lazy views that show history) wraps them once per
// store, on first use. (No signals here: importing @preact/signals from a chunk splits the start bundle
// in two, which costs it half a kilobyte; the digest tells its one listener instead.)
import type { VpsBridge } from '../../common/bridge';
import type { ExportResult, Result } from '../../common/contract';
import type { ExportFormat, HistoryDigest, ServerHistory } from '../../common/history';
import type { ServerRef } from '../../common/servers';

/** What the store hands over: the bridge's history calls and its change event. */
export type HistoryBridge = VpsBridge['history'] & { onChange: VpsBridge['onHistoryChange'] };

function createHistoryState(bridge: HistoryBridge) {
  let digest: HistoryDigest | null = null;
  const digestListeners = new Set<(next: HistoryDigest | null) => void>();
  function setDigest(next: HistoryDigest | null): void {
    digest = next;
    for (const listener of digestListeners) listener(next);
  }
  /** The popup showing (navigation's shownCount) the digest was asked for; -1: not yet. */
  let askedAt = -1;

  return {
    /** The digest now (null: none, or not here yet). */
    digest: (): HistoryDigest | null => digest,
    /** Calls `listener` with each new digest; returns the unsubscribe. */
    onDigest(listener: (next: HistoryDigest | null) => void): () => void {
      digestListeners.add(listener);
      return () => digestListeners.delete(listener);
    },

    /**
     * The digest of this showing of the popup: asked for once per showing (the first after the first
     * paint), so coming back to the list does not ask again; the last showing's is gone at once.
     */
    async loadDigest(shownCount: number): Promise<void> {
      if (askedAt === shownCount) return;
      askedAt = shownCount;
      setDigest(null);
      const result = await bridge.digest();
      // A failed digest is no news: the list is what matters, and the next showing asks again.
      if (result.ok && askedAt === shownCount) setDigest(result.value);
    },

    /** Dismissed: gone here at once, and main does not offer it again. */
    dismissDigest(): void {
      setDigest(null);
      void bridge.dismissDigest();
    },

    server: (ref: ServerRef): Promise<Result<ServerHistory>> => bridge.server(ref),

    /** Calls `listener` with the servers whose history grew; returns the unsubscribe. */
    onChange: (listener: (refs: ServerRef[]) => void): (() => void) =>
      bridge.onChange((change) => listener(change.refs)),

    export: (accountId: string, format: ExportFormat, serverId?: number): Promise<Result<ExportResult>> =>
      bridge.export(serverId === undefined ? { accountId, format } : { accountId, serverId, format }),

    /** Forgets every account's history; what the digest said is gone with it. */
    async clear(): Promise<Result<null>> {
      const result = await bridge.clear();
      if (result.ok) setDigest(null);
      return result;
    },
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
