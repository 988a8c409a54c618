// What the popup and the tray learn of the accounts (AuthState): read from the records, never a token.
import type { AccountState, AuthNotice, AuthState } from '../../common/contract';
import type { AccountRecords } from './records';

/** Every listed account (its storage only while polled), then the lost ones. */
function accountStates(records: AccountRecords): AccountState[] {
  const all = records.all();
  return [
    ...all
      .filter((record) => record.place === 'listed')
      .map((record) => {
        const state: AccountState = { id: record.id, label: record.label };
        if (record.storage && record.session) state.storage = { ...record.storage };
        if (record.notice) state.notice = record.notice;
        return state;
      }),
    ...all.flatMap((record): AccountState[] =>
      record.place === 'lost' && record.notice ? [{ id: record.id, label: record.label, notice: record.notice }] : [],
    ),
  ];
}

/**
 * The demo when it runs; else the first listed account polled (with the whole list); else token setup
 * with why (`vaultNotice`: no token at all could be read at the last load), if any.
 */
export function authStateOf(records: AccountRecords, vaultNotice: AuthNotice | null): AuthState {
  const demo = records.sessions.list().find((session) => session.kind === 'demo');
  if (demo) return { mode: 'demo', account: demo.account };
  const primary = records.all().find((record) => record.place === 'listed' && record.session?.kind === 'token');
  if (primary?.session && primary.storage) {
    return {
      mode: 'token',
      account: { ...primary.session.account, label: primary.label },
      storage: { ...primary.storage },
      accounts: accountStates(records),
    };
  }
  const notice = vaultNotice ?? accountStates(records).find((account) => account.notice)?.notice;
  return notice ? { mode: 'none', notice } : { mode: 'none' };
}
