// The preview's error states, switched on and off live (`--faults` at start, the page's panel later),
// through the simulator's public API and a relay in front of each simulator (dev/relay.ts):
//   slow     every API answer arrives SLOW_MS late (the simulator's latency flag)
//   5xx      every request is answered 503 (GETs are retried twice, then the list goes stale)
//   429      every request is answered 429 with Retry-After RATE_LIMIT_RETRY_AFTER_S
//   revoked  every request is answered 401, as for a revoked token: the app stops polling and asks for a
//            token; switched off, the preview enters the simulator's token again, as a person would
//   offline  the relay stops listening: connections are refused, as with no network
// 5xx, 429 and revoked are answers, so with several on, one wins: revoked, then 5xx, then 429. Each fault
// acts on every account's simulator.
import type { Simulator } from '../main/simulator/simulator';
import type { Relay } from './relay';

export const PREVIEW_FAULTS = ['slow', '5xx', '429', 'revoked', 'offline'] as const;
export type PreviewFault = (typeof PREVIEW_FAULTS)[number];
export type FaultState = Record<PreviewFault, boolean>;

export const SLOW_MS = 4000;
export const RATE_LIMIT_RETRY_AFTER_S = 3;

/** One line per fault, for --help and the page's panel. */
export const FAULT_HELP: Record<PreviewFault, string> = {
  slow: `every answer ${SLOW_MS / 1000} s late`,
  '5xx': 'every request answered 503 Service Unavailable',
  '429': `every request answered 429, retry after ${RATE_LIMIT_RETRY_AFTER_S} s`,
  revoked: 'every request answered 401, as for a revoked token (off: the token is entered again)',
  offline: 'connections refused, as with no network',
};

export function isPreviewFault(value: unknown): value is PreviewFault {
  return typeof value === 'string' && (PREVIEW_FAULTS as readonly string[]).includes(value);
}

/** "slow,5xx" -> ['slow', '5xx']; empty -> []; an unknown name throws, naming it and the known ones. */
export function parseFaults(text: string): PreviewFault[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of names)
    if (!isPreviewFault(name)) throw new Error(`unknown fault "${name}" (known: ${PREVIEW_FAULTS.join(', ')})`);
  return [...new Set(names)] as PreviewFault[];
}

/** One account's API as the preview drives it: its simulator and the relay the app talks to. */
export interface FaultTarget {
  sim: Simulator;
  relay: Relay;
}

export interface FaultSwitch {
  state(): FaultState;
  /** Adds an account's API, with the faults on now applied to it. */
  add(target: FaultTarget): Promise<void>;
  /** Switches one fault; resolves once every simulator and relay does as told. */
  set(fault: PreviewFault, on: boolean): Promise<FaultState>;
  /** Called after each change with the new state. Returns unsubscribe. */
  onChange(listener: (state: FaultState) => void): () => void;
}

const INVALID_TOKEN = JSON.stringify({ detail: 'Invalid or missing API token.' });

async function applyTo(target: FaultTarget, state: FaultState): Promise<void> {
  const { sim, relay } = target;
  sim.setFaultFlags(state.slow ? { latencyMs: SLOW_MS } : {});
  sim.clearFaults();
  // The first queued fault that matches answers: the order is the precedence.
  if (state.revoked) sim.injectFault({ type: 'status', status: 401, body: INVALID_TOKEN });
  if (state['5xx']) sim.injectFault({ type: 'status', status: 503 });
  if (state['429']) sim.injectFault({ type: 'status', status: 429, retryAfterSeconds: RATE_LIMIT_RETRY_AFTER_S });
  await relay.setOffline(state.offline);
}

/**
 * `onRevokedOff` runs when `revoked` is switched off (the app ended the rejected sessions; the preview
 * enters their tokens again).
 */
export function createFaultSwitch(initial: readonly PreviewFault[], onRevokedOff: () => Promise<void>): FaultSwitch {
  const state = Object.fromEntries(PREVIEW_FAULTS.map((fault) => [fault, initial.includes(fault)])) as FaultState;
  const targets: FaultTarget[] = [];
  const listeners = new Set<(state: FaultState) => void>();
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };
  return {
    state: () => ({ ...state }),
    add: (target) =>
      serial(async () => {
        targets.push(target);
        await applyTo(target, state);
      }),
    set: (fault, on) =>
      serial(async () => {
        const was = state[fault];
        state[fault] = on;
        for (const target of targets) await applyTo(target, state);
        if (fault === 'revoked' && was && !on) await onRevokedOff();
        const now = { ...state };
        for (const listener of listeners) listener(now);
        return now;
      }),
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
