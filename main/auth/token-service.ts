// The token's life in the main process: load it from the vault, check a new one against the API before
// storing it, forget it. The token is handed only to the client factory; AuthState (what the renderer
// learns) carries the account and where the token is kept, never the token.
import { VpsApiError, isVpsApiError } from '../api/errors';
import type { AccountInfo, AuthNotice, AuthState, TokenInput, TokenStorageInfo } from '../../common/contract';
import type { StoredAccount, TokenVault } from '../ports';
import type { FleetApi } from '../fleet/api';
import { TokenStorageFailed } from '../errors';

/** Accounts are keyed by id; one account for now, the data model takes several. */
export const DEFAULT_ACCOUNT_ID = 'default';
export const DEFAULT_ACCOUNT_LABEL = 'VPS.org';

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

export type LoadedAuth = { state: AuthState; active: ActiveAccount | null };

export interface TokenServiceDeps {
  vault: TokenVault;
  createApi: (baseUrl: string, token: string) => FleetApi;
  /** Where a new token is checked and used: settings.apiBaseUrl at the time it is set. */
  baseUrl: () => string;
}

export interface TokenService {
  load(): Promise<LoadedAuth>;
  /** Checks the token with one list request, then stores it. Throws VpsApiError / TokenStorageFailed; stores nothing then. */
  setToken(input: TokenInput): Promise<ActiveAccount>;
  forget(accountId: string): Promise<void>;
}

export function authStateOf(active: ActiveAccount): AuthState {
  return { mode: 'token', account: { ...active.account }, storage: { ...active.storage } };
}

export function createTokenService(deps: TokenServiceDeps): TokenService {
  return {
    async load() {
      let loaded;
      try {
        loaded = await deps.vault.load();
      } catch {
        return { state: { mode: 'none', notice: DECRYPT_FAILED_NOTICE }, active: null };
      }
      if (loaded.status === 'none') return { state: { mode: 'none' }, active: null };
      if (loaded.status === 'decrypt-failed')
        return { state: { mode: 'none', notice: DECRYPT_FAILED_NOTICE }, active: null };
      if (loaded.status === 'unavailable')
        return { state: { mode: 'none', notice: KEYCHAIN_UNAVAILABLE_NOTICE }, active: null };
      const chosen: StoredAccount | undefined =
        loaded.accounts.find((stored) => stored.account.id === loaded.activeAccountId) ?? loaded.accounts[0];
      if (!chosen) return { state: { mode: 'none' }, active: null };
      const active: ActiveAccount = { account: chosen.account, token: chosen.token, storage: chosen.storage };
      return { state: authStateOf(active), active };
    },

    async setToken(input) {
      const baseUrl = deps.baseUrl();
      const api = deps.createApi(baseUrl, input.token);
      try {
        await api.listServers();
      } catch (error) {
        if (isVpsApiError(error) && error.kind === 'unauthorized') {
          throw new VpsApiError(
            'unauthorized',
            'VPS.org did not accept this token. Check that it was copied completely.',
            {
              status: error.status ?? 401,
            },
          );
        }
        throw error;
      }
      const account: AccountInfo = { id: DEFAULT_ACCOUNT_ID, label: input.label ?? DEFAULT_ACCOUNT_LABEL, baseUrl };
      let storage: TokenStorageInfo;
      try {
        storage = await deps.vault.save(account, input.token);
      } catch {
        throw new TokenStorageFailed();
      }
      return { account, token: input.token, storage };
    },

    async forget(accountId) {
      await deps.vault.forget(accountId);
    },
  };
}
