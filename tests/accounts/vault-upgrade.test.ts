// The upgrade from one account (kept in the vault only) to the accounts list in the settings.
import { describe, expect, it } from 'vitest';
import { listVaultAccounts } from '../../main/accounts/vault-upgrade';
import { settingsSchema } from '../../main/settings/schema';

describe('carrying vault accounts over into the accounts list', () => {
  it('the old token becomes the first account, with its label', () => {
    expect(listVaultAccounts([], [{ id: 'default', label: 'Work' }])).toEqual({
      accounts: [{ id: 'default', label: 'Work' }],
      changed: true,
    });
  });

  it('an old entry without a usable label is called "VPS.org"', () => {
    expect(listVaultAccounts([], [{ id: 'default', label: '   ' }]).accounts).toEqual([
      { id: 'default', label: 'VPS.org' },
    ]);
  });

  it('is idempotent: a second run changes nothing', () => {
    const first = listVaultAccounts([], [{ id: 'default', label: 'VPS.org' }]);
    const second = listVaultAccounts(first.accounts, [{ id: 'default', label: 'VPS.org' }]);
    expect(second).toEqual({ accounts: first.accounts, changed: false });
  });

  it('keeps the listed accounts (their labels win) and appends the unlisted ones with unique labels', () => {
    const listed = [{ id: 'a', label: 'VPS.org' }];
    const stored = [
      { id: 'a', label: 'old label' },
      { id: 'b', label: 'vps.org' },
      { id: 'c', label: 'x'.repeat(60) },
    ];
    expect(listVaultAccounts(listed, stored).accounts).toEqual([
      { id: 'a', label: 'VPS.org' },
      { id: 'b', label: 'vps.org 2' },
      { id: 'c', label: 'x'.repeat(40) },
    ]);
  });
});

describe('the accounts list in the settings file', () => {
  it('defaults to no accounts (settings from before several accounts)', () => {
    expect(settingsSchema.parse({ language: 'cs' }).accounts).toEqual([]);
  });

  it('a damaged entry is left out; the other accounts and settings are kept', () => {
    const parsed = settingsSchema.parse({
      language: 'cs',
      accounts: [
        { id: 'a', label: 'Work' },
        { id: 'b' },
        'nonsense',
        { id: 'c', label: '' },
        { id: 'a', label: 'Duplicate id' },
        { id: 'd', label: ' Personal ' },
      ],
    });
    expect(parsed.accounts).toEqual([
      { id: 'a', label: 'Work' },
      { id: 'd', label: 'Personal' },
    ]);
    expect(parsed.language).toBe('cs');
  });
});
