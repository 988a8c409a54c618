// Who the app talks to: the token accounts (each checked, stored, polled on its own, renamed, removed)
// or the demo, and the sessions that go with them. Owns the auth state the popup and the tray show, and
// going back to what the vault holds (at start, and when the user leaves the demo). The accounts list
// lives in the settings (ids and labels), the tokens in the vault; changes run one at a time.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  EventChannel,
  InvokeChannel,
  type AccountState,
  type AuthNotice,
  type AuthState,
  type EventContract,
  type InvokeRequest,
  type TokenStorageInfo,
} from '../../common/contract';
import type { Log } from '../../common/log';
import { checkAccountLabel, describeViolations, validateToken } from '../../common/rules';
import type { AccountSetting } from '../../common/settings';
import { alertsWithoutAccount } from '../alerts/account-settings';
import { isVpsApiError } from '../api/errors';
import { DEFAULT_ACCOUNT_LABEL, listVaultAccounts } from '../auth/accounts';
import {
  DECRYPT_FAILED_NOTICE,
  DEFAULT_ACCOUNT_ID,
  KEYCHAIN_UNAVAILABLE_NOTICE,
  TOKEN_REJECTED_NOTICE,
  type ActiveAccount,
  type TokenService,
} from '../auth/token-service';
import { InvalidFields, UnknownAccount } from '../errors';
import type { EventListener } from '../event-bus';
import type { VpsClient } from '../api/client';
import type { DemoSession } from '../fleet/demo';
import type { RouterHandlers } from '../ipc/router';
import { invalid, takesNoPayload, withSchema, type PayloadValidators, type Validation } from '../ipc/validators';
import type { SessionCollection } from '../sessions/collection';
import type { Session, SessionSpec } from '../sessions/session';
import type { SettingsAccess } from './settings';

type AuthChannel =
  | typeof InvokeChannel.authState
  | typeof InvokeChannel.tokenSet
  | typeof InvokeChannel.tokenClear
  | typeof InvokeChannel.demoStart
  | typeof InvokeChannel.demoStop
  | typeof InvokeChannel.accountAdd
  | typeof InvokeChannel.accountRename
  | typeof InvokeChannel.accountRemove;

// The token's own rule (length, alphabet; a pasted token is trimmed) is common/rules.ts' checkToken.
const tokenInputSchema = z.object({ token: z.string(), label: z.string().trim().min(1).max(100).optional() }).strict();

/** Labels are checked by the account rules in the handler (they depend on the other accounts). */
const labelSchema = z.string().max(1000);
const accountIdSchema = z.string().min(1).max(100);

// A fixed message: zod's text could echo part of what was pasted.
const TOKEN_SHAPE_MESSAGE = 'Expected a token (text) and optionally a label.';

/**
 * A token that breaks its rule, refused before anything is sent: the violation as a code under `token`,
 * for the form to say why in the user's language (never the token itself).
 */
function checkedToken(token: string): Validation<string> {
  const checked = validateToken(token);
  if (checked.ok) return { ok: true, value: checked.value };
  return {
    ok: false,
    error: {
      kind: 'invalid-payload',
      message: `The token was not sent: ${describeViolations(checked.violations).token?.join(' ') ?? ''}`.trim(),
      fieldErrors: describeViolations(checked.violations),
      fieldViolations: checked.violations,
    },
  };
}

export const authValidators: Pick<PayloadValidators, AuthChannel> = {
  [InvokeChannel.authState]: takesNoPayload,
  [InvokeChannel.tokenSet]: (payload) => {
    const parsed = tokenInputSchema.safeParse(payload);
    if (!parsed.success) return invalid(TOKEN_SHAPE_MESSAGE);
    const token = checkedToken(parsed.data.token);
    if (!token.ok) return token;
    const value: InvokeRequest<typeof InvokeChannel.tokenSet> = { token: token.value };
    if (parsed.data.label !== undefined) value.label = parsed.data.label;
    return { ok: true, value };
  },
  [InvokeChannel.tokenClear]: takesNoPayload,
  [InvokeChannel.demoStart]: takesNoPayload,
  [InvokeChannel.demoStop]: takesNoPayload,
  [InvokeChannel.accountAdd]: (payload) => {
    const parsed = z.object({ label: labelSchema, token: z.string() }).strict().safeParse(payload);
    if (!parsed.success) return invalid(TOKEN_SHAPE_MESSAGE);
    const token = checkedToken(parsed.data.token);
    return token.ok ? { ok: true, value: { label: parsed.data.label, token: token.value } } : token;
  },
  [InvokeChannel.accountRename]: withSchema(z.object({ id: accountIdSchema, label: labelSchema }).strict()),
  [InvokeChannel.accountRemove]: withSchema(z.object({ id: accountIdSchema }).strict()),
};

