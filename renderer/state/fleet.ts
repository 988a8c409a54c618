// Pure fleet logic for the popup: status classes, sort order, search, and applying a delta. The live
// fleet (signals) is live-fleet.ts; no signals and no DOM here, so this is cheap to test.
import { compareTroubleFirst, verdictOf, type DeviationLevel } from '../../common/order';
import { isTransitional, type KnownStatus, type ServerStatus } from '../../common/statuses';
import type { FleetDelta, ServerView } from '../../common/contract';
import type { ServerRef } from '../../common/servers';

/** Statuses the list endpoint can filter by (the contract names these three). */
export const FILTER_STATUSES = ['active', 'stopped', 'suspended'] as const satisfies readonly KnownStatus[];

/** Visual/semantic class of a status: drives colour and icon (never colour alone). */
export type StatusTone = 'ok' | 'off' | 'busy' | 'watch' | 'alert' | 'unknown';

/**
 * The badge's class follows the app's verdict: red (alert) only for a confirmed deviation, amber for a
 * transition (busy) or an unconfirmed deviation (watch); otherwise the status as it is (a stopped or
 * suspended server that may be stopped is calm).
 */
export function statusTone(status: ServerStatus, deviation: DeviationLevel = null): StatusTone {
  if (deviation === 'confirmed') return 'alert';
  if (isTransitional(status)) return 'busy';
  if (deviation === 'unconfirmed') return 'watch';
  if (status === 'active') return 'ok';
  if (status === 'stopped' || status === 'suspended') return 'off';
  return 'unknown';
}

/** The glance line's groups: the verdicts, the calm ones by status. */
export const GLANCE_KINDS = ['attention', 'busy', 'watch', 'running', 'stopped', 'suspended', 'other'] as const;
export type GlanceKind = (typeof GLANCE_KINDS)[number];

/** Where a server counts on the glance line (`busy`: an action on it is pending or it is in a transition). */
export function glanceKindOf(status: ServerStatus, pending: boolean, deviation: DeviationLevel): GlanceKind {
  const verdict = verdictOf({ status, pending, deviation });
  if (verdict === 'attention') return 'attention';
  if (verdict === 'unsettled') return pending || isTransitional(status) ? 'busy' : 'watch';
  if (status === 'active') return 'running';
  if (status === 'stopped') return 'stopped';
  if (status === 'suspended') return 'suspended';
  return 'other';
}

const troubleOrderOf = (view: ServerView) => ({
  status: view.server.status,
  pending: view.pending !== null,
  name: view.server.name,
  key: view.key,
});

/** The popup's list order before the alerts are read: trouble first, as in the tray menu. */
export function compareViews(a: ServerView, b: ServerView): number {
  return compareTroubleFirst(troubleOrderOf(a), troubleOrderOf(b));
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
export function applyDelta(
  byKey: Map<string, ServerView>,
  delta: Pick<FleetDelta, 'upserted' | 'removed'>,
): StatusChange[] {
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
