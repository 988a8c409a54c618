// Who the app talks to: the token accounts (each checked, stored, polled on its own, renamed, removed)
// or the demo. The one writer of the account records and of the accounts' settings; owns the auth state
// the popup and the tray show. The tokens live in the vault; changes run one at a time.
import { randomUUID } from 'node:crypto';
import { EventChannel, type AuthNotice, type AuthState, type EventContract } from '../../common/contract';
import type { Log } from '../app-log';
import type { AccountSetting } from '../../common/settings';
import { isVpsApiError } from '../api/errors';
import { InvalidFields, UnknownAccount } from '../errors';
import type { EventListener } from '../event-bus';
import type { SettingsAccess } from '../features/settings';
import type { VpsClient } from '../api/client';
import type { DemoSession } from '../fleet/demo';
import type { Session, SessionSpec } from '../sessions/session';
import { authStateOf } from './auth-state';
import { createAccountList } from './list';
import { createSessionOpening } from './opening';
import type { AccountRecords } from './records';
import { resumeFromVault } from './resume';
import { DEFAULT_ACCOUNT_ID, type ActiveAccount, type TokenService } from './token-service';
import { DEFAULT_ACCOUNT_LABEL } from './vault-upgrade';

export interface AccountsDeps {
  records: AccountRecords;
  tokens: TokenService;
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
  /** The account was removed: what is kept about it elsewhere (its history) goes too. */
  onRemoved?: (accountId: string) => void;
  /** A new account's id. Default: a random UUID (an id is never reused, so nothing keyed by it carries over). */
  newAccountId?: () => string;
}

/** Each change answers with the auth state after it. */
export interface Accounts {
  state(): AuthState;
  /** Opens the vault's accounts (or the demo when `demo`, or settings.demoMode and no token). */
  start(options: { demo?: boolean }): Promise<void>;
  /** Closes every session. */
  stop(): Promise<void>;
  /**
   * Token setup: the token goes to the first account not polled (e.g. one whose token was rejected),
   * else replaces the primary one; with no account yet, it makes the first. Leaves the demo.
   */
  setToken(input: { token: string; label?: string }): Promise<AuthState>;
  /** Removes the primary token account. */
  clearToken(): Promise<AuthState>;
  startDemo(): Promise<AuthState>;
  /** Back to what the vault holds. */
  stopDemo(): Promise<AuthState>;
  /** Checks the token (a rejected one is a field error), stores it and polls the new account. */
  add(input: { label: string; token: string }): Promise<AuthState>;
  rename(input: { id: string; label: string }): Promise<AuthState>;
  /** Ends the account's session, forgets its token and takes it off the list. */
  remove(input: { id: string }): Promise<AuthState>;
}

export function createAccounts(deps: AccountsDeps): Accounts {
  const { records, tokens, settings } = deps;
  const newAccountId = deps.newAccountId ?? randomUUID;
  const list = createAccountList(records, settings);
  /** Why no token at all could be read at the last load. */
  let vaultNotice: AuthNotice | null = null;
  let auth: AuthState = { mode: 'none' };
  const publish = () => {
    auth = authStateOf(records, vaultNotice);
    deps.emit(EventChannel.authChanged, auth);
  };
  const opening = createSessionOpening({ ...deps, onEnded: publish });
  const onLoaded = (notice: AuthNotice | null) => void (vaultNotice = notice);
  const resume = async (demoWhenEmpty: boolean) => {
    await resumeFromVault({ records, list, opening, tokens, settings, onLoaded }, { demoWhenEmpty });
    publish();
  };

  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };
  /** Runs a change in turn; answers with the auth state after it. */
  const change = (task: () => Promise<void>) =>
    serial(async () => {
      await task();
      return auth;
    });
  const publishUnlessDemo = () => {
    if (auth.mode !== 'demo') publish();
  };

  /** For the stored accounts, now and at later starts; its made-up servers leave no history behind. */
  const leaveDemo = async (demo: NonNullable<ReturnType<typeof opening.demo>>) => {
    await opening.end(demo);
    deps.onRemoved?.(demo.account.id);
    list.rememberDemoChoice(false);
    await resume(false);
  };

  /** A token stored for an account: leaves the demo (resuming every stored account) or (re)opens it. */
  const useStoredToken = async (active: ActiveAccount) => {
    vaultNotice = null;
    const demo = opening.demo();
    if (demo) {
      await leaveDemo(demo);
    } else {
      await opening.openToken(active);
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

  const removeAccount = async (id: string) => {
    const session = records.sessions.get(id);
    if (session?.kind === 'token') await opening.end(session);
    await tokens.forget(id);
    list.save(list.current().filter((account) => account.id !== id));
    list.dropAlertsOf(id);
    records.forget(id);
    deps.onRemoved?.(id);
  };

  return {
    state: () => auth,
    start: (options) =>
      serial(async () => {
        if (records.sessions.size > 0) return;
        if (options.demo) {
          await opening.openDemo();
          publish();
        } else await resume(true);
      }),
    stop: () => serial(opening.endAll),
    setToken: (input) =>
      change(async () => {
        const current = list.current();
        const target = current.find((account) => !records.sessions.get(account.id)) ?? current[0];
        const account = {
          id: target?.id ?? DEFAULT_ACCOUNT_ID,
          label: input.label ?? target?.label ?? DEFAULT_ACCOUNT_LABEL,
        };
        // Token setup has one field: a rejected token stays the API's `unauthorized`, worded there.
        deps.addSecret(input.token);
        const active = await tokens.setToken(account, input.token);
        list.save(
          current.some((entry) => entry.id === account.id)
            ? current.map((entry) => (entry.id === account.id ? account : entry))
            : [...current, account],
        );
        await useStoredToken(active);
      }),
    clearToken: () =>
      change(async () => {
        const tokenSession =
          auth.mode === 'token'
            ? records.sessions.get(auth.account.id)
            : records.sessions.list().find((session) => session.kind === 'token');
        await removeAccount(tokenSession?.account.id ?? DEFAULT_ACCOUNT_ID);
        publishUnlessDemo();
      }),
    startDemo: () =>
      change(async () => {
        if (opening.demo()) return;
        await opening.endAll();
        await opening.openDemo();
        publish();
        // Chosen from token setup: the next start without a token opens the demo again.
        list.rememberDemoChoice(true);
      }),
    stopDemo: () =>
      change(async () => {
        const demo = opening.demo();
        if (demo) await leaveDemo(demo);
      }),
    add: (input) =>
      change(async () => {
        const account = { id: newAccountId(), label: list.checkedLabel(input.label, list.current()) };
        const active = await storeToken(account, input.token);
        list.save([...list.current(), account]);
        await useStoredToken(active);
      }),
    rename: (input) =>
      change(async () => {
        const current = list.current();
        if (!current.some((account) => account.id === input.id)) throw new UnknownAccount();
        const others = current.filter((account) => account.id !== input.id);
        const label = list.checkedLabel(input.label, others);
        list.save(current.map((account) => (account.id === input.id ? { id: account.id, label } : account)));
        publishUnlessDemo();
      }),
    remove: (input) =>
      change(async () => {
        await removeAccount(input.id);
        publishUnlessDemo();
      }),
  };
}
