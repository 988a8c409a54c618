// Refusing an action before any request: a power action the server's status does not allow, and a
// delete confirmed with another name. The reason is data; only the English wording for logs lives here.
import type { ConflictInfo } from '../../common/contract';
import { ActionRefused } from '../errors';
import { allowedPowerActions, isTransitional } from '../../common/statuses';
import { conflictText } from '../../common/i18n/sentences';
import { ENGLISH } from './action-words';
import type { PowerAction, ServerStatus } from '../../common/statuses';
import type { Server } from '../../common/servers';

/**
 * Why a power action is not possible now, as data, or null when it is. Whether it is allowed comes from
 * `allowedPowerActions` alone (the rule the popup and tray use too).
 */
export function refusalReason(name: string, status: ServerStatus, action: PowerAction): ConflictInfo | null {
  if (allowedPowerActions(status).includes(action)) return null;
  const refused = (reason: ConflictInfo['reason']): ConflictInfo => ({ reason, serverName: name, status });
  if (isTransitional(status)) return refused('transitional');
  if (status === 'suspended') return refused('suspended');
  if (status === 'active') return refused('already-running');
  if (status === 'stopped') return refused('not-running');
  return refused('other-status');
}

/**
 * The English wording of a refusal (`IpcError.message`, for logs); the popup and the tray word
 * `IpcError.conflict` themselves, in the user's language.
 */
export function conflictMessage(conflict: ConflictInfo): string {
  return conflictText(ENGLISH, conflict);
}

/** The failure a refused action raises: the reason as data, worded in English from it. */
export function conflictFailure(conflict: ConflictInfo): ActionRefused {
  return new ActionRefused(conflict, conflictMessage(conflict));
}

/** A delete confirmed with a name that is not the server's (now `server.name`). */
export const nameMismatch = (server: Server): ActionRefused =>
  conflictFailure({ reason: 'name-mismatch', serverName: server.name, status: server.status });
