// The popup's state: signals fed by the bridge. One store per page, created by `createAppStore(bridge)`
// and passed down through context; nothing lives at module level, so every test gets a fresh one.
import { batch, computed, signal } from '@preact/signals';
import type {
  ActionOutcome,
  AppInfo,
  AppNotice,
  AuthState,
  FleetDelta,
  FleetSnapshot,
  FleetStatus,
  IpcError,
  PopupShown,
  ServerView,
} from '../../common/contract';
import type { VpsBridge } from '../../common/bridge';
import { createI18n, pickLanguage, pickLocale, type I18n } from '../i18n';
import { applyDelta, compareViews, matchesSearch, refOf, type StatusChange } from './fleet';
import { createLocalStore, draftAccount, draftKey, type KeyValueStorage } from './local';
import { errorText, outcomeText, statusLabel, troubleSentence } from './text';
import type { PowerAction } from '../../common/statuses';
import type { Settings } from '../../common/settings';
import { type ServerRef, refKey } from '../../common/servers';

export type View =
  | { name: 'list' }
  | { name: 'detail'; key: string; ref: ServerRef }
  | { name: 'edit'; key: string; ref: ServerRef }
  | { name: 'create' }
  | { name: 'settings' };

/** A message shown at a server row: the result of an action clicked there, or its tracked outcome. */
export interface RowNotice {
  tone: 'info' | 'error';
  text: string;
}

export interface Confirmation {
  key: string;
  action: PowerAction;
}

export interface AppStoreOptions {
  /** Re-ask the API's filters this long after the fleet changed (ms). */
  filterRefreshDelayMs?: number;
  /** At most this many status changes are announced at once; more are summarised. */
  maxAnnouncements?: number;
  /** Where drafts and dismissed notices are kept (the page's localStorage); null keeps nothing. */
  storage?: KeyValueStorage | null;
  /** Runs `run` after `ms`; returns a cancel. Defaults to setTimeout (tests pass a manual clock). */
  scheduleLater?: (run: () => void, ms: number) => () => void;
}

/** Something just done that the list mentions once (e.g. where a new token was stored). */
export type Flash = { kind: 'token-stored'; backend: string };

const DISMISSED_NOTICES_KEY = 'notices:dismissed';

function noticeId(notice: AppNotice): string {
  return `${notice.code}:${notice.backupPath}`;
}

function defaultScheduleLater(run: () => void, ms: number): () => void {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
}

