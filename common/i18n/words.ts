// Words the tray, the notifications and the popup all show, in each language, written once so they
// always say the same thing. Each side's dictionary starts from these groups (and adds to `outcome`,
// `conflict` and `button`); the sentences built from them are in ./sentences.
import type { Dictionary, Language, Translation } from './i18n';

const en = {
  /** Status names; a status not listed is shown as the API sent it. */
  status: {
    active: 'running',
    stopped: 'stopped',
    suspended: 'suspended',
    provisioning: 'provisioning',
    starting: 'starting',
    stopping: 'stopping',
    rebooting: 'rebooting',
  },
  /** What an action did to a server: "web-01 rebooted". */
  doneVerb: {
    start: 'started',
    stop: 'stopped',
    reboot: 'rebooted',
    create: 'created',
    replace: 'edited',
    update: 'renamed',
    delete: 'deleted',
  },
  /** Power action buttons and menu items: "Reboot". */
  action: {
    start: 'Start',
    stop: 'Stop',
    reboot: 'Reboot',
  },
  confirm: {
    question: '{action} {name}?',
  },
  outcome: {
    removed: '{name} no longer exists.',
  },
  /** Refusals that both sides word alike; the other reasons are worded by each side. */
  conflict: {
    'already-running': '{name} is already running.',
    'not-running': '{name} is not running.',
    suspended: '{name} is suspended; power actions are not available.',
    'name-mismatch': 'This server is now called {name}, so nothing was deleted. Check that it is the one you mean.',
  },
  /** Buttons (and menu items) of the same meaning wherever they appear. */
  button: {
    cancel: 'Cancel',
    refresh: 'Refresh',
  },
} satisfies Dictionary;

const cs: Translation<typeof en> = {
  status: {
    active: 'běží',
    stopped: 'zastaven',
    suspended: 'pozastaven',
    provisioning: 'zřizuje se',
    starting: 'spouští se',
    stopping: 'zastavuje se',
    rebooting: 'restartuje se',
  },
  // Participles that agree with "server" (masculine): "Server web-01 byl restartován".
  doneVerb: {
    start: 'spuštěn',
    stop: 'zastaven',
    reboot: 'restartován',
    create: 'vytvořen',
    replace: 'upraven',
    update: 'přejmenován',
    delete: 'smazán',
  },
  action: {
    start: 'Spustit',
    stop: 'Zastavit',
    reboot: 'Restartovat',
  },
  confirm: {
    question: '{action} {name}?',
  },
  outcome: {
    removed: 'Server {name} už neexistuje.',
  },
  conflict: {
    'already-running': 'Server {name} už běží.',
    'not-running': 'Server {name} neběží.',
    suspended: 'Server {name} je pozastaven; akce napájení nejsou k dispozici.',
    'name-mismatch':
      'Tento server se nyní jmenuje {name}, proto nebylo nic smazáno. Ověřte, že jde o ten, který myslíte.',
  },
  button: {
    cancel: 'Zrušit',
    refresh: 'Obnovit',
  },
};

/** The shared words of each language. */
export const WORDS: Record<Language, Translation<typeof en>> = { en, cs };
