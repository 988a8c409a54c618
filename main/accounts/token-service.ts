// The token's life in the main process: load it from the vault, check a new one against the API before
// storing it, forget it. The token is handed only to the client factory; AuthState (what the renderer
// learns) carries the account and where the token is kept, never the token.
import { VpsApiError, isVpsApiError } from '../api/errors';
import type { AccountInfo, AuthNotice, TokenStorageInfo } from '../../common/contract';
import type { StoredAccount, TokenVault } from '../ports';
import type { VpsClient } from '../api/client';
import { TokenStorageFailed } from '../errors';

/** The id of the account a token pasted in token setup goes to when no account is listed. */
export const DEFAULT_ACCOUNT_ID = 'default';

const REJECTED_TOKEN_MESSAGE = 'VPS.org did not accept this token. Check that it was copied completely.';

// Codes for the popup to translate; the English message is the fallback.
export const DECRYPT_FAILED_NOTICE: AuthNotice = {
  code: 'decrypt-failed',
  message: 'Your saved token could not be read (the system keychain may have been reset); please paste it again.',
};
export const KEYCHAIN_UNAVAILABLE_NOTICE: AuthNotice = {
  code: 'keychain-unavailable',
  message:
    'The system keychain is locked or not running, so the saved token cannot be read now. It is kept and tried again at the next start; paste the token to use it for this session.',
};
export const TOKEN_REJECTED_NOTICE: AuthNotice = {
  code: 'token-rejected',
  message: 'VPS.org rejected the saved token (revoked?). Paste a new token to continue.',
};

export interface ActiveAccount {
  account: AccountInfo;
  token: string;
  storage: TokenStorageInfo;
}

/** What the vault holds: the readable tokens, the ids it had to forget, and a notice when none is readable. */
interface LoadedTokens {
  stored: ActiveAccount[];
  forgotten: string[];
  /** Nothing could be read: decrypt-failed (forgotten) or keychain-unavailable (kept for the next start). */
  notice: AuthNotice | null;
  /** Some tokens could not be read now (keychain locked): they are kept for the next start. */
  locked: boolean;
}

export interface TokenServiceDeps {
  vault: TokenVault;
  createApi: (baseUrl: string, token: string) => VpsClient;
  /** Where a new token is checked and used: settings.apiBaseUrl at the time it is set. */
  baseUrl: () => string;
}

export interface TokenService {
  load(): Promise<LoadedTokens>;
  /**
   * Checks the token with one list request, then stores it for `account` (id and label). Throws
   * VpsApiError / TokenStorageFailed; stores nothing then.
   */
  setToken(account: { id: string; label: string }, token: string): Promise<ActiveAccount>;
  forget(accountId: string): Promise<void>;
}

export function createTokenService(deps: TokenServiceDeps): TokenService {
  return {
    async load() {
      let loaded;
      try {
        loaded = await deps.vault.load();
      } catch {
        // The vault itself failed (its file could not be read or written): nothing is known of the
        // tokens, so they are kept for the next start like a locked keychain's, never given up.
        return { stored: [], forgotten: [], notice: KEYCHAIN_UNAVAILABLE_NOTICE, locked: true };
      }
      if (loaded.status === 'none') return { stored: [], forgotten: [], notice: null, locked: false };
      if (loaded.status === 'decrypt-failed')
        return { stored: [], forgotten: [], notice: DECRYPT_FAILED_NOTICE, locked: false };
      if (loaded.status === 'unavailable')
        return { stored: [], forgotten: [], notice: KEYCHAIN_UNAVAILABLE_NOTICE, locked: true };
      const stored = loaded.accounts.map((entry: StoredAccount): ActiveAccount => ({
        account: entry.account,
        token: entry.token,
        storage: entry.storage,
      }));
      // The vault's own favourite first: before several accounts, it was the one account.
      stored.sort(
        (a, b) => Number(b.account.id === loaded.activeAccountId) - Number(a.account.id === loaded.activeAccountId),
      );
      return { stored, forgotten: loaded.forgotten ?? [], notice: null, locked: loaded.locked === true };
    },

    async setToken(named, token) {
      const baseUrl = deps.baseUrl();
      const api = deps.createApi(baseUrl, token);
      try {
        await api.listServers();
      } catch (error) {
        if (isVpsApiError(error) && error.kind === 'unauthorized') {
          throw new VpsApiError('unauthorized', REJECTED_TOKEN_MESSAGE, { status: error.status ?? 401 });
        }
        throw error;
      }
      const account: AccountInfo = { id: named.id, label: named.label, baseUrl };
      let storage: TokenStorageInfo;
      try {
        storage = await deps.vault.save(account, token);
      } catch {
        throw new TokenStorageFailed();
      }
      return { account, token, storage };
    },

    async forget(accountId) {
      await deps.vault.forget(accountId);
    },
  };
}