export function createAppStore(bridge: VpsBridge, options: AppStoreOptions = {}) {
  const filterRefreshDelayMs = options.filterRefreshDelayMs ?? 800;
  const maxAnnouncements = options.maxAnnouncements ?? 3;
  const scheduleLater = options.scheduleLater ?? defaultScheduleLater;
  const local = createLocalStore(options.storage ?? null);

  const appInfo = signal<AppInfo | null>(null);
  const auth = signal<AuthState | null>(null);
  const settings = signal<Settings | null>(null);
  const startupError = signal<string | null>(null);
  const flash = signal<Flash | null>(null);

  // Start-up notices are shown once: a dismissal is remembered across popup windows (main repeats
  // them to every new window of the same run).
  const storedDismissed = local.read(DISMISSED_NOTICES_KEY);
  const dismissedNotices = signal<ReadonlySet<string>>(
    new Set(Array.isArray(storedDismissed) ? storedDismissed.filter((id) => typeof id === 'string') : []),
  );
  const appNotices = computed(() =>
    (appInfo.value?.notices ?? []).filter((notice) => !dismissedNotices.value.has(noticeId(notice))),
  );

  const i18n = computed<I18n>(() => {
    const systemLocale = appInfo.value?.systemLocale ?? 'en';
    const language = pickLanguage(settings.value?.language ?? 'auto', systemLocale);
    return createI18n(language, pickLocale(language, systemLocale));
  });

  // The fleet: a Map keyed by ServerView.key, mutated in place per delta; `fleetVersion` tells
  // signals that it changed (copying 5 000 entries per delta would defeat the point of deltas).
  const byKey = new Map<string, ServerView>();
  const fleetVersion = signal(0);
  const fleetStatus = signal<FleetStatus | null>(null);
  const fleetError = signal<string | null>(null);
  const sorted = computed(() => {
    void fleetVersion.value;
    return [...byKey.values()].toSorted(compareViews);
  });
  const locations = computed(() => {
    void fleetVersion.value;
    const known = [...byKey.values()].map((view) => view.server.location).filter((value) => value !== null);
    return [...new Set(known)].toSorted();
  });

  const search = signal('');
  const statusFilter = signal('');
  const locationFilter = signal('');
  /** Keys the API's own filters returned; null while no filter is set (or before the answer). */
  const filterKeys = signal<ReadonlySet<string> | null>(null);
  const filterError = signal<string | null>(null);

  const visible = computed(() => {
    const query = search.value;
    const keys = filterKeys.value;
    const filtering = statusFilter.value !== '' || locationFilter.value !== '';
    return sorted.value.filter(
      (view) => (!filtering || keys === null || keys.has(view.key)) && matchesSearch(view, query),
    );
  });

  const view = signal<View>({ name: 'list' });
  const activeKey = signal<string | null>(null);
  const confirming = signal<Confirmation | null>(null);
  /** Keys whose power request is on its way (before main reports the action as pending). */
  const requesting = signal<ReadonlyMap<string, PowerAction>>(new Map());
  const notices = signal<ReadonlyMap<string, RowNotice>>(new Map());
  const announcement = signal('');
  /** Bumped each time the popup is shown, so the UI can move focus. */
  const shownCount = signal(0);

  // Escape closes the innermost open thing first: components push a closer while open.
  const escapeLayers: Array<() => void> = [];
  const unsubscribers: Array<() => void> = [];
  let cancelFilterTimer: (() => void) | undefined;
  let filterSequence = 0;

  const t: I18n['t'] = (key, params) => i18n.value.t(key, params);

  function setNotice(key: string, notice: RowNotice | null): void {
    const next = new Map(notices.value);
    if (notice) next.set(key, notice);
    else next.delete(key);
    notices.value = next;
  }

  function announce(changes: StatusChange[]): void {
    if (changes.length === 0) return;
    const i = i18n.value;
    const lines = changes
      .slice(0, maxAnnouncements)
      .map((change) => i.t(`announce.${change.kind}`, { name: change.name, status: statusLabel(i, change.status) }));
    if (changes.length > maxAnnouncements) lines.push('…');
    announcement.value = lines.join('. ');
  }

  /**
   * Edit drafts outlive the popup, not their server or account: a draft for a server that is gone, or
   * of an account no longer signed in, could never be saved and would only leak into a later form.
   */
  function dropDrafts(drop: (key: string, account: string | undefined) => boolean): void {
    local.removeWhere((key) => drop(key, draftAccount(key)));
  }

  function dropEditDrafts(serverKeys: readonly string[]): void {
    for (const key of serverKeys) local.remove(draftKey.edit(key));
  }

  function replaceFleet(snapshot: FleetSnapshot): void {
    byKey.clear();
    for (const server of snapshot.servers) byKey.set(server.key, server);
    // A full list: servers deleted while no popup was open lose their drafts now.
    const current = auth.value;
    if (snapshot.status.loaded && current && current.mode !== 'none')
      dropDrafts(
        (key, account) =>
          key.startsWith('draft:edit:') &&
          account === current.account.id &&
          !byKey.has(key.slice('draft:edit:'.length)),
      );
    batch(() => {
      fleetStatus.value = snapshot.status;
      fleetError.value = null;
      fleetVersion.value++;
    });
  }

  function applyFleetDelta(delta: FleetDelta): void {
    const knownBefore = byKey.size;
    const changes = applyDelta(byKey, delta);
    dropEditDrafts(delta.removed);
    batch(() => {
      fleetStatus.value = delta.status;
      if (delta.upserted.length > 0 || delta.removed.length > 0) fleetVersion.value++;
      // An outcome for a removed server has nowhere to show: drop it with the row.
      if (delta.removed.some((key) => notices.value.has(key))) {
        const next = new Map(notices.value);
        for (const key of delta.removed) next.delete(key);
        notices.value = next;
      }
    });
    // A first fill (empty before) is not news; later additions and removals are.
    if (knownBefore > 0) announce(changes);
    if (delta.upserted.length > 0 || delta.removed.length > 0) scheduleFilterRefresh();
  }

  async function subscribeFleet(): Promise<void> {
    const result = await bridge.fleet.subscribe();
    if (result.ok) replaceFleet(result.value);
    else fleetError.value = errorText(i18n.value, result.error);
  }

  function clearFleet(): void {
    byKey.clear();
    batch(() => {
      fleetVersion.value++;
      fleetStatus.value = null;
      view.value = { name: 'list' };
      notices.value = new Map();
      confirming.value = null;
    });
  }

  async function applyAuth(next: AuthState): Promise<void> {
    const previous = auth.value;
    auth.value = next;
    if (next.mode === 'none') {
      // Signed out (or the token is gone): its drafts go too. A locked keychain keeps the token, and so the drafts.
      if (next.notice?.code !== 'keychain-unavailable') dropDrafts((_key, account) => account !== undefined);
      // A repeated "no token" (e.g. re-sent by main) must not pull the user out of Settings.
      if (previous?.mode !== 'none') clearFleet();
      return;
    }
    const sameAccount = previous && previous.mode !== 'none' && previous.account.id === next.account.id;
    if (!sameAccount) {
      dropDrafts((_key, account) => account !== undefined && account !== next.account.id);
      if (previous && previous.mode !== 'none') clearFleet();
      await subscribeFleet();
    }
  }

  // ----- filters -------------------------------------------------------------------------------

  async function runFilterQuery(): Promise<void> {
    const status = statusFilter.value;
    const location = locationFilter.value;
    const sequence = ++filterSequence;
    if (status === '' && location === '') {
      batch(() => {
        filterKeys.value = null;
        filterError.value = null;
      });
      return;
    }
    const result = await bridge.servers.list({
      ...(status !== '' ? { status } : {}),
      ...(location !== '' ? { location } : {}),
    });
    // A newer query was started meanwhile: its answer wins.
    if (sequence !== filterSequence) return;
    batch(() => {
      if (result.ok) {
        filterKeys.value = new Set(result.value.map(refKey));
        filterError.value = null;
      } else {
        filterError.value = errorText(i18n.value, result.error);
      }
    });
  }

  function scheduleFilterRefresh(): void {
    if (statusFilter.value === '' && locationFilter.value === '') return;
    cancelFilterTimer?.();
    cancelFilterTimer = scheduleLater(() => void runFilterQuery(), filterRefreshDelayMs);
  }

  function setFilters(next: { status?: string; location?: string }): Promise<void> {
    batch(() => {
      if (next.status !== undefined) statusFilter.value = next.status;
      if (next.location !== undefined) locationFilter.value = next.location;
    });
    cancelFilterTimer?.();
    return runFilterQuery();
  }

  // ----- power actions -------------------------------------------------------------------------

  function findView(key: string): ServerView | undefined {
    void fleetVersion.value;
    return byKey.get(key);
  }

  function needsConfirmation(action: PowerAction): boolean {
    const confirmations = settings.value?.confirmations ?? { start: false, stop: true, reboot: true };
    return confirmations[action];
  }

  /** A click on a power button: asks first when the settings say so, else sends. */
  async function requestAction(key: string, action: PowerAction): Promise<void> {
    if (!needsConfirmation(action)) return performAction(key, action);
    batch(() => {
      confirming.value = { key, action };
      setNotice(key, null);
    });
  }

  function cancelConfirmation(): void {
    confirming.value = null;
  }

  /** Sends one power request. Never retried: a failure is shown, and the user decides. */
  async function performAction(key: string, action: PowerAction): Promise<void> {
    const target = byKey.get(key);
    if (!target || requesting.value.has(key) || target.pending) return;
    batch(() => {
      if (confirming.value?.key === key) confirming.value = null;
      requesting.value = new Map(requesting.value).set(key, action);
      setNotice(key, null);
    });
    const ref = refOf(target);
    const result = await bridge.servers[action](ref);
    batch(() => {
      const next = new Map(requesting.value);
      next.delete(key);
      requesting.value = next;
      setNotice(
        key,
        result.ok
          ? { tone: 'info', text: i18n.value.t(`accepted.${action}`) }
          : powerFailure(result.error, target.server.name, action),
      );
    });
  }

  function powerFailure(error: IpcError, name: string, action: PowerAction): RowNotice {
    const i = i18n.value;
    if (!error.outcomeUnknown) return { tone: 'error', text: errorText(i, error, { write: true }) };
    // Main keeps the server pending and watches it: its outcome replaces this notice, and "Refresh" is no advice.
    const watching = i.t('outcome.watching', { name, action: i.t(`actionName.${action}`) });
    const trouble = troubleSentence(i, error);
    const text = trouble ? `${trouble} ${watching}` : watching;
    const apiText = error.apiText?.trim();
    return { tone: 'error', text: apiText ? `${text} ${i.t('error.apiSaid', { text: apiText })}` : text };
  }

  function applyOutcome(outcome: ActionOutcome): void {
    setNotice(refKey(outcome.ref), {
      tone: outcome.outcome === 'done' ? 'info' : 'error',
      text: outcomeText(i18n.value, outcome),
    });
  }

  // ----- navigation & escape -------------------------------------------------------------------

  function navigate(next: View): void {
    batch(() => {
      confirming.value = null;
      flash.value = null;
      view.value = next;
    });
  }

  function openDetail(key: string): void {
    const target = byKey.get(key);
    if (!target) return;
    activeKey.value = key;
    navigate({ name: 'detail', key, ref: refOf(target) });
  }

  function pushEscapeLayer(close: () => void): () => void {
    escapeLayers.push(close);
    return () => {
      const index = escapeLayers.lastIndexOf(close);
      if (index >= 0) escapeLayers.splice(index, 1);
    };
  }

  /** Escape: the innermost layer, then the inline confirmation, then the view, then the popup. */
  function escape(): void {
    const layer = escapeLayers.at(-1);
    if (layer) {
      layer();
      return;
    }
    if (confirming.value) {
      confirming.value = null;
      return;
    }
    const current = view.value;
    if (current.name === 'edit') navigate({ name: 'detail', key: current.key, ref: current.ref });
    else if (current.name !== 'list') navigate({ name: 'list' });
    else void bridge.popup.hide();
  }

  /**
   * The popup was shown. A requested view (the tray's Settings…) is opened; without one the current
   * view stays, so a half-filled form is not lost. Settings open without an account too (the language
   * must be reachable on first run); the form drafts are kept in storage, the token input never.
   */
  function showPopup(shown: PopupShown): void {
    batch(() => {
      if (shown.view === 'settings' && view.value.name !== 'settings') navigate({ name: 'settings' });
      shownCount.value++;
    });
  }

  function dismissNotice(notice: AppNotice): void {
    const next = new Set(dismissedNotices.value).add(noticeId(notice));
    dismissedNotices.value = next;
    local.write(DISMISSED_NOTICES_KEY, [...next]);
  }

  // ----- lifecycle -----------------------------------------------------------------------------

  async function start(): Promise<void> {
    unsubscribers.push(
      bridge.onFleetChange(applyFleetDelta),
      bridge.onActionFinished(applyOutcome),
      bridge.onAuthChange((next) => void applyAuth(next)),
      bridge.onSettingsChange((next) => {
        settings.value = next;
      }),
      bridge.onPopupShown(showPopup),
    );
    const [info, authState, currentSettings, ready] = await Promise.all([
      bridge.app.info(),
      bridge.auth.state(),
      bridge.settings.get(),
      // After subscribing: a view asked for while this page was loading (the tray's Settings…).
      bridge.popup.ready(),
    ]);
    batch(() => {
      if (info.ok) appInfo.value = info.value;
      if (currentSettings.ok) settings.value = currentSettings.value;
    });
    if (authState.ok) await applyAuth(authState.value);
    else startupError.value = errorText(i18n.value, authState.error);
    if (ready.ok && ready.value.view) showPopup(ready.value);
  }

  function dispose(): void {
    cancelFilterTimer?.();
    for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
  }

  return {
    bridge,
    appInfo,
    auth,
    settings,
    startupError,
    flash,
    appNotices,
    dismissNotice,
    local,
    i18n,
    t,
    fleetStatus,
    fleetError,
    sorted,
    visible,
    locations,
    search,
    statusFilter,
    locationFilter,
    filterError,
    view,
    activeKey,
    confirming,
    requesting,
    notices,
    announcement,
    shownCount,
    findView,
    setFilters,
    setNotice,
    requestAction,
    performAction,
    cancelConfirmation,
    navigate,
    openDetail,
    pushEscapeLayer,
    escape,
    applyAuth,
    start,
    dispose,
  };
}

export type AppStore = ReturnType<typeof createAppStore>;
