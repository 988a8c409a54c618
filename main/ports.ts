// What the Electron-free core needs from the desktop edge. The desktop layer (main/desktop/) implements
// these over safeStorage, electron-store, Notification, clipboard and the popup window; tests and the
// end-to-end harness pass in-memory implementations.
import type { AccountInfo, AppNotice, TokenStorageInfo } from '../common/contract';
import type { ServerRef } from '../common/servers';
import type { Settings } from '../common/settings';
import type { PowerAction } from '../common/statuses';

/** An account with its token, as the vault hands it to the core. The token stays in main. */
export interface StoredAccount {
  account: AccountInfo;
  token: string;
  storage: TokenStorageInfo;
}

export type VaultLoadResult =
  | { status: 'none' }
  | {
      status: 'ok';
      accounts: StoredAccount[];
      activeAccountId: string;
      /** Ids whose stored token was unreadable (damaged, or not decryptable) and has been forgotten. */
      forgotten?: string[];
      /** Some stored tokens could not be read now (keychain locked): kept for the next start. */
      locked?: boolean;
    }
  /** Stored ciphertext could not be decrypted (keychain reset, profile copied): it has been forgotten. */
  | { status: 'decrypt-failed'; message: string }
  /** The keychain is locked or not running yet: the stored ciphertext is kept for the next start. */
  | { status: 'unavailable'; message: string };

/**
 * Keychain-backed token storage keyed by account. `save` encrypts and persists when it safely can;
 * otherwise it keeps the token in memory for the session and says why (`persisted: false`, `reason`).
 */
export interface TokenVault {
  load(): Promise<VaultLoadResult>;
  save(account: AccountInfo, token: string): Promise<TokenStorageInfo>;
  forget(accountId: string): Promise<void>;
}

/** A value no caller can change: the settings store hands out its stored snapshot itself. */
export type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export interface SettingsStore {
  /** The stored settings, frozen: two reads without a write are the same object. */
  get(): DeepReadonly<Settings>;
  set(next: DeepReadonly<Settings>): void;
}

/** What a notification about one server carries besides its text. */
export interface ServerNotice {
  ref: ServerRef;
  /** The API's name (untrusted): the action's confirmation and refusal name the server with it. */
  serverName: string;
  /**
   * One button, where the platform shows them (macOS, Windows): "Start" on a should-run server found
   * stopped, "Retry" on a failed power action. It runs the tray menu's power path (its confirmation,
   * its refusals); where there are no buttons (Linux), the click opens the popup on the server instead.
   */
  offer?: { action: PowerAction; label: string };
}

export interface Notifier {
  /**
   * A desktop notification; the core decides whether notifications are switched on. `onClick` replaces
   * the default click (showing the popup), e.g. "version X is ready" restarts into it.
   */
  notify(title: string, body: string, onClick?: () => void): void;
  /** A notification about one server: its click opens the popup on that server; it may offer a button. */
  notifyServer(title: string, body: string, about: ServerNotice): void;
}

export interface ClipboardPort {
  writeText(text: string): void;
}

export interface PopupPort {
  hide(): void;
}

export interface AppInfoPort {
  version: string;
  platform: string;
  systemLocale: string;
  /** Start-up notices from the desktop edge (e.g. a corrupt settings file moved aside). */
  notices?: AppNotice[];
}

/** A file the app offers to save (a history export). */
export interface FileToSave {
  fileName: string;
  mimeType: string;
  content: string;
}

/** Saves a file where the user chooses (a Save dialog, then written 0600); absent where there is no dialog. */
export interface SaveFilePort {
  save(file: FileToSave): Promise<'saved' | 'cancelled'>;
}
