// In-memory implementations of the ports in main/ports.ts, for core tests and the end-to-end harness.
import type { AccountInfo, TokenStorageInfo } from '../common/contract';
import type {
  AppInfoPort,
  ClipboardPort,
  Notifier,
  ServerNotice,
  PopupPort,
  SettingsStore,
  StoredAccount,
  TokenVault,
  VaultLoadResult,
} from '../main/ports';
import { applySettingsPatch, defaultSettings, type StoredSettingsPatch } from '../main/settings/schema';
import { deepFreeze } from '../main/desktop/settings-store';

export interface MemoryVault extends TokenVault {
  /** What is stored now, by account id (tests look, the app never does). */
  readonly stored: ReadonlyMap<string, StoredAccount>;
  readonly saves: number;
  /** The next load reports a decrypt failure (and forgets everything, as the real vault does). */
  failNextLoadWithDecryptError(): void;
  /** Saving throws until called with false. */
  failSaves(fail: boolean): void;
  /**
   * While locked (the keychain is locked or not running yet, as the real vault sees it): load keeps what
   * is stored and reports `unavailable`; save keeps the token for the session only, leaving `stored` as it is.
   */
  lockKeychain(locked: boolean): void;
}

export function createMemoryVault(
  initial: Array<{ account: AccountInfo; token: string }> = [],
  storage: TokenStorageInfo = { backend: 'memory-test', persisted: true },
): MemoryVault {
  const stored = new Map<string, StoredAccount>();
  for (const entry of initial) stored.set(entry.account.id, { ...entry, storage });
  let activeAccountId: string | null = initial[0]?.account.id ?? null;
  let decryptFailure = false;
  let savesFail = false;
  let keychainLocked = false;
  // Tokens saved while the keychain was locked: this session only.
  const sessionOnly = new Map<string, StoredAccount>();
  let saves = 0;
  return {
    get stored() {
      return stored;
    },
    get saves() {
      return saves;
    },
    failNextLoadWithDecryptError() {
      decryptFailure = true;
    },
    failSaves(fail) {
      savesFail = fail;
    },
    lockKeychain(locked) {
      keychainLocked = locked;
    },
    async load(): Promise<VaultLoadResult> {
      if (sessionOnly.size > 0) {
        const accounts = [...sessionOnly.values()].map((entry) => ({ ...entry }));
        return { status: 'ok', accounts, activeAccountId: accounts.at(-1)!.account.id };
      }
      if (keychainLocked && stored.size > 0) return { status: 'unavailable', message: 'The keychain is locked.' };
      if (decryptFailure) {
        decryptFailure = false;
        stored.clear();
        return { status: 'decrypt-failed', message: 'The stored token could not be decrypted.' };
      }
      if (stored.size === 0) return { status: 'none' };
      return {
        status: 'ok',
        accounts: [...stored.values()].map((entry) => ({ ...entry })),
        activeAccountId: activeAccountId ?? [...stored.keys()][0]!,
      };
    },
    async save(account, token) {
      if (savesFail) throw new Error('keychain refused');
      saves++;
      if (keychainLocked) {
        const memory: TokenStorageInfo = { backend: 'memory', persisted: false, reason: 'The keychain is locked.' };
        sessionOnly.set(account.id, { account: { ...account }, token, storage: memory });
        return { ...memory };
      }
      sessionOnly.delete(account.id);
      stored.set(account.id, { account: { ...account }, token, storage });
      activeAccountId = account.id;
      return { ...storage };
    },
    async forget(accountId) {
      sessionOnly.delete(accountId);
      stored.delete(accountId);
      if (activeAccountId === accountId) activeAccountId = null;
    },
  };
}

export interface MemorySettingsStore extends SettingsStore {
  readonly writes: number;
}

export function createMemorySettingsStore(patch: StoredSettingsPatch = {}): MemorySettingsStore {
  // Frozen like the desktop store's snapshot, so a test catches a caller that changes what it read.
  let current = deepFreeze(applySettingsPatch(defaultSettings(), patch));
  let writes = 0;
  return {
    get: () => current,
    set(next) {
      writes++;
      current = deepFreeze(structuredClone(next));
    },
    get writes() {
      return writes;
    },
  };
}

export interface RecordedNotification {
  title: string;
  body: string;
}

export interface RecordingNotifier extends Notifier {
  readonly notifications: RecordedNotification[];
  /** What a notification from `notifyServer` was about (its server, its button); undefined for the others. */
  about(notification: RecordedNotification): ServerNotice | undefined;
  /** Calls `listener` with each notification from now on (the preview shows them as toasts). Returns unsubscribe. */
  onNotify(listener: (notification: RecordedNotification, onClick?: () => void) => void): () => void;
}

export function createRecordingNotifier(): RecordingNotifier {
  const notifications: RecordedNotification[] = [];
  const abouts = new WeakMap<RecordedNotification, ServerNotice>();
  const listeners = new Set<(notification: RecordedNotification, onClick?: () => void) => void>();
  const record = (notification: RecordedNotification, onClick?: () => void) => {
    notifications.push(notification);
    for (const listener of listeners) listener(notification, onClick);
  };
  return {
    notifications,
    notify: (title, body, onClick) => record({ title, body }, onClick),
    notifyServer(title, body, about) {
      const notification = { title, body };
      abouts.set(notification, about);
      record(notification);
    },
    about: (notification) => abouts.get(notification),
    onNotify(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export interface RecordingClipboard extends ClipboardPort {
  readonly texts: string[];
}

export function createRecordingClipboard(): RecordingClipboard {
  const texts: string[] = [];
  return { texts, writeText: (text) => void texts.push(text) };
}

export interface RecordingPopup extends PopupPort {
  readonly hides: number;
}

export function createRecordingPopup(): RecordingPopup {
  let hides = 0;
  return {
    hide: () => void hides++,
    get hides() {
      return hides;
    },
  };
}

export function createStaticAppInfo(overrides: Partial<AppInfoPort> = {}): AppInfoPort {
  return { version: '0.1.0-test', platform: 'linux', systemLocale: 'en-US', ...overrides };
}

/** Every port at once, with their recorders. */
export function createMemoryPorts(options: { settings?: StoredSettingsPatch; vault?: MemoryVault } = {}) {
  return {
    vault: options.vault ?? createMemoryVault(),
    settings: createMemorySettingsStore(options.settings),
    notifier: createRecordingNotifier(),
    clipboard: createRecordingClipboard(),
    popup: createRecordingPopup(),
    appInfo: createStaticAppInfo(),
  };
}