export interface AuthFeatureDeps {
  tokens: TokenService;
  sessions: SessionCollection;
  /** Builds a session (not started yet). */
  createSession: (spec: SessionSpec) => Session;
  /** A client for an account; the token becomes a secret to redact. */
  createApi: (baseUrl: string, token: string) => VpsClient;
  startDemo: () => Promise<DemoSession>;
  settings: SettingsAccess;
  /** A secret no text leaving the main process may carry. */
  addSecret: (secret: string) => void;
  emit: EventListener<EventContract>;
  log: Log;
  /** A new account's id. Default: a random UUID (an id is never reused, so nothing keyed by it carries over). */
  newAccountId?: () => string;
}

export interface AuthFeature {
  handlers: Pick<RouterHandlers, AuthChannel>;
  state(): AuthState;
  /** Opens the vault's account (or the demo when `demo`, or settings.demoMode and no token). */
  start(options: { demo?: boolean }): Promise<void>;
  /** Closes every session. */
  stop(): Promise<void>;
}

/** An account whose token could not be read and was forgotten: shown (this session) until removed. */
interface LostAccount {
  label: string;
  notice: AuthNotice;
}

export function createAuthFeature(deps: AuthFeatureDeps): AuthFeature {
  const { sessions, tokens, settings } = deps;
  const newAccountId = deps.newAccountId ?? randomUUID;
  const storage = new Map<string, TokenStorageInfo>();
  /** Why a listed account is not polled (token rejected, keychain locked). */
  const notices = new Map<string, AuthNotice>();
  const lost = new Map<string, LostAccount>();
  /** Why no token at all could be read at the last load. */
  let vaultNotice: AuthNotice | null = null;
  let auth: AuthState = { mode: 'none' };

  const listed = (): AccountSetting[] => settings.get().accounts;
  const sessionOfKind = (kind: Session['kind']) => sessions.list().find((session) => session.kind === kind);

  const accountStates = (): AccountState[] => [
    ...listed().map((account) => {
      const state: AccountState = { id: account.id, label: account.label };
      const kept = storage.get(account.id);
      if (kept && sessions.get(account.id)) state.storage = { ...kept };
      const notice = notices.get(account.id);
      if (notice) state.notice = notice;
      return state;
    }),
    ...[...lost].map(([id, account]): AccountState => ({ id, label: account.label, notice: account.notice })),
  ];

  const computeState = (): AuthState => {
    const demo = sessionOfKind('demo');
    if (demo) return { mode: 'demo', account: demo.account };
    const primary = listed().find((account) => sessions.get(account.id)?.kind === 'token');
    const session = primary && sessions.get(primary.id);
    const kept = primary && storage.get(primary.id);
    if (primary && session && kept) {
      return {
        mode: 'token',
        account: { ...session.account, label: primary.label },
        storage: { ...kept },
        accounts: accountStates(),
      };
    }
    const notice = vaultNotice ?? accountStates().find((account) => account.notice)?.notice;
    return notice ? { mode: 'none', notice } : { mode: 'none' };
  };

  const publish = () => {
    auth = computeState();
    deps.emit(EventChannel.authChanged, auth);
  };

  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };

  const endSession = (session: Session): Promise<void> => {
    sessions.remove(session);
    return session.end();
  };
  const closeAll = async () => {
    await Promise.all(sessions.list().map(endSession));
  };

  const openSession = (spec: SessionSpec) => {
    const session = deps.createSession(spec);
    session.onRejected(() => {
      // 401 while polling: the token is kept in the vault (the user may fix the account and restart,
      // or paste a new token which replaces it) but this account's session ends; the others go on.
      if (sessions.get(session.account.id) !== session) return;
      deps.log('warn', `VPS.org rejected the token of account ${session.account.id}; polling stopped.`);
      void endSession(session);
      if (session.kind === 'token') notices.set(session.account.id, TOKEN_REJECTED_NOTICE);
      publish();
    });
    sessions.add(session);
    session.start();
  };

  /** Opens (or reopens) an account's session; the label is the list's. */
  const openTokenSession = async (active: ActiveAccount) => {
    const { account, token } = active;
    const previous = sessions.get(account.id);
    if (previous) await endSession(previous);
    const label = listed().find((entry) => entry.id === account.id)?.label ?? account.label;
    storage.set(account.id, { ...active.storage });
    notices.delete(account.id);
    lost.delete(account.id);
    openSession({ kind: 'token', account: { ...account, label }, api: deps.createApi(account.baseUrl, token) });
  };

  const openDemoSession = async () => {
    const demo = await deps.startDemo();
    openSession({ kind: 'demo', account: demo.account, api: demo.api, close: demo.close });
  };

  /** Whether a start without a stored token opens the demo; an open Settings view follows the change. */
  const rememberDemoChoice = (demoMode: boolean) => {
    if (settings.get().demoMode !== demoMode) settings.change({ demoMode });
  };

  const saveList = (accounts: AccountSetting[]) => {
    const current = listed();
    const same =
      accounts.length === current.length &&
      accounts.every((account, i) => account.id === current[i]?.id && account.label === current[i]?.label);
    if (!same) settings.change({ accounts });
  };

  /**
   * Back to what the vault holds: every stored token's session, else the demo when asked for and the
   * settings want it (nothing stored and nothing to tell the user), else token setup with any notice.
   * Vault entries the list does not name yet join it (the upgrade from one account); listed accounts
   * whose token is gone leave it, told once.
   */
  const resumeFromVault = async (options: { demoWhenEmpty: boolean }) => {
    const loaded = await tokens.load();
    vaultNotice = loaded.notice;
    const readable = new Set(loaded.stored.map((entry) => entry.account.id));
    const keptLocked = loaded.locked;
    const merged = listVaultAccounts(
      listed(),
      loaded.stored.map((entry) => entry.account),
    ).accounts.filter((account) => {
      if (readable.has(account.id)) return true;
      if (keptLocked) {
        notices.set(account.id, KEYCHAIN_UNAVAILABLE_NOTICE);
        return true;
      }
      lost.set(account.id, { label: account.label, notice: DECRYPT_FAILED_NOTICE });
      return false;
    });
    saveList(merged);
    // A notice means a token was stored: the user has an account, so no later start opens the demo
    // either (a token that could not be decrypted is gone by the next start).
    if (loaded.stored.length === 0 && (loaded.notice || lost.size > 0)) rememberDemoChoice(false);
    for (const active of loaded.stored) if (!sessions.get(active.account.id)) await openTokenSession(active);
    const nothingToTell = !loaded.notice && lost.size === 0 && notices.size === 0;
    if (sessions.size === 0 && options.demoWhenEmpty && settings.get().demoMode && nothingToTell)
      await openDemoSession();
    publish();
  };

  /** A token stored for an account: leaves the demo (resuming every stored account) or (re)opens it. */
  const useStoredToken = async (active: ActiveAccount) => {
    vaultNotice = null;
    const demo = sessionOfKind('demo');
    if (demo) {
      await endSession(demo);
      // The user has an account now: later starts without a token show token setup, not the demo.
      rememberDemoChoice(false);
      await resumeFromVault({ demoWhenEmpty: false });
    } else {
      await openTokenSession(active);
      publish();
    }
  };

  /** Checks a new account's token (one list request) and stores it; a rejected token is a field error. */
  const storeToken = async (account: AccountSetting, token: string): Promise<ActiveAccount> => {
    deps.addSecret(token);
    try {
      return await tokens.setToken(account, token);
    } catch (error) {
      if (isVpsApiError(error) && error.kind === 'unauthorized') throw new InvalidFields({ token: ['token-rejected'] });
      throw error;
    }
  };

  const checkedLabel = (label: string, others: readonly AccountSetting[]): string => {
    const violation = checkAccountLabel(label, [...others, ...lost.values()]);
    if (violation) throw new InvalidFields({ label: [violation] });
    return label.trim();
  };

  /** Ends the account's session, forgets its token and takes it off the list. */
  const removeAccount = async (id: string) => {
    const session = sessions.get(id);
    if (session?.kind === 'token') await endSession(session);
    await tokens.forget(id);
    saveList(listed().filter((account) => account.id !== id));
    settings.change({ alerts: alertsWithoutAccount(settings.get().alerts, id) });
    storage.delete(id);
    notices.delete(id);
    lost.delete(id);
  };

  return {
    handlers: {
      // No side effect: the popup asks this whenever it likes (the ready handshake is popupReady's).
      [InvokeChannel.authState]: () => auth,
      [InvokeChannel.tokenSet]: (input) =>
        serial(async () => {
          // Token setup: the token goes to the first account not polled (e.g. one whose token was
          // rejected), else replaces the primary one; with no account yet, it makes the first.
          const current = listed();
          const target = current.find((account) => !sessions.get(account.id)) ?? current[0];
          const account = {
            id: target?.id ?? DEFAULT_ACCOUNT_ID,
            label: input.label ?? target?.label ?? DEFAULT_ACCOUNT_LABEL,
          };
          // Token setup has one field: a rejected token stays the API's `unauthorized`, worded there.
          deps.addSecret(input.token);
          const active = await tokens.setToken(account, input.token);
          saveList(
            current.some((entry) => entry.id === account.id)
              ? current.map((entry) => (entry.id === account.id ? account : entry))
              : [...current, account],
          );
          await useStoredToken(active);
          return auth;
        }),
      [InvokeChannel.tokenClear]: () =>
        serial(async () => {
          const tokenSession = auth.mode === 'token' ? sessions.get(auth.account.id) : sessionOfKind('token');
          await removeAccount(tokenSession?.account.id ?? DEFAULT_ACCOUNT_ID);
          if (auth.mode !== 'demo') publish();
          return auth;
        }),
      [InvokeChannel.demoStart]: () =>
        serial(async () => {
          if (sessionOfKind('demo')) return auth;
          await closeAll();
          await openDemoSession();
          publish();
          // Chosen from token setup: the next start without a token opens the demo again.
          rememberDemoChoice(true);
          return auth;
        }),
      [InvokeChannel.demoStop]: () =>
        serial(async () => {
          const demo = sessionOfKind('demo');
          if (!demo) return auth;
          await endSession(demo);
          // The user just left the demo (to connect an account): neither now nor at the next start.
          rememberDemoChoice(false);
          await resumeFromVault({ demoWhenEmpty: false });
          return auth;
        }),
      [InvokeChannel.accountAdd]: (input) =>
        serial(async () => {
          const account = { id: newAccountId(), label: checkedLabel(input.label, listed()) };
          const active = await storeToken(account, input.token);
          saveList([...listed(), account]);
          await useStoredToken(active);
          return auth;
        }),
      [InvokeChannel.accountRename]: (input) =>
        serial(async () => {
          const current = listed();
          if (!current.some((account) => account.id === input.id)) throw new UnknownAccount();
          const others = current.filter((account) => account.id !== input.id);
          const label = checkedLabel(input.label, others);
          saveList(current.map((account) => (account.id === input.id ? { id: account.id, label } : account)));
          if (auth.mode !== 'demo') publish();
          return auth;
        }),
      [InvokeChannel.accountRemove]: (input) =>
        serial(async () => {
          await removeAccount(input.id);
          if (auth.mode !== 'demo') publish();
          return auth;
        }),
    },
    state: () => auth,
    start(options) {
      return serial(async () => {
        if (sessions.size > 0) return;
        if (options.demo) {
          await openDemoSession();
          publish();
        } else await resumeFromVault({ demoWhenEmpty: true });
      });
    },
    stop: () => serial(closeAll),
  };
}
