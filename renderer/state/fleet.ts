// Pure fleet logic for the popup: status classes, sort order, which power actions a state allows,
// search. No signals and no DOM here, so it is cheap to test.
import type { KnownStatus, PowerAction, ServerStatus } from '../../main/api/schemas';
import type { FleetDelta, ServerRef, ServerView } from '../../preload/contract';

// Copies of the status lists in main/api/schemas.ts: importing values from there would pull zod into
// the popup bundle (~27 kB gzip, the whole budget). The type below keeps KNOWN complete, and
// tests/renderer/fleet.test.ts checks both lists against schemas.ts.
export const KNOWN_STATUSES = [
  'active',
  'stopped',
  'suspended',
  'provisioning',
  'starting',
  'stopping',
  'rebooting',
] as const satisfies readonly KnownStatus[];
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const KNOWN_STATUSES_ARE_COMPLETE: Exact<(typeof KNOWN_STATUSES)[number], KnownStatus> = true;
export const TRANSITIONAL_STATUSES: readonly ServerStatus[] = ['provisioning', 'starting', 'stopping', 'rebooting'];

/** Statuses the list endpoint can filter by (the contract names these three). */
export const FILTER_STATUSES = ['active', 'stopped', 'suspended'] as const satisfies readonly KnownStatus[];

export function isKnownStatus(status: ServerStatus): status is KnownStatus {
  return (KNOWN_STATUSES as readonly string[]).includes(status);
}

export function isTransitional(status: ServerStatus): boolean {
  return TRANSITIONAL_STATUSES.includes(status);
}

/** Visual/semantic class of a status: drives colour and icon (never colour alone). */
export type StatusTone = 'ok' | 'off' | 'busy' | 'alert' | 'unknown';

export function statusTone(status: ServerStatus): StatusTone {
  if (status === 'active') return 'ok';
  if (status === 'stopped') return 'off';
  if (status === 'suspended') return 'alert';
  if (isTransitional(status)) return 'busy';
  return 'unknown';
}

/** Trouble first: suspended, unknown and stopped; then transitional; then running. */
export function statusRank(status: ServerStatus): number {
  if (status === 'active') return 2;
  if (isTransitional(status)) return 1;
  return 0;
}

const nameCollator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function compareViews(a: ServerView, b: ServerView): number {
  return (
    statusRank(a.server.status) - statusRank(b.server.status) ||
    nameCollator.compare(a.server.name, b.server.name) ||
    a.key.localeCompare(b.key)
  );
}

/** Power actions the server's status allows: start when stopped, stop and reboot when running. */
export function allowedActions(status: ServerStatus): PowerAction[] {
  if (status === 'stopped') return ['start'];
  if (status === 'active') return ['stop', 'reboot'];
  return [];
}

export function refKey(ref: ServerRef): string {
  return `${ref.accountId}:${ref.id}`;
}

export function refOf(view: ServerView): ServerRef {
  return { accountId: view.accountId, id: view.server.id };
}

/** Case-insensitive match on name, hostname and IP address. */
export function matchesSearch(view: ServerView, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  const { name, hostname, ip_address: ip } = view.server;
  return (
    name.toLowerCase().includes(needle) ||
    (hostname?.toLowerCase().includes(needle) ?? false) ||
    (ip?.toLowerCase().includes(needle) ?? false)
  );
}

export interface StatusChange {
  name: string;
  status: ServerStatus;
  kind: 'changed' | 'added' | 'removed';
}

/** Applies a delta to the map in place, in O(changes), and returns the status changes worth announcing. */
export function applyDelta(byKey: Map<string, ServerView>, delta: Pick<FleetDelta, 'upserted' | 'removed'>): StatusChange[] {
  const changes: StatusChange[] = [];
  for (const key of delta.removed) {
    const previous = byKey.get(key);
    if (previous) changes.push({ name: previous.server.name, status: previous.server.status, kind: 'removed' });
    byKey.delete(key);
  }
  for (const view of delta.upserted) {
    const previous = byKey.get(view.key);
    if (!previous) changes.push({ name: view.server.name, status: view.server.status, kind: 'added' });
    else if (previous.server.status !== view.server.status)
      changes.push({ name: view.server.name, status: view.server.status, kind: 'changed' });
    byKey.set(view.key, view);
  }
  return changes;
}
