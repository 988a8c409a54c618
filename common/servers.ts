// A VPS.org server as the app knows it, on both sides of the bridge. Plain types: the runtime check of
// what the API sends lives in main/api/schemas.ts, which is compiled against these types.
import type { ServerStatus } from './statuses';

export interface Plan {
  id: number;
  name: string;
  vcpus: number;
  /** MB */
  memory: number;
  /** GB */
  storage: number;
  /** GB per month; the detail endpoint sends it, the list may not. */
  bandwidth?: number | undefined;
  [extra: string]: unknown;
}

export interface OperatingSystem {
  id: number;
  name: string;
  [extra: string]: unknown;
}

/** A server as the list endpoint sends it. Fields the API adds beyond these are kept. */
export interface Server {
  id: number;
  name: string;
  hostname: string | null;
  status: ServerStatus;
  ip_address: string | null;
  location: string;
  plan: Plan;
  os: OperatingSystem;
  created_at: string;
  updated_at: string;
  [extra: string]: unknown;
}

export interface ResourceUsage {
  cpu_percent: number;
  /** MB */
  memory_used: number;
  /** GB */
  disk_used: number;
  /** GB this month */
  bandwidth_used: number;
  [extra: string]: unknown;
}

/** A server as the detail endpoint (and PUT/PATCH) sends it. */
export interface ServerDetail extends Server {
  ipv6_address: string | null;
  backups_enabled: boolean;
  plan: Plan & { bandwidth: number };
  /** null while a server is provisioning and has no usage yet. */
  resource_usage: ResourceUsage | null;
}

/** The list endpoint's own query filters. */
export interface ServerFilter {
  status?: string;
  location?: string;
}

/** A server is identified by its account and its id (several accounts fit without redesign). */
export interface ServerRef {
  accountId: string;
  id: number;
}

/** The key of a server in the fleet (`ServerView.key`), the same on both sides of the bridge. */
export function serverKey(accountId: string, id: number): string {
  return `${accountId}:${id}`;
}

export function refKey(ref: ServerRef): string {
  return serverKey(ref.accountId, ref.id);
}
