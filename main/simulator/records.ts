// What the simulated account keeps of each server: a stable status, the transition under way, and the
// addresses it gets when provisioning ends. The views (views.ts) are made from these records.
import type { CatalogOs, CatalogPlan } from './catalog';

export type StableStatus = 'active' | 'stopped' | 'suspended';
export type TransitionStatus = 'provisioning' | 'starting' | 'stopping' | 'rebooting';
export type SimulatedStatus = StableStatus | TransitionStatus;
export type SimulatedPowerAction = 'start' | 'stop' | 'reboot';

interface Transition {
  status: TransitionStatus;
  endsAt: number;
  settlesTo: StableStatus;
}

export interface ServerRecord {
  id: number;
  name: string;
  hostname: string | null;
  location: string;
  plan: CatalogPlan;
  os: CatalogOs;
  backupsEnabled: boolean;
  createdAt: number;
  updatedAt: number;
  status: StableStatus;
  transition: Transition | null;
  /** Shown once provisioning has finished. */
  ipv4: string | null;
  ipv6: string | null;
  /** Reserved at creation, so the addresses do not depend on the order provisioning ends in. */
  plannedIpv4: string;
  plannedIpv6: string;
  /** Counts transitions, so each one gets its own deterministic duration. */
  transitionCount: number;
  /** What a lagging list still shows after a power action, until `until`. */
  listedBefore?: { status: SimulatedStatus; updatedAt: number; until: number };
}

export const statusOf = (server: ServerRecord): SimulatedStatus => server.transition?.status ?? server.status;
