// Token vault: API tokens encrypted by the OS keychain (Electron's safeStorage) and kept as ciphertext
// in a small JSON store. Electron-free: the safeStorage subset and the store are injected, so every
// backend (keychain, DPAPI, libsecret, basic_text, none) is testable in Node. Each ciphertext holds the
// token sealed with its account id and address (vault-seal.ts): an entry edited to name another address
// is refused, never sent.
//
// All methods must be called after `app` is ready: safeStorage reports `unknown` / unavailable before.
import { z } from 'zod';
import { KEYCHAIN_UNAVAILABLE_NOTICE } from '../accounts/token-service';
import type { AccountInfo, TokenStorageInfo } from '../../common/contract';
import type { StoredAccount, TokenVault, VaultLoadResult } from '../ports';
import type { Log } from '../app-log';
import { KEY_PROBE_TEXT, KEYRING_LABELS, linuxKeySource, type LinuxKeySource } from './linux-keyring';
import { openSealed, sealToken } from './vault-seal';

/** The part of Electron's `safeStorage` the vault uses (the async API of Electron 45). */
export interface SafeStoragePort {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  /** Linux only. */
  getSelectedStorageBackend?(): string;
}

/** The part of electron-store the vault uses. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export const VAULT_KEY = 'tokenVault';

const vaultEntrySchema = z.object({
  label: z.string(),
  baseUrl: z.string(),
  /** base64 of safeStorage's ciphertext; never the token. */
  ciphertext: z.string().min(1),
  backend: z.string(),
});

type VaultEntry = z.infer<typeof vaultEntrySchema>;

/**
 * The vault as stored. Entries are read one by one: a damaged entry (hand-edited, half-written by
 * another version) is dropped on load and the other accounts' tokens are kept.
 */
const vaultDataSchema = z.object({
  /** 1: the ciphertexts may hold bare tokens (before the address was sealed with them); 2: all sealed. */
  version: z.union([z.literal(1), z.literal(2)]),
  activeAccountId: z.string().nullable(),
  accounts: z.record(z.string(), z.unknown()),
});

/** The version this app writes once every entry is sealed (vault-seal.ts). */
const SEALED_VERSION = 2;

export interface VaultData {
  version: 1 | 2;
  activeAccountId: string | null;
  accounts: Record<string, VaultEntry>;
}

/** The readable entries, and the ids of the damaged ones. */
function readEntries(accounts: Record<string, unknown>): { entries: Record<string, VaultEntry>; damaged: string[] } {
  const entries: Record<string, VaultEntry> = {};
  const damaged: string[] = [];
  for (const [id, raw] of Object.entries(accounts)) {
    const parsed = vaultEntrySchema.safeParse(raw);
    if (parsed.success) entries[id] = parsed.data;
    else damaged.push(id);
  }
  return { entries, damaged };
}

/**
 * Why a vault file's content cannot be used, or null when it can (no vault yet counts as usable). Vault
 * data of another shape (e.g. `version: 2` written by a newer app before a downgrade) is moved aside with
 * the file, not deleted: a later version may still read it.
 */
export function vaultContentProblem(content: Record<string, unknown>): string | null {
  const data = content[VAULT_KEY];
  if (data === undefined || data === null) return null;
  const parsed = vaultDataSchema.safeParse(data);
  if (parsed.success) return null;
  const issues = parsed.error.issues.map((issue) => `${[VAULT_KEY, ...issue.path].join('.')}: ${issue.message}`);
  return `does not match the vault schema (${issues.join('; ')})`;
}

export const NO_KEYRING_REASON =
  'No system keyring is available (Linux encrypts with a fixed key, basic_text). Install and unlock GNOME Keyring or KWallet (libsecret) to keep the token between sessions; on Sway, Hyprland or i3, start the app with --password-store=gnome-libsecret.';
const UNKNOWN_BACKEND_REASON =
  'The system keyring could not be identified (Linux reported "unknown"). The token is kept for this session only; install and unlock GNOME Keyring or KWallet (libsecret) to keep it between sessions.';
