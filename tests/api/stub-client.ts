// The client against a fresh scripted server per test (stub-server.ts), waits recorded instead of slept:
// retries are proven by counting requests, not by the clock. Shared by the client's unit tests.
import { afterEach, beforeEach } from 'vitest';
import { createVpsClient, type VpsClient, type VpsClientOptions } from '../../main/api/client';
import { startStubServer, type StubServer } from './stub-server';

export interface StubClient {
  /** This test's server. */
  readonly stub: StubServer;
  /** The waits the client asked for between retries, in ms. */
  readonly sleeps: number[];
  /** A client of this test's server with `token`, a 2 s timeout and jitter fixed at half. */
  client(overrides?: Partial<VpsClientOptions>): VpsClient;
}

/** Starts a server before each test of the file and closes it after. */
export function useStubClient(token: string): StubClient {
  let stub: StubServer | undefined;
  let sleeps: number[] = [];
  beforeEach(async () => {
    stub = await startStubServer();
    sleeps = [];
  });
  afterEach(async () => {
    await stub?.close();
  });
  const current = (): StubServer => {
    if (!stub) throw new Error('The stub server runs only inside a test.');
    return stub;
  };
  return {
    get stub() {
      return current();
    },
    get sleeps() {
      return sleeps;
    },
    client: (overrides = {}) =>
      createVpsClient({
        baseUrl: current().baseUrl,
        token,
        timeoutMs: 2_000,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        random: () => 0.5,
        ...overrides,
      }),
  };
}

/** One page of the server list as VPS.org sends it. */
export const page = (results: unknown[], next: string | null = null, count = results.length) => ({
  count,
  next,
  previous: null,
  results,
});
