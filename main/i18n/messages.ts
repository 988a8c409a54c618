// The shape of the main process's texts (tray menu and tooltip, confirmation dialogs, notifications).
// Each language is a `Messages` object, so a text missing from one fails the typecheck. Texts with
// parameters are functions; counts go through `plural` (Intl.PluralRules picks the form).
import type { KnownStatus } from '../../common/statuses';
import type { PendingAction } from '../../common/contract';
import type { PowerAction } from '../../common/statuses';

export type Language = 'en' | 'cs';

/** Plural forms by Intl.PluralRules category; `{count}` is replaced by the number. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Every action an outcome can report (power actions and edits). */
export type ActionKind = PendingAction['action'];

/** Groups the tray tooltip counts servers in. */
export type CountKind = 'running' | 'stopped' | 'busy' | 'suspended' | 'other';

export interface Messages {
  language: Language;
  /** For Intl.PluralRules. */
  locale: string;
  status: Record<KnownStatus, string>;
  /** Menu items and dialog buttons: "Reboot" / "Restartovat". */
  actionLabel: Record<PowerAction, string>;
  tooltip: {
    /** "VPS.org — " */
    prefix: string;
    /** "VPS.org — demo: " */
    demoPrefix: string;
    noToken: string;
    loading: string;
    offline: string;
    error: string;
    /** Appended to offline/error: " (last update 12:03)". */
    lastUpdate(time: string): string;
    count: Record<CountKind, PluralForms>;
    noServers: string;
  };
  menu: {
    openApp: string;
    noToken: string;
    /** A power action refused before anything was sent, for a reason without its own wording. */
    notSent: string;
    demo: string;
    stale: string;
    noServers: string;
    status(status: string, working: boolean): string;
    copyIp: string;
    refresh: string;
    open: string;
    settings: string;
    quit: string;
    /** Below the servers the menu shows: "12 more… — Open VPS.org Tray". */
    moreServers(count: number): string;
  };
  confirm: {
    question(actionLabel: string, serverName: string): string;
    detail: Record<PowerAction, string>;
    cancel: string;
  };
  /** Notification title when the API refused a power action sent from the tray. */
  powerFailed(action: PowerAction, serverName: string): string;
  /** Notification body when a tray action was refused without a request (ConflictInfo as data). */
  conflict: {
    inFlight(serverName: string, pendingAction: ActionKind | null): string;
    busy(serverName: string, status: string): string;
    suspended(serverName: string): string;
    alreadyRunning(serverName: string): string;
    notRunning(serverName: string): string;
    otherStatus(action: ActionKind, serverName: string, status: string): string;
  };
  outcome: {
    done(action: ActionKind, serverName: string, elapsed: string): string;
    failed(action: ActionKind, serverName: string, elapsed: string): string;
    timedOut(action: ActionKind, serverName: string, elapsed: string): string;
    removed(serverName: string): string;
    /** The request's answer was lost and the server never showed the change. */
    unknown(action: ActionKind, serverName: string, elapsed: string): string;
    /** Appended to a failed or unknown power action: where the server is now. */
    nowStatus(status: string): string;
  };
}
