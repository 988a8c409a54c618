// What the list shows and in which order: trouble first by the app's verdict (common/order, read from
// the alerts snapshot), the glance line's counts and the group picked there, the search (matched here, on
// name, hostname and address), the API's own status and location filters (asked of VPS.org again shortly
// after the fleet changed), and the rows held in place while the user acts on them.
import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { AlertsSnapshot } from '../../common/alerts';
import type { VpsBridge } from '../../common/bridge';
import type { ServerView } from '../../common/contract';
import { compareByName, deviationLevels, troubleRank, type DeviationLevel } from '../../common/order';
import { refKey } from '../../common/servers';
import { isTransitional } from '../../common/statuses';
import type { I18n } from '../i18n';
import { GLANCE_KINDS, glanceKindOf, matchesSearch, type GlanceKind } from './fleet';
import type { LiveFleet } from './live-fleet';
import type { Power } from './power';
import { readOnly } from './read-only';
import { errorText } from '../i18n/sentences';

export interface FiltersDeps {
  bridge: VpsBridge;
  i18n: ReadonlySignal<I18n>;
  fleet: Pick<LiveFleet, 'sorted' | 'onServersChanged' | 'find'>;
  /** The alerts snapshot the popup holds: the verdict's deviations. */
  alerts: { snapshot: ReadonlySignal<AlertsSnapshot> };
  /** Actions in flight (and the open confirmation): the verdict's "busy", and what holds a row. */
  power: Pick<Power, 'pendingAction' | 'confirming'>;
  /** Re-ask the API's filters this long after the fleet changed (ms). */
  refreshDelayMs: number;
  /** Runs `run` after `ms`; returns a cancel. */
  scheduleLater: (run: () => void, ms: number) => () => void;
}

interface Ranked {
  view: ServerView;
  rank: number;
  glance: GlanceKind;
}

export type GlanceCounts = Readonly<Record<GlanceKind, number>>;

/** `held`: key -> the index the row keeps in `list`; rows not in `list` are left out. */
function keepHeldInPlace(list: ServerView[], held: ReadonlyMap<string, number>): ServerView[] {
  if (held.size === 0) return list;
  const pinned = list.filter((view) => held.has(view.key)).toSorted((a, b) => held.get(a.key)! - held.get(b.key)!);
  if (pinned.length === 0) return list;
  const rest = list.filter((view) => !held.has(view.key));
  for (const view of pinned) rest.splice(Math.min(held.get(view.key)!, rest.length), 0, view);
  return rest;
}

/** Names more than one server has. */
function sharedNames(views: readonly ServerView[]): ReadonlySet<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const view of views) {
    if (seen.has(view.server.name)) shared.add(view.server.name);
    seen.add(view.server.name);
  }
  return shared;
}

/**
 * Rows held in place while the user acts on them: from the click until the action settled and neither
 * the pointer nor focus is on the row any more. `shown`: the list as shown now (the place to keep).
 */
function createRowHolds({ fleet, power, shown }: Pick<FiltersDeps, 'fleet' | 'power'> & { shown: () => ServerView[] }) {
  /** key -> its index in the shown list when the action began. */
  const held = signal<ReadonlyMap<string, number>>(new Map());
  /** Rows with the pointer over them or focus in them: `pointer\0key`, `focus\0key`. */
  const engaged = signal<ReadonlySet<string>>(new Set());

  /** Still acted on: asked, on its way, tracked by main or in transition. */
  function acting(key: string): boolean {
    const view = fleet.find(key);
    if (!view) return false;
    return (
      power.confirming.value?.key === key || power.pendingAction(view) !== null || isTransitional(view.server.status)
    );
  }

  // A held row is let go once its action settled and neither the pointer nor focus is on it.
  const dispose = effect(() => {
    const current = held.value;
    if (current.size === 0) return;
    const on = engaged.value;
    const keep = [...current].filter(
      ([key]) => on.has(`pointer\u0000${key}`) || on.has(`focus\u0000${key}`) || acting(key),
    );
    if (keep.length !== current.size) held.value = new Map(keep);
  });

  return {
    held: readOnly(held),
    dispose,
    /** The user starts acting on a server: its row keeps its place until that settles and they move on. */
    hold(key: string): void {
      if (held.peek().has(key)) return;
      const index = shown().findIndex((view) => view.key === key);
      if (index >= 0) held.value = new Map(held.peek()).set(key, index);
    },
    /** The pointer is over the row, or focus in it (`on`), or no longer; each followed on its own. */
    engage(key: string, on: boolean, by: 'pointer' | 'focus' = 'pointer'): void {
      const current = engaged.peek();
      const entry = `${by}\u0000${key}`;
      if (current.has(entry) === on) return;
      const next = new Set(current);
      if (on) next.add(entry);
      else next.delete(entry);
      engaged.value = next;
    },
  };
}

