// The accounts' part of the settings, written only here: the accounts list (settings.accounts, the
// records' list part), the labels checked against it, and whether a start without a token opens the demo.
import { checkAccountLabel } from '../../common/rules';
import type { AccountSetting } from '../../common/settings';
import { alertsWithoutAccount } from '../alerts/account-settings';
import { InvalidFields } from '../errors';
import type { SettingsAccess } from '../features/settings';
import type { AccountRecords } from './records';

export interface AccountList {
  /** The list as it is now (the records', which the settings hold). */
  current(): AccountSetting[];
  /** Saves the list (only when it changed); the records follow what the settings kept. */
  save(accounts: AccountSetting[]): void;
  /** The trimmed label; InvalidFields when empty, too long or taken by `others` or a lost account. */
  checkedLabel(label: string, others: readonly AccountSetting[]): string;
  /** Whether a start without a stored token opens the demo; an open Settings view follows the change. */
  rememberDemoChoice(demoMode: boolean): void;
  /** Takes a removed account's alert settings out. */
  dropAlertsOf(id: string): void;
}

export function createAccountList(records: AccountRecords, settings: SettingsAccess): AccountList {
  // The list the settings hold at creation: accounts are known before the vault is read.
  records.setList(settings.get().accounts);
  return {
    current: records.listed,
    save(accounts) {
      const saved = settings.get().accounts;
      const same =
        accounts.length === saved.length &&
        accounts.every((account, i) => account.id === saved[i]?.id && account.label === saved[i]?.label);
      if (!same) settings.change({ accounts });
      records.setList(settings.get().accounts);
    },
    checkedLabel(label, others) {
      const lost = records.all().filter((record) => record.place === 'lost');
      const violation = checkAccountLabel(label, [...others, ...lost]);
      if (violation) throw new InvalidFields({ label: [violation] });
      return label.trim();
    },
    rememberDemoChoice(demoMode) {
      if (settings.get().demoMode !== demoMode) settings.change({ demoMode });
    },
    dropAlertsOf(id) {
      settings.change({ alerts: alertsWithoutAccount(settings.get().alerts, id) });
    },
  };
}
