// Demo mode: an in-process simulator on 127.0.0.1 with a random token, and a client against it.
// The demo token is a secret like any other: it stays in the main process.
import { randomBytes } from 'node:crypto';
import type { AccountInfo } from '../../common/contract';
import type { VpsClient } from '../api/client';

const DEMO_ACCOUNT_ID = 'demo';
const DEMO_ACCOUNT_LABEL = 'Demo account';
const DEFAULT_DEMO_SPEED = 10;

/** The part of the simulator demo mode needs (main/simulator/simulator.ts fits it). */
export type StartSimulatorFn = (options: {
  host?: string;
  port?: number;
  token?: string;
  speed?: number;
}) => Promise<{ readonly baseUrl: string; close(): Promise<void> }>;

export interface DemoSession {
  account: AccountInfo;
  api: VpsClient;
  /** The secret to redact from anything leaving main. */
  token: string;
  close(): Promise<void>;
}

export async function startDemo(deps: {
  startSimulator: StartSimulatorFn;
  createApi: (baseUrl: string, token: string) => VpsClient;
  speed?: number;
}): Promise<DemoSession> {
  const token = randomBytes(24).toString('base64url');
  const simulator = await deps.startSimulator({
    host: '127.0.0.1',
    port: 0,
    token,
    speed: deps.speed ?? DEFAULT_DEMO_SPEED,
  });
  return {
    account: { id: DEMO_ACCOUNT_ID, label: DEMO_ACCOUNT_LABEL, baseUrl: simulator.baseUrl },
    api: deps.createApi(simulator.baseUrl, token),
    token,
    close: () => simulator.close(),
  };
}
