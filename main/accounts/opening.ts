// Opening and ending the accounts' sessions (a token account's, or the demo's), each kept in its record.
import type { Log } from '../app-log';
import type { VpsClient } from '../api/client';
import type { DemoSession } from '../fleet/demo';
import type { Session, SessionSpec } from '../sessions/session';
import type { AccountRecords } from './records';
import { TOKEN_REJECTED_NOTICE, type ActiveAccount } from './token-service';

export interface OpeningDeps {
  records: AccountRecords;
  /** Builds a session (not started yet). */
  createSession: (spec: SessionSpec) => Session;
  /** A client for an account; the token becomes a secret to redact. */
  createApi: (baseUrl: string, token: string) => VpsClient;
  startDemo: () => Promise<DemoSession>;
  log: Log;
  /** A session ended on its own (its token was rejected). */
  onEnded: () => void;
}

export interface SessionOpening {
  /** Opens (or reopens) a token account's session; the label is the list's. */
  openToken(active: ActiveAccount): Promise<void>;
  openDemo(): Promise<void>;
  /** The demo's session, while it runs. */
  demo(): Session | undefined;
  end(session: Session): Promise<void>;
  endAll(): Promise<void>;
}

export function createSessionOpening(deps: OpeningDeps): SessionOpening {
  const { records } = deps;
  const end = (session: Session): Promise<void> => {
    records.close(session);
    return session.end();
  };

  const open = (spec: SessionSpec, storage?: ActiveAccount['storage']) => {
    const session = deps.createSession(spec);
    session.onRejected(() => {
      // 401 while polling: the token is kept in the vault (the user may fix the account and restart,
      // or paste a new token which replaces it) but this account's session ends; the others go on.
      if (records.sessions.get(session.account.id) !== session) return;
      deps.log('warn', `VPS.org rejected the token of account ${session.account.id}; polling stopped.`);
      void end(session);
      if (session.kind === 'token') records.setNotice(session.account.id, TOKEN_REJECTED_NOTICE);
      deps.onEnded();
    });
    records.open(session, storage);
    session.start();
  };

  return {
    async openToken({ account, token, storage }) {
      const previous = records.sessions.get(account.id);
      if (previous) await end(previous);
      const record = records.get(account.id);
      const label = record?.place === 'listed' ? record.label : account.label;
      open({ kind: 'token', account: { ...account, label }, api: deps.createApi(account.baseUrl, token) }, storage);
    },
    async openDemo() {
      const demo = await deps.startDemo();
      open({ kind: 'demo', account: demo.account, api: demo.api, close: demo.close });
    },
    demo: () => records.sessions.list().find((session) => session.kind === 'demo'),
    end,
    async endAll() {
      await Promise.all(records.sessions.list().map(end));
    },
  };
}
