// The accounts list (settings) and the tokens (vault) kept in step. The list is the source of truth for
// ids, labels and order; the vault holds one token per id. Before several accounts, the vault alone held
// the one token account (with its label): `listVaultAccounts` carries such entries over into the list.
import { ACCOUNT_LABEL_MAX_LENGTH, checkAccountLabel } from '../../common/rules';
import type { AccountSetting } from '../../common/settings';

/** The label an account gets when none was given (and the label of the single account before v2). */
export const DEFAULT_ACCOUNT_LABEL = 'VPS.org';

/** A label for a carried-over entry: its own when usable, else "VPS.org"; made unique by a number. */
function carriedOverLabel(label: string, taken: readonly AccountSetting[]): string {
  const own = label.trim().slice(0, ACCOUNT_LABEL_MAX_LENGTH).trim();
  const base = own === '' ? DEFAULT_ACCOUNT_LABEL : own;
  if (checkAccountLabel(base, taken) === null) return base;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const candidate = `${base.slice(0, ACCOUNT_LABEL_MAX_LENGTH - suffix.length).trim()}${suffix}`;
    if (checkAccountLabel(candidate, taken) === null) return candidate;
  }
}

/**
 * The accounts list with every vault entry it does not list yet appended (the upgrade from one account
 * kept in the vault only). Idempotent: a second run changes nothing. `changed` says whether to save.
 */
export function listVaultAccounts(
  listed: readonly AccountSetting[],
  stored: readonly { id: string; label: string }[],
): { accounts: AccountSetting[]; changed: boolean } {
  const accounts = listed.map((account) => ({ ...account }));
  for (const entry of stored) {
    if (accounts.some((account) => account.id === entry.id)) continue;
    accounts.push({ id: entry.id, label: carriedOverLabel(entry.label, accounts) });
  }
  return { accounts, changed: accounts.length !== listed.length };
}
