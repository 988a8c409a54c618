// Who the app talks to: the token account (checked, stored, forgotten) or the demo, and the session
// that goes with it. Owns the auth state the popup and the tray show, and going back to what the vault
// holds (at start, and when the user leaves the demo). Session changes run one at a time.
import { z } from 'zod';
import {
  EventChannel,
  InvokeChannel,
  type AuthState,
  type EventContract,
  type InvokeRequest,
} from '../../common/contract';
import type { Log } from '../../common/log';
import {
  authStateOf,
  DEFAULT_ACCOUNT_ID,
  TOKEN_REJECTED_NOTICE,
  type ActiveAccount,
  type TokenService,
} from '../auth/token-service';
import type { EventListener } from '../event-bus';
import type { FleetApi } from '../fleet/api';
import type { DemoSession } from '../fleet/demo';
import type { RouterHandlers } from '../ipc/router';
import { invalid, takesNoPayload, type PayloadValidators } from '../ipc/validators';
import type { SessionCollection } from '../sessions/collection';
import type { Session, SessionSpec } from '../sessions/session';
import type { SettingsAccess } from './settings';

type AuthChannel =
  | typeof InvokeChannel.authState
  | typeof InvokeChannel.tokenSet
  | typeof InvokeChannel.tokenClear
  | typeof InvokeChannel.demoStart
  | typeof InvokeChannel.demoStop;

export const TOKEN_MAX_LENGTH = 4096;

const tokenInputSchema = z
  .object({
    // Tokens are opaque printable text; whitespace around a pasted token is trimmed.
    token: z
      .string()
      .transform((text) => text.trim())
      .pipe(
        z
          .string()
          .min(1)
          .max(TOKEN_MAX_LENGTH)
          .regex(/^[\x21-\x7e]+$/),
      ),
    label: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export const authValidators: Pick<PayloadValidators, AuthChannel> = {
  [InvokeChannel.authState]: takesNoPayload,
  [InvokeChannel.tokenSet]: (payload) => {
    const parsed = tokenInputSchema.safeParse(payload);
    if (parsed.success) {
      const value: InvokeRequest<typeof InvokeChannel.tokenSet> = { token: parsed.data.token };
      if (parsed.data.label !== undefined) value.label = parsed.data.label;
      return { ok: true, value };
    }
    // A fixed message: zod's text could echo part of what was pasted.
    return invalid('The token must be non-empty printable text without spaces (at most 4096 characters).');
  },
  [InvokeChannel.tokenClear]: takesNoPayload,
  [InvokeChannel.demoStart]: takesNoPayload,
  [InvokeChannel.demoStop]: takesNoPayload,
};

export interface AuthFeatureDeps {
  tokens: TokenService;
  sessions: SessionCollection;
  /** Builds a session (not started yet). */
  createSession: (spec: SessionSpec) => Session;
  /** A client for an account; the token becomes a secret to redact. */
  createApi: (baseUrl: string, token: string) => FleetApi;
  startDemo: () => Promise<DemoSession>;
  settings: SettingsAccess;
  /** A secret no text leaving the main process may carry. */
  addSecret: (secret: string) => void;
  emit: EventListener<EventContract>;
  log: Log;
}

export interface AuthFeature {
  handlers: Pick<RouterHandlers, AuthChannel>;
  state(): AuthState;
  /** Opens the vault's account (or the demo when `demo`, or settings.demoMode and no token). */
  start(options: { demo?: boolean }): Promise<void>;
  /** Closes every session. */
  stop(): Promise<void>;
}

export function createAuthFeature(deps: AuthFeatureDeps): AuthFeature {
  const { sessions, tokens, settings } = deps;
  let auth: AuthState = { mode: 'none' };
  const setAuth = (next: AuthState) => {
    auth = next;
    deps.emit(EventChannel.authChanged, next);
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
  const sessionOfKind = (kind: Session['kind']) => sessions.list().find((session) => session.kind === kind);

  const openSession = (spec: SessionSpec) => {
    const session = deps.createSession(spec);
    session.onRejected(() => {
      // 401 while polling: the token is kept in the vault (the user may fix the account and restart,
      // or paste a new token which replaces it) but the session ends and a new token is asked for.
      if (sessions.get(session.account.id) !== session) return;
      deps.log('warn', 'VPS.org rejected the token; polling stopped.');
      void endSession(session);
      setAuth({ mode: 'none', notice: TOKEN_REJECTED_NOTICE });
    });
    sessions.add(session);
    session.start();
  };

  const openTokenSession = (active: ActiveAccount) => {
    const { account, token } = active;
    openSession({ kind: 'token', account, api: deps.createApi(account.baseUrl, token) });
    setAuth(authStateOf(active));
  };

  const openDemoSession = async () => {
    const demo = await deps.startDemo();
    openSession({ kind: 'demo', account: demo.account, api: demo.api, close: demo.close });
    setAuth({ mode: 'demo', account: demo.account });
  };

  /** Whether a start without a stored token opens the demo; an open Settings view follows the change. */
  const rememberDemoChoice = (demoMode: boolean) => {
    if (settings.get().demoMode !== demoMode) settings.change({ demoMode });
  };

  /**
   * Back to what the vault holds: the stored token's session, else the demo when asked for and the
   * settings want it (nothing stored and nothing to tell the user), else token setup with any notice.
   */
  const resumeFromVault = async (options: { demoWhenEmpty: boolean }) => {
    const loaded = await tokens.load();
    // A notice means a token was stored: the user has an account, so no later start opens the demo
    // either (a token that could not be decrypted is gone by the next start).
    if (loaded.state.mode === 'none' && loaded.state.notice) rememberDemoChoice(false);
    if (loaded.active) openTokenSession(loaded.active);
    else if (options.demoWhenEmpty && settings.get().demoMode && loaded.state.mode === 'none' && !loaded.state.notice)
      await openDemoSession();
    else setAuth(loaded.state);
  };

  return {
    handlers: {
      // No side effect: the popup asks this whenever it likes (the ready handshake is popupReady's).
      [InvokeChannel.authState]: () => auth,
      [InvokeChannel.tokenSet]: (input) =>
        serial(async () => {
          deps.addSecret(input.token);
          const active = await tokens.setToken(input);
          await closeAll();
          openTokenSession(active);
          return auth;
        }),
      [InvokeChannel.tokenClear]: () =>
        serial(async () => {
          const tokenSession = sessionOfKind('token');
          await tokens.forget(tokenSession?.account.id ?? DEFAULT_ACCOUNT_ID);
          if (tokenSession) await endSession(tokenSession);
          if (auth.mode !== 'demo') setAuth({ mode: 'none' });
          return auth;
        }),
      [InvokeChannel.demoStart]: () =>
        serial(async () => {
          if (sessionOfKind('demo')) return auth;
          await closeAll();
          await openDemoSession();
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
    },
    state: () => auth,
    start(options) {
      return serial(async () => {
        if (sessions.size > 0) return;
        if (options.demo) await openDemoSession();
        else await resumeFromVault({ demoWhenEmpty: true });
      });
    },
    stop: () => serial(closeAll),
  };
}
