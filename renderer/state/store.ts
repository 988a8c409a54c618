// The popup's state: one store per page, created by `createAppStore(bridge)` and passed down through
// context; nothing lives at module level, so every test gets a fresh one. The store is the concerns of
// this folder wired together; views read their signals and act through their named functions, and
// only this folder talks to the bridge.
import { batch } from '@preact/signals';
import type { VpsBridge } from '../../common/bridge';
import { createAccounts } from './accounts';
import { createAlertsState } from './alerts';
import { createAnnouncements } from './announcements';
import { createAppState } from './app';
import { createAuth } from './auth';
import { createClipboard } from './clipboard';
import { createDrafts } from './drafts';
import { createFilters } from './filters';
import { createLanguage } from './language';
import { createMainState } from './main-state';
import { createLiveFleet } from './live-fleet';
import { createLocalStore, type KeyValueStorage } from './local';
import { createNavigation } from './navigation';
import { createPower } from './power';
import { createRowNotices } from './row-notices';
import { createServers } from './servers';
import { createSettingsState } from './settings';
import { errorText } from '../i18n/sentences';

export interface AppStoreOptions {
  /** Re-ask the API's filters this long after the fleet changed (ms). */
  filterRefreshDelayMs?: number;
  /** At most this many status changes are announced at once; more are summarised. */
  maxAnnouncements?: number;
  /** Where drafts and dismissed notices are kept (the page's localStorage); null keeps nothing. */
  storage?: KeyValueStorage | null;
  /** Runs `run` after `ms`; returns a cancel. Defaults to setTimeout (tests pass a manual clock). */
  scheduleLater?: (run: () => void, ms: number) => () => void;
  /** The bootstrap, when it was asked for before the store was made (renderer/early-bootstrap.ts). */
  bootstrap?: ReturnType<VpsBridge['popup']['bootstrap']>;
}

function defaultScheduleLater(run: () => void, ms: number): () => void {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
}

export function createAppStore(bridge: VpsBridge, options: AppStoreOptions = {}) {
  const local = createLocalStore(options.storage ?? null);
  const drafts = createDrafts(local);
  const app = createAppState(local);
  const settings = createSettingsState(bridge);
  const language = createLanguage(app.info, settings.current);
  const { i18n, t } = language;
  const announcements = createAnnouncements(i18n, options.maxAnnouncements ?? 3);
  const notices = createRowNotices(i18n);
  const fleet = createLiveFleet({ bridge, i18n, drafts, notices, announcements });
  const alerts = createAlertsState(bridge, settings.adopt);
  const power = createPower({ bridge, i18n, fleet, settings, notices });
  const filters = createFilters({
    bridge,
    i18n,
    fleet,
    alerts,
    power,
    refreshDelayMs: options.filterRefreshDelayMs ?? 800,
    scheduleLater: options.scheduleLater ?? defaultScheduleLater,
  });
  const navigation = createNavigation({ bridge, fleet, power });
  const auth = createAuth({ bridge, fleet, drafts, navigation, notices, power });
  const accounts = createAccounts({ bridge, auth, filters });
  const servers = createServers({ bridge, drafts });
  const clipboard = createClipboard(bridge);
  // Shown in Settings: the global shortcut's registration and the app's updates.
  const shortcut = createMainState(() => bridge.shortcut.status());
  const updates = createMainState(() => bridge.updates.state());
  const unsubscribers: Array<() => void> = [];

  return {
    i18n,
    t,
    app,
    settings,
    auth,
    accounts,
    fleet,
    filters,
    power,
    notices,
    navigation,
    servers,
    drafts,
    clipboard,
    shortcut,
    updates,
    alerts,
    announcement: announcements.announcement,
    /** The history's calls, wrapped by ./history (loaded with the views that show history). */
    historyBridge: { ...bridge.history, onChange: bridge.onHistoryChange },

    /**
     * Subscribes to main's events, then asks for the state to start from: one call (the bootstrap), so
     * the first rows wait for one round trip. Its first message leaves before this returns (call it
     * before the first render, so main answers while the page renders).
     */
    async start(): Promise<void> {
      unsubscribers.push(
        bridge.onFleetChange(fleet.applyDelta),
        bridge.onActionFinished(notices.showOutcome),
        bridge.onAuthChange((next) => void auth.apply(next)),
        bridge.onSettingsChange(settings.adopt),
        bridge.onPopupShown((shown) => {
          if (shown.notices) app.adoptNotices(shown.notices);
          navigation.showPopup(shown);
        }),
        bridge.onShortcutChange(shortcut.adopt),
        bridge.onUpdatesChange(updates.adopt),
        bridge.onAlertsChange(alerts.adopt),
      );
      const booting = options.bootstrap ?? bridge.popup.bootstrap();
      // Not awaited: alerts are not needed for the first view.
      void alerts.load();
      const boot = await booting;
      if (!boot.ok) return app.startFailed(errorText(i18n.value, boot.error));
      const start = boot.value;
      batch(() => {
        app.adoptInfo(start.info);
        settings.adopt(start.settings);
        // At once: a delta that arrives while the language loads applies on top of it.
        if (start.auth.mode !== 'none') fleet.adopt(start.fleet);
      });
      // The first real view speaks the user's language.
      await language.ready();
      await auth.apply(start.auth);
      // A view asked for while this page was loading (the tray's Settings…).
      if (start.view) navigation.showPopup(start);
    },

    dispose(): void {
      filters.dispose();
      language.dispose();
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
    },
  };
}

export type AppStore = ReturnType<typeof createAppStore>;