export const ENCRYPTION_UNAVAILABLE_REASON =
  'Secure storage is not available on this system, so the token is kept for this session only. On Linux, install and unlock GNOME Keyring or KWallet (libsecret) to keep it between sessions.';

/** A token kept for this session only: why, as a code for the popup and in English for logs. */
type SessionOnlyStorage = TokenStorageInfo & Required<Pick<TokenStorageInfo, 'reason' | 'reasonCode'>>;

function sessionOnly(reasonCode: SessionOnlyStorage['reasonCode'], reason: string): SessionOnlyStorage {
  return { backend: 'memory', persisted: false, reason, reasonCode };
}

export interface VaultDeps {
  safeStorage: SafeStoragePort;
  store: KeyValueStore;
  platform: string;
  log?: Log;
}

function platformBackend(platform: string, safeStorage: SafeStoragePort): string {
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  return safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The vault as stored, with the ids of the damaged entries it dropped; null: no vault yet. */
type VaultRead = { data: VaultData; damaged: string[] } | 'invalid' | null;

function readVault(store: KeyValueStore): VaultRead {
  const raw = store.get(VAULT_KEY);
  if (raw === undefined || raw === null) return null;
  const parsed = vaultDataSchema.safeParse(raw);
  if (!parsed.success) return 'invalid';
  const { entries, damaged } = readEntries(parsed.data.accounts);
  const { version, activeAccountId } = parsed.data;
  return { data: { version, activeAccountId, accounts: entries }, damaged };
}

function writeVault(store: KeyValueStore, data: VaultData): void {
  if (Object.keys(data.accounts).length === 0) store.delete(VAULT_KEY);
  else store.set(VAULT_KEY, data);
}

function removeStoredAccount(store: KeyValueStore, accountId: string): void {
  const read = readVault(store);
  if (read === null || read === 'invalid') return;
  const { data } = read;
  if (!(accountId in data.accounts)) return;
  const { [accountId]: _removed, ...rest } = data.accounts;
  const ids = Object.keys(rest);
  writeVault(store, {
    version: data.version,
    accounts: rest,
    activeAccountId: data.activeAccountId === accountId ? (ids[0] ?? null) : data.activeAccountId,
  });
}

/** Where a token can be kept safely right now, or why it cannot. */
async function chooseStorage(safeStorage: SafeStoragePort, platform: string, log: Log): Promise<TokenStorageInfo> {
  let available = false;
  try {
    available = await safeStorage.isAsyncEncryptionAvailable();
  } catch (error) {
    log('warn', `safeStorage availability check failed: ${describeError(error)}`);
  }
  if (!available) return sessionOnly('encryption-unavailable', ENCRYPTION_UNAVAILABLE_REASON);
  const backend = platformBackend(platform, safeStorage);
  return platform === 'linux' ? linuxStorage(backend, safeStorage, log) : { backend, persisted: true };
}

/**
 * Linux: the key behind a probe's ciphertext decides (linux-keyring.ts), whatever the backend's label
 * says: a keyring's key persists (also on a desktop Chromium labels basic_text), the fixed key never
 * does. Only a tag this app does not know leaves it to the label, as before.
 */
async function linuxStorage(label: string, safeStorage: SafeStoragePort, log: Log): Promise<TokenStorageInfo> {
  let source: LinuxKeySource = 'unrecognized';
  try {
    source = linuxKeySource(await safeStorage.encryptStringAsync(KEY_PROBE_TEXT));
  } catch (error) {
    log('warn', `safeStorage could not encrypt the key probe: ${describeError(error)}`);
  }
  if (source === 'fixed-key') return sessionOnly('no-keyring', NO_KEYRING_REASON);
  if (source !== 'unrecognized')
    return {
      backend: KEYRING_LABELS.has(label) ? label : source === 'secret-portal' ? 'secret_portal' : 'secret_service',
      persisted: true,
    };
  if (label === 'basic_text') return sessionOnly('no-keyring', NO_KEYRING_REASON);
  if (label === 'unknown') return sessionOnly('unknown-backend', UNKNOWN_BACKEND_REASON);
  return { backend: label, persisted: true };
}

/** Why a sealed entry was refused, for the log (never the token or the address). */
const REFUSED_WORDS = {
  'other-address': 'names another address than the one its token was stored for',
  'other-account': 'holds the token of another account',
  'not-sealed': 'holds a token not bound to its address',
} as const;

/**
 * Decrypts the stored entries with a working keychain and opens each (vault-seal.ts): a rotated key or a
 * bare token of a version-1 vault is sealed again under the current key; an entry that cannot be read,
 * or whose address or id is not the one sealed with its token, is forgotten (nothing is sent with it).
 * `next`: the vault to write, null when nothing changed.
 */
async function decryptEntries(
  data: VaultData,
  entries: ReadonlyArray<[string, VaultEntry]>,
  safeStorage: SafeStoragePort,
  log: Log,
): Promise<{ accounts: StoredAccount[]; failed: string[]; next: VaultData | null }> {
  const accounts: StoredAccount[] = [];
  const failed: string[] = [];
  let changed = false;
  // A version-1 vault becomes version 2 once every entry in it is sealed.
  let allSealed = entries.length === Object.keys(data.accounts).length;
  const next: VaultData = { ...data, accounts: { ...data.accounts } };
  const forget = (id: string, why: string) => {
    log('warn', `Stored token for account ${id} ${why} and was forgotten.`);
    delete next.accounts[id];
    failed.push(id);
    changed = true;
  };
  for (const [id, entry] of entries) {
    let decrypted: { shouldReEncrypt: boolean; result: string };
    try {
      decrypted = await safeStorage.decryptStringAsync(Buffer.from(entry.ciphertext, 'base64'));
    } catch (error) {
      // The keychain works but cannot read this entry (keychain reset, profile copied to another
      // machine): the entry is useless; forget it.
      forget(id, `could not be decrypted (${describeError(error)})`);
      continue;
    }
    const opened = openSealed(decrypted.result, { id, baseUrl: entry.baseUrl }, data.version);
    if (!opened.ok) {
      forget(id, REFUSED_WORDS[opened.reason]);
      continue;
    }
    if (decrypted.shouldReEncrypt || opened.legacy) {
      // A rotated key or a bare token: seal it under the current key. If that fails (a keychain prompt
      // denied), the old ciphertext still reads: keep it and try again at the next start.
      try {
        const sealed = sealToken({ id, baseUrl: opened.baseUrl, token: opened.token });
        const ciphertext = await safeStorage.encryptStringAsync(sealed);
        next.accounts[id] = { ...entry, ciphertext: ciphertext.toString('base64') };
        changed = true;
      } catch (error) {
        log('warn', `Stored token for account ${id} was not re-encrypted: ${describeError(error)}`);
        if (opened.legacy) allSealed = false;
      }
    }
    accounts.push({
      account: { id, label: entry.label, baseUrl: opened.baseUrl },
      token: opened.token,
      storage: { backend: entry.backend, persisted: true },
    });
  }
  if (allSealed && next.version !== SEALED_VERSION) {
    next.version = SEALED_VERSION;
    changed = true;
  }
  if (!changed) return { accounts, failed, next: null };
  if (next.activeAccountId !== null && !(next.activeAccountId in next.accounts)) {
    next.activeAccountId = Object.keys(next.accounts)[0] ?? null;
  }
  return { accounts, failed, next };
}

/** What load reports: the accounts with the preferred one active, or why there are none. */
function loadResult(
  accounts: StoredAccount[],
  failed: string[],
  keptLocked: boolean,
  preferredId: string | null,
): VaultLoadResult {
  if (accounts.length === 0) {
    if (keptLocked) return { status: 'unavailable', message: KEYCHAIN_UNAVAILABLE_NOTICE.message };
    return failed.length > 0
      ? {
          status: 'decrypt-failed',
          message:
            'The saved API token could not be decrypted (the system keychain may have been reset) and has been removed. Please enter the token again.',
        }
      : { status: 'none' };
  }
  const active = accounts.find((a) => a.account.id === preferredId) ?? accounts[0]!;
  const result: VaultLoadResult = { status: 'ok', accounts, activeAccountId: active.account.id };
  if (failed.length > 0) result.forgotten = failed;
  if (keptLocked) result.locked = true;
  return result;
}

export function createTokenVault(deps: VaultDeps): TokenVault {
  const { safeStorage, store } = deps;
  const log = deps.log ?? (() => {});
  const storage = () => chooseStorage(safeStorage, deps.platform, log);
  // Tokens that could not be persisted live here for the session only.
  const sessionAccounts = new Map<string, StoredAccount>();
  let sessionActiveId: string | null = null;

  return {
    async load(): Promise<VaultLoadResult> {
      const read = readVault(store);
      const accounts: StoredAccount[] = [];
      const failed: string[] = [];
      let keptLocked = false;
      if (read === 'invalid') {
        store.delete(VAULT_KEY);
        log('warn', 'Token vault data was malformed and has been removed.');
        failed.push('(unreadable vault)');
      } else if (read !== null) {
        const { data, damaged } = read;
        if (damaged.length > 0) {
          // Only the damaged entries go; every readable token stays.
          log('warn', `Token vault entries of ${damaged.length} account(s) were malformed and have been removed.`);
          failed.push(...damaged);
          writeVault(store, data);
        }
        const pending = Object.entries(data.accounts).filter(([id]) => !sessionAccounts.has(id));
        // A keyring that is locked or not running yet (Linux login before the keyring daemon, basic_text
        // picked meanwhile) makes decryption fail or read garbage: that is not a broken entry. Check first
        // and keep the ciphertext for the next start.
        const unavailable = pending.length > 0 && !(await storage()).persisted;
        if (unavailable) {
          keptLocked = true;
          log('warn', 'The system keychain is not available now; the stored token is kept for the next start.');
        } else if (pending.length > 0) {
          const decrypted = await decryptEntries(data, pending, safeStorage, log);
          accounts.push(...decrypted.accounts);
          failed.push(...decrypted.failed);
          if (decrypted.next) writeVault(store, decrypted.next);
        }
      }
      accounts.push(...sessionAccounts.values());
      const stored = read !== null && read !== 'invalid' ? read.data.activeAccountId : null;
      return loadResult(accounts, failed, keptLocked, sessionActiveId ?? stored);
    },

    async save(account: AccountInfo, token: string): Promise<TokenStorageInfo> {
      let chosen = await storage();
      if (chosen.persisted) {
        try {
          const ciphertext = await safeStorage.encryptStringAsync(
            sealToken({ id: account.id, baseUrl: account.baseUrl, token }),
          );
          const current = readVault(store);
          // A version-1 vault stays one until load has sealed its older entries too.
          const base: VaultData =
            current === null || current === 'invalid'
              ? { version: SEALED_VERSION, activeAccountId: null, accounts: {} }
              : current.data;
          writeVault(store, {
            version: base.version,
            activeAccountId: account.id,
            accounts: {
              ...base.accounts,
              [account.id]: {
                label: account.label,
                baseUrl: account.baseUrl,
                ciphertext: ciphertext.toString('base64'),
                backend: chosen.backend,
              },
            },
          });
          sessionAccounts.delete(account.id);
          sessionActiveId = null;
          return chosen;
        } catch (error) {
          log('warn', `Encrypting the token failed; keeping it for this session only: ${describeError(error)}`);
          chosen = sessionOnly(
            'keychain-refused',
            `The system keychain refused to store the token (${describeError(error)}), so it is kept for this session only.`,
          );
        }
      }
      // The new token cannot be stored: it serves this session (it takes precedence in load) while the
      // older ciphertext, if any, stays on disk until a token can be stored in its place. Deleting it
      // here would lose a good token whenever the keychain is merely locked (forget() removes it).
      sessionAccounts.set(account.id, { account: { ...account }, token, storage: chosen });
      sessionActiveId = account.id;
      return chosen;
    },

    async forget(accountId: string): Promise<void> {
      sessionAccounts.delete(accountId);
      if (sessionActiveId === accountId) sessionActiveId = null;
      removeStoredAccount(store, accountId);
    },
  };
}
