// Back to what the vault holds (at start, and when the user leaves the demo).
import type { AuthNotice } from '../../common/contract';
import type { SettingsAccess } from '../features/settings';
import type { AccountList } from './list';
import type { SessionOpening } from './opening';
import type { AccountRecords } from './records';
import { DECRYPT_FAILED_NOTICE, KEYCHAIN_UNAVAILABLE_NOTICE, type TokenService } from './token-service';
import { listVaultAccounts } from './vault-upgrade';

export interface ResumeDeps {
  records: AccountRecords;
  list: AccountList;
  opening: SessionOpening;
  tokens: TokenService;
  settings: SettingsAccess;
  /** Why no token at all could be read (the vault's notice, or null): told before any session opens. */
  onLoaded: (notice: AuthNotice | null) => void;
}

/**
 * Every stored token's session, else the demo when asked for and the settings want it (nothing stored
 * and nothing to tell the user), else token setup with any notice. Vault entries the list does not name
 * yet join it (the upgrade from one account); listed accounts whose token is gone leave it, told once.
 */
export async function resumeFromVault(deps: ResumeDeps, options: { demoWhenEmpty: boolean }): Promise<void> {
  const { records, list, opening } = deps;
  const loaded = await deps.tokens.load();
  deps.onLoaded(loaded.notice);
  const readable = new Set(loaded.stored.map((entry) => entry.account.id));
  const merged = listVaultAccounts(
    list.current(),
    loaded.stored.map((entry) => entry.account),
  ).accounts.filter((account) => {
    if (readable.has(account.id)) return true;
    if (loaded.locked) {
      records.setNotice(account.id, KEYCHAIN_UNAVAILABLE_NOTICE);
      return true;
    }
    records.markLost(account.id, DECRYPT_FAILED_NOTICE);
    return false;
  });
  list.save(merged);
  const anyLost = records.all().some((record) => record.place === 'lost');
  // A notice means a token was stored: the user has an account, so no later start opens the demo
  // either (a token that could not be decrypted is gone by the next start).
  if (loaded.stored.length === 0 && (loaded.notice || anyLost)) list.rememberDemoChoice(false);
  for (const active of loaded.stored) if (!records.sessions.get(active.account.id)) await opening.openToken(active);
  const nothingToTell = !loaded.notice && records.all().every((record) => !record.notice);
  if (records.sessions.size === 0 && options.demoWhenEmpty && deps.settings.get().demoMode && nothingToTell)
    await opening.openDemo();
}