export function createFilters(deps: FiltersDeps) {
  const { bridge, i18n, fleet, alerts, power, refreshDelayMs, scheduleLater } = deps;
  const search = signal('');
  const status = signal('');
  const location = signal('');
  /** One account's servers only (an account id); '' shows every account's. */
  const account = signal('');
  /** One group of the glance line only; '' shows all. */
  const glance = signal<GlanceKind | ''>('');
  /** Keys the API's own filters returned; null while no filter is set (or before the answer). */
  const filterKeys = signal<ReadonlySet<string> | null>(null);
  const error = signal<string | null>(null);
  let cancelTimer: (() => void) | undefined;
  let sequence = 0;

  const levels = computed(() => deviationLevels(alerts.snapshot.value));
  // `visible` reads the holds, and a new hold reads `visible`.
  let visible: ReadonlySignal<ServerView[]>;
  const holds = createRowHolds({ fleet, power, shown: () => visible.peek() });

  /** Every server, trouble first by the verdict, then by name. */
  const ranked = computed((): Ranked[] => {
    const levelOf = levels.value;
    return fleet.sorted.value
      .map((view) => {
        const pending = power.pendingAction(view) !== null;
        const deviation = levelOf(view.key);
        const rank = troubleRank({ status: view.server.status, pending, deviation });
        return { view, rank, glance: glanceKindOf(view.server.status, pending, deviation) };
      })
      .toSorted(
        (a, b) =>
          a.rank - b.rank ||
          compareByName({ name: a.view.server.name, key: a.view.key }, { name: b.view.server.name, key: b.view.key }),
      );
  });

  const inAccount = computed(() => {
    const onlyAccount = account.value;
    return onlyAccount === '' ? ranked.value : ranked.value.filter((entry) => entry.view.accountId === onlyAccount);
  });

  /** The glance line: servers per group (of the account shown). */
  const counts = computed((): GlanceCounts => {
    const result = Object.fromEntries(GLANCE_KINDS.map((kind) => [kind, 0])) as Record<GlanceKind, number>;
    for (const entry of inAccount.value) result[entry.glance]++;
    return result;
  });

  visible = computed(() => {
    const query = search.value;
    const keys = filterKeys.value;
    const filtering = status.value !== '' || location.value !== '';
    const group = glance.value;
    const shown = inAccount.value
      .filter(
        (entry) =>
          (group === '' || entry.glance === group) &&
          (!filtering || keys === null || keys.has(entry.view.key)) &&
          matchesSearch(entry.view, query),
      )
      .map((entry) => entry.view);
    return keepHeldInPlace(shown, holds.held.value);
  });

  async function runQuery(): Promise<void> {
    const statusNow = status.value;
    const locationNow = location.value;
    const mine = ++sequence;
    if (statusNow === '' && locationNow === '') {
      batch(() => {
        filterKeys.value = null;
        error.value = null;
      });
      return;
    }
    const result = await bridge.servers.list({
      ...(statusNow !== '' ? { status: statusNow } : {}),
      ...(locationNow !== '' ? { location: locationNow } : {}),
    });
    // A newer query was started meanwhile: its answer wins.
    if (mine !== sequence) return;
    batch(() => {
      if (result.ok) {
        filterKeys.value = new Set(result.value.map(refKey));
        error.value = null;
      } else {
        error.value = errorText(i18n.value, result.error);
      }
    });
  }

  fleet.onServersChanged(() => {
    if (status.value === '' && location.value === '') return;
    cancelTimer?.();
    cancelTimer = scheduleLater(() => void runQuery(), refreshDelayMs);
  });

  return {
    search: readOnly(search),
    status: readOnly(status),
    location: readOnly(location),
    account: readOnly(account),
    glance: readOnly(glance),
    /** Why the API's filters could not be applied, worded. */
    error: readOnly(error),
    /** The servers to list, trouble first (held rows in their place). */
    visible,
    /** Servers per glance group, of the account shown. */
    counts,
    /** Names more than one server has (their controls say the account too). */
    sharedNames: computed(() => sharedNames(fleet.sorted.value)),
    /** The server's deviation level (the badge's colour). */
    deviationOf: (key: string): DeviationLevel => levels.value(key),
    setSearch(text: string): void {
      search.value = text;
    },
    /** Shows one account's servers ('' for all); matched here, no request. */
    setAccount(accountId: string): void {
      account.value = accountId;
    },
    /** Shows one glance group ('' for all); a second pick of the same group shows all again. */
    toggleGlance(kind: GlanceKind | ''): void {
      glance.value = glance.value === kind ? '' : kind;
    },
    /** Sets the API's filters and asks VPS.org at once. */
    setFilters(next: { status?: string; location?: string }): Promise<void> {
      batch(() => {
        if (next.status !== undefined) status.value = next.status;
        if (next.location !== undefined) location.value = next.location;
      });
      cancelTimer?.();
      return runQuery();
    },
    hold: holds.hold,
    engage: holds.engage,
    /** Keys of the rows held in place. */
    held: holds.held,
    dispose(): void {
      cancelTimer?.();
      holds.dispose();
    },
  };
}

export type Filters = ReturnType<typeof createFilters>;
