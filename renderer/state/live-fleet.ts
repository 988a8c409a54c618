// The fleet as main reports it: a full snapshot (in the popup's bootstrap, or when it subscribes), then deltas. Kept in a Map
// keyed by ServerView.key and mutated in place per delta; `version` tells signals that it changed
// (copying 5 000 entries per delta would defeat the point of deltas).
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { VpsBridge } from '../../common/bridge';
import type { FleetDelta, FleetSnapshot, FleetStatus, ServerView } from '../../common/contract';
import type { I18n } from '../i18n';
import type { Announcements } from './announcements';
import type { Drafts } from './drafts';
import { applyDelta, compareViews } from './fleet';
import { readOnly } from './read-only';
import type { RowNotices } from './row-notices';
import { errorText } from '../i18n/sentences';

export interface LiveFleetDeps {
  bridge: VpsBridge;
  i18n: ReadonlySignal<I18n>;
  drafts: Pick<Drafts, 'dropEdits'>;
  notices: Pick<RowNotices, 'drop'>;
  announcements: Pick<Announcements, 'announce'>;
}

export function createLiveFleet({ bridge, i18n, drafts, notices, announcements }: LiveFleetDeps) {
  const byKey = new Map<string, ServerView>();
  const version = signal(0);
  const status = signal<FleetStatus | null>(null);
  /** Each account's own status by account id (one failing account is shown as such). */
  const accountStatuses = signal<Readonly<Record<string, FleetStatus>>>({});
  /** A refresh asked for here is in flight (main tells of its own polls only when they change something). */
  const refreshAsked = signal(false);
  /** Why the fleet could not be subscribed to, worded. */
  const error = signal<string | null>(null);
  const membershipListeners: Array<() => void> = [];
  /** A snapshot came with the bootstrap: the next subscribe uses it instead of asking main again. */
  let adopted = false;

  /** A full snapshot, taken as it arrives (a delta sent after it applies on top). */
  function adopt(snapshot: FleetSnapshot): void {
    byKey.clear();
    for (const server of snapshot.servers) byKey.set(server.key, server);
    batch(() => {
      status.value = snapshot.status;
      accountStatuses.value = snapshot.accounts ?? {};
      error.value = null;
      version.value++;
    });
    adopted = true;
  }

  const sorted = computed(() => {
    void version.value;
    return [...byKey.values()].toSorted(compareViews);
  });
  const locations = computed(() => {
    void version.value;
    const known = [...byKey.values()].map((view) => view.server.location).filter((value) => value !== null);
    return [...new Set(known)].toSorted();
  });

  return {
    /** null before the first snapshot (and after signing out). */
    status: readOnly(status),
    accountStatuses: readOnly(accountStatuses),
    /** A poll is in flight that this popup asked for, or that main told it of. */
    refreshing: computed(() => refreshAsked.value || !!status.value?.refreshing),
    error: readOnly(error),
    /** Every server, trouble first. */
    sorted,
    /** The locations of the account's servers, sorted. */
    locations,

    /** One server by key (read in a render, it re-renders when the fleet changes). */
    find(key: string): ServerView | undefined {
      void version.value;
      return byKey.get(key);
    },

    has: (key: string): boolean => byKey.has(key),

    /** Runs `listener` after each delta that added, changed or removed servers. */
    onServersChanged(listener: () => void): void {
      membershipListeners.push(listener);
    },

    /** The snapshot of the popup's bootstrap: the next `subscribe()` is answered by it, without a round trip. */
    adopt,

    /** Subscribes to main's fleet; true when a loaded (complete) list arrived. */
    async subscribe(): Promise<boolean> {
      if (!adopted) {
        const result = await bridge.fleet.subscribe();
        if (!result.ok) {
          error.value = errorText(i18n.value, result.error);
          return false;
        }
        adopt(result.value);
      }
      adopted = false;
      return !!status.value?.loaded;
    },

    applyDelta(delta: FleetDelta): void {
      const knownBefore = byKey.size;
      const changes = applyDelta(byKey, delta);
      const changed = delta.upserted.length > 0 || delta.removed.length > 0;
      drafts.dropEdits(delta.removed);
      batch(() => {
        status.value = delta.status;
        if (delta.accounts) accountStatuses.value = delta.accounts;
        if (changed) version.value++;
        // An outcome for a removed server has nowhere to show: it goes with the row.
        notices.drop(delta.removed);
      });
      // A first fill (empty before) is not news; later additions and removals are.
      if (knownBefore > 0) announcements.announce(changes);
      if (changed) for (const listener of membershipListeners) listener();
    },

    /** Signed out or another account: nothing of the old fleet stays. */
    clear(): void {
      adopted = false;
      byKey.clear();
      batch(() => {
        version.value++;
        status.value = null;
        accountStatuses.value = {};
      });
    },

    /** Asks main to poll now; main answers with the status after the poll. */
    async refresh(): Promise<void> {
      refreshAsked.value = true;
      try {
        const result = await bridge.fleet.refresh();
        // Still the same fleet (not signed out meanwhile): the answer is its status now.
        if (result.ok && status.value) status.value = result.value;
      } finally {
        refreshAsked.value = false;
      }
    },
  };
}

export type LiveFleet = ReturnType<typeof createLiveFleet>;
