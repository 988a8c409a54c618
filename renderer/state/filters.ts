// What the list shows: the search (matched here, on name, hostname and address) and the API's own
// status and location filters (asked of VPS.org again shortly after the fleet changed).
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { VpsBridge } from '../../common/bridge';
import { refKey } from '../../common/servers';
import type { I18n } from '../i18n';
import { matchesSearch } from './fleet';
import type { LiveFleet } from './live-fleet';
import { readOnly } from './read-only';
import { errorText } from '../i18n/sentences';

export interface FiltersDeps {
  bridge: VpsBridge;
  i18n: ReadonlySignal<I18n>;
  fleet: Pick<LiveFleet, 'sorted' | 'onServersChanged'>;
  /** Re-ask the API's filters this long after the fleet changed (ms). */
  refreshDelayMs: number;
  /** Runs `run` after `ms`; returns a cancel. */
  scheduleLater: (run: () => void, ms: number) => () => void;
}

export function createFilters({ bridge, i18n, fleet, refreshDelayMs, scheduleLater }: FiltersDeps) {
  const search = signal('');
  const status = signal('');
  const location = signal('');
  /** One account's servers only (an account id); '' shows every account's. */
  const account = signal('');
  /** Keys the API's own filters returned; null while no filter is set (or before the answer). */
  const filterKeys = signal<ReadonlySet<string> | null>(null);
  const error = signal<string | null>(null);
  let cancelTimer: (() => void) | undefined;
  let sequence = 0;

  const visible = computed(() => {
    const query = search.value;
    const keys = filterKeys.value;
    const filtering = status.value !== '' || location.value !== '';
    const onlyAccount = account.value;
    return fleet.sorted.value.filter(
      (view) =>
        (onlyAccount === '' || view.accountId === onlyAccount) &&
        (!filtering || keys === null || keys.has(view.key)) &&
        matchesSearch(view, query),
    );
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
    /** Why the API's filters could not be applied, worded. */
    error: readOnly(error),
    /** The servers to list, trouble first. */
    visible,
    setSearch(text: string): void {
      search.value = text;
    },
    /** Shows one account's servers ('' for all); matched here, no request. */
    setAccount(accountId: string): void {
      account.value = accountId;
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
    dispose(): void {
      cancelTimer?.();
    },
  };
}

export type Filters = ReturnType<typeof createFilters>;
