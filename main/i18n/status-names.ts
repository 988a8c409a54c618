// Status names in each language, one source for the tray, notifications and the popup (the renderer
// imports this file too: plain data, no dependencies). A status not listed is shown as the API sent it.
import type { KnownStatus } from '../api/statuses';

export const STATUS_NAMES: Record<'en' | 'cs', Record<KnownStatus, string>> = {
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
