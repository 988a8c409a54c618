// Who is signed in: a token, the demo, or nobody. A change of account starts the fleet afresh and
// takes the drafts of other accounts with it; the token itself goes to main once and never comes back.
import { batch, signal } from '@preact/signals';
import type { VpsBridge } from '../../common/bridge';
import type { AuthState, Result } from '../../common/contract';
import type { Drafts } from './drafts';
import type { LiveFleet } from './live-fleet';
import type { Navigation } from './navigation';
import type { Power } from './power';
import { readOnly } from './read-only';
import type { RowNotices } from './row-notices';

export interface AuthDeps {
  bridge: VpsBridge;
  fleet: Pick<LiveFleet, 'subscribe' | 'clear' | 'has'>;
  drafts: Pick<Drafts, 'dropAllAccounts' | 'dropOtherAccounts' | 'dropEditsOfGoneServers'>;
  navigation: Pick<Navigation, 'resetToList' | 'showFlash'>;
  notices: Pick<RowNotices, 'clear'>;
  power: Pick<Power, 'cancelConfirmation'>;
}

export function createAuth({ bridge, fleet, drafts, navigation, notices, power }: AuthDeps) {
  /** null until main answered. */
  const state = signal<AuthState | null>(null);

  /** Nothing of the previous account's fleet stays on screen. */
  function leaveFleet(): void {
    batch(() => {
      fleet.clear();
      navigation.resetToList();
      notices.clear();
      power.cancelConfirmation();
    });
  }

  async function subscribeFleet(): Promise<void> {
    if (!(await fleet.subscribe())) return;
    // A full list: servers deleted while no popup was open lose their drafts now.
    const current = state.value;
    if (current && current.mode !== 'none') drafts.dropEditsOfGoneServers(current.account.id, fleet.has);
  }

  /** Adopts main's auth state (an answer, or its broadcast). */
  async function apply(next: AuthState): Promise<void> {
    const previous = state.value;
    state.value = next;
    if (next.mode === 'none') {
      // Signed out (or the token is gone): its drafts go too. A locked keychain keeps the token, and so the drafts.
      if (next.notice?.code !== 'keychain-unavailable') drafts.dropAllAccounts();
      // A repeated "no token" (e.g. re-sent by main) must not pull the user out of Settings.
      if (previous?.mode !== 'none') leaveFleet();
      return;
    }
    const sameAccount = previous && previous.mode !== 'none' && previous.account.id === next.account.id;
    // With several accounts, the drafts of every listed one stay.
    if (next.mode === 'token' && next.accounts) drafts.dropOtherAccounts(next.accounts.map((account) => account.id));
    if (!sameAccount) {
      if (next.mode !== 'token' || !next.accounts) drafts.dropOtherAccounts(next.account.id);
      if (previous && previous.mode !== 'none') leaveFleet();
      await subscribeFleet();
    }
  }

  /** Adopts the state a sign-in or sign-out answered with. */
  async function applyResult(result: Result<AuthState>): Promise<Result<AuthState>> {
    if (result.ok) await apply(result.value);
    return result;
  }

  return {
    state: readOnly(state),
    apply,

    /** Sends a pasted token to main (trimmed by the caller). */
    async saveToken(token: string): Promise<Result<AuthState>> {
      const result = await bridge.token.set({ token });
      // The list says once where the token went (a session-only token gets its own lasting banner).
      if (result.ok && result.value.mode === 'token' && result.value.storage.persisted)
        navigation.showFlash({ kind: 'token-stored', backend: result.value.storage.backend });
      return applyResult(result);
    },

    startDemo: async (): Promise<Result<AuthState>> => applyResult(await bridge.demo.start()),

    /** Leaves the demo for a real account (token setup). */
    leaveDemo: async (): Promise<Result<AuthState>> => applyResult(await bridge.demo.stop()),

    /** Leaves the demo, or forgets the stored token. */
    async signOut(): Promise<Result<AuthState>> {
      return applyResult(await (state.value?.mode === 'demo' ? bridge.demo.stop() : bridge.token.clear()));
    },
  };
}

export type Auth = ReturnType<typeof createAuth>;
