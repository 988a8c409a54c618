// A VPS.org server as the app knows it, on both sides of the bridge. Plain types: reading what the API
// sends lives in main/api/schemas.ts, which produces exactly these.
//
// The app needs only a server's `id` and `status` to list it and act on it (issue 8: tolerant reading).
// Every other field is what the API said when it said something sensible, and null when it said
// nothing, null or nonsense; the popup shows null as unknown. Fields the API adds beyond these are kept.
import type { ServerStatus } from './statuses';

export interface Plan {
  id: number | null;
  name: string | null;
  vcpus: number | null;
  /** MB */
  memory: number | null;
  /** GB */
  storage: number | null;
  /** GB per month; the detail endpoint sends it, the list may not. */
  bandwidth: number | null;
  [extra: string]: unknown;
}

export interface OperatingSystem {
  id: number | null;
  name: string | null;
  [extra: string]: unknown;
}

/** A server as the list endpoint sends it. */
export interface Server {
  /** A positive whole number: without one an entry cannot be read. */
  id: number;
  /** The API's name; `#<id>` when it sent none, so every place that names a server has a name. */
  name: string;
  hostname: string | null;
  /** Any non-empty string: a status never seen before is kept as it came. */
  status: ServerStatus;
  /** null while provisioning, or when the API did not say. */
  ip_address: string | null;
  location: string | null;
  plan: Plan | null;
  os: OperatingSystem | null;
  /** ISO date-times as sent; null when absent or not a date. */
  created_at: string | null;
  updated_at: string | null;
  [extra: string]: unknown;
}

export interface ResourceUsage {
  cpu_percent: number | null;
  /** MB */
  memory_used: number | null;
  /** GB */
  disk_used: number | null;
  /** GB this month */
  bandwidth_used: number | null;
  [extra: string]: unknown;
}

/** A server as the detail endpoint (and PUT/PATCH) sends it. */
export interface ServerDetail extends Server {
  ipv6_address: string | null;
  backups_enabled: boolean | null;
  /** null while a server is provisioning and has no usage yet, or when the API did not say. */
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
