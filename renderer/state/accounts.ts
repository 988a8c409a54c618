// The token accounts: the list main reports in the auth state, and adding (the token goes to main once,
// is checked there against VPS.org, and never comes back), renaming and removing one.
import { computed } from '@preact/signals';
import type { VpsBridge } from '../../common/bridge';
import type { AccountState, AuthState, Result } from '../../common/contract';
import type { Auth } from './auth';
import type { Filters } from './filters';

export interface AccountsDeps {
  bridge: VpsBridge;
  auth: Pick<Auth, 'state' | 'apply'>;
  filters: Pick<Filters, 'account' | 'setAccount'>;
}

export function createAccounts({ bridge, auth, filters }: AccountsDeps) {
  const list = computed((): readonly AccountState[] => {
    const state = auth.state.value;
    return state?.mode === 'token' ? (state.accounts ?? []) : [];
  });
  /** Account id -> label, while there is more than one account (one account needs no label on rows). */
  const labels = computed((): ReadonlyMap<string, string> | null =>
    list.value.length > 1 ? new Map(list.value.map((account) => [account.id, account.label])) : null,
  );

  async function adopt(result: Result<AuthState>): Promise<Result<AuthState>> {
    if (result.ok) await auth.apply(result.value);
    return result;
  }

  return {
    list,
    labels,
    /** Label trimmed by main; a refused label or token comes back as field violations. */
    add: async (label: string, token: string) => adopt(await bridge.accounts.add({ label, token: token.trim() })),
    rename: async (id: string, label: string) => adopt(await bridge.accounts.rename({ id, label })),
    async remove(id: string): Promise<Result<AuthState>> {
      const result = await adopt(await bridge.accounts.remove({ id }));
      // Its servers are gone: a filter by it would show nothing.
      if (result.ok && filters.account.value === id) filters.setAccount('');
      return result;
    },
  };
}
