// Words the tray, notifications and the popup share, in each language, so they always say the same
// thing (the renderer imports this file too: plain data, no dependencies).
import type { KnownStatus } from './statuses';
import type { PendingAction } from './contract';

type Language = 'en' | 'cs';

/** Status names; a status not listed is shown as the API sent it. */
export const STATUS_NAMES: Record<Language, Record<KnownStatus, string>> = {
  en: {
    active: 'running',
    stopped: 'stopped',
    suspended: 'suspended',
    provisioning: 'provisioning',
    starting: 'starting',
    stopping: 'stopping',
    rebooting: 'rebooting',
  },
  cs: {
    active: 'běží',
    stopped: 'zastaven',
    suspended: 'pozastaven',
    provisioning: 'zřizuje se',
    starting: 'spouští se',
    stopping: 'zastavuje se',
    rebooting: 'restartuje se',
  },
};

/**
 * What an action did to a server: "web-01 rebooted (42 s)". In Czech a participle that agrees with
 * "server" (masculine): "Server web-01 byl restartován".
 */
export const DONE_VERBS: Record<Language, Record<PendingAction['action'], string>> = {
  en: {
    start: 'started',
    stop: 'stopped',
    reboot: 'rebooted',
    create: 'created',
    replace: 'edited',
    update: 'renamed',
    delete: 'deleted',
  },
  cs: {
    start: 'spuštěn',
    stop: 'zastaven',
    reboot: 'restartován',
    create: 'vytvořen',
    replace: 'upraven',
    update: 'přejmenován',
    delete: 'smazán',
  },
};
