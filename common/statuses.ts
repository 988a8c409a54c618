// Server statuses and the power actions each allows. No dependencies: the renderer imports this too,
// and anything that pulled in zod would cost the popup most of its bundle budget.

export type PowerAction = 'start' | 'stop' | 'reboot';

/** Statuses the API description names. Others may arrive and must still render. */
export const KNOWN_STATUSES = [
  'active',
  'stopped',
  'suspended',
  'provisioning',
  'starting',
  'stopping',
  'rebooting',
] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];
/** A server status: one of the known ones, or any other string the API sends. */
export type ServerStatus = KnownStatus | (string & {});
/** Statuses during which no power action is accepted. */
const TRANSITIONAL_STATUSES: readonly ServerStatus[] = ['provisioning', 'starting', 'stopping', 'rebooting'];

export function isKnownStatus(status: ServerStatus): status is KnownStatus {
  return (KNOWN_STATUSES as readonly string[]).includes(status);
}

export function isTransitional(status: ServerStatus): boolean {
  return TRANSITIONAL_STATUSES.includes(status);
}

/** Power actions a status allows: start when stopped, stop and reboot when running, none otherwise. */
export function allowedPowerActions(status: ServerStatus): PowerAction[] {
  if (status === 'stopped') return ['start'];
  if (status === 'active') return ['stop', 'reboot'];
  return [];
}
