// Czech texts of the main process. Status names and done-verbs are shared with the popup
// (common/words.ts), so the tray, the dialogs and the popup say the same thing.
import { DONE_VERBS, STATUS_NAMES } from '../../common/words';
import type { ActionKind, Messages } from './messages';

const DONE_PARTICIPLE = DONE_VERBS.cs;

// Verbal nouns, all neuter, so "…se nezdařilo" / "…nebylo dokončeno" fit every action.
const NOUN: Record<ActionKind, string> = {
  start: 'Spuštění',
  stop: 'Zastavení',
  reboot: 'Restartování',
  create: 'Vytvoření',
  replace: 'Uložení změn',
  update: 'Přejmenování',
  delete: 'Smazání',
};

export const cs: Messages = {
  language: 'cs',
  locale: 'cs',
  status: STATUS_NAMES.cs,
  actionLabel: { start: 'Spustit', stop: 'Zastavit', reboot: 'Restartovat' },
  tooltip: {
    prefix: 'VPS.org — ',
    demoPrefix: 'VPS.org — demo: ',
    noToken: 'VPS.org — není nastaven API token',
    loading: 'načítání…',
    offline: 'nedostupné',
    error: 'chyba',
    lastUpdate: (time) => ` (aktualizováno v ${time})`,
    count: {
      running: { one: '{count} server běží', few: '{count} servery běží', other: '{count} serverů běží' },
      stopped: {
        one: '{count} server zastaven',
        few: '{count} servery zastaveny',
        other: '{count} serverů zastaveno',
      },
      busy: { one: '{count} server mění stav', few: '{count} servery mění stav', other: '{count} serverů mění stav' },
      suspended: {
        one: '{count} server pozastaven',
        few: '{count} servery pozastaveny',
        other: '{count} serverů pozastaveno',
      },
      other: {
        one: '{count} server v jiném stavu',
        few: '{count} servery v jiném stavu',
        other: '{count} serverů v jiném stavu',
      },
    },
    noServers: 'žádné servery',
  },
  menu: {
    openApp: 'Otevřít VPS.org Tray',
    noToken: 'Není nastaven API token — otevřete aplikaci a přidejte ho',
    notSent: 'Akce nebyla odeslána. Otevřete aplikaci a zkuste to znovu.',
    demo: 'Ukázkový režim — simulované servery',
    stale: '⚠ Neaktuální — poslední obnovení selhalo',
    noServers: 'Žádné servery',
    status: (status, working) => `Stav: ${status}${working ? ' (probíhá akce…)' : ''}`,
    copyIp: 'Kopírovat IP',
    refresh: 'Obnovit',
    open: 'Otevřít',
    settings: 'Nastavení…',
    quit: 'Ukončit',
    moreServers: (count) => `Další servery (${count})… — Otevřít VPS.org Tray`,
  },
  confirm: {
    question: (action, name) => `${action} ${name}?`,
    detail: {
      start: 'Server se zapne.',
      stop: 'Server se vypne; běžící služby se přeruší.',
      reboot: 'Server se restartuje; běžící služby se přeruší.',
    },
    cancel: 'Zrušit',
  },
  powerFailed: (action, name) => `${NOUN[action]} serveru ${name} se nezdařilo`,
  conflict: {
    inFlight: (name, pending) =>
      `Na serveru ${name} ještě probíhá jiná akce${pending ? ` (${NOUN[pending].toLowerCase()})` : ''}.`,
    busy: (name, status) => `Server ${name} je ve stavu „${status}“; počkejte, až se ustálí.`,
    suspended: (name) => `Server ${name} je pozastaven; akce napájení nejsou k dispozici.`,
    alreadyRunning: (name) => `Server ${name} už běží.`,
    notRunning: (name) => `Server ${name} neběží.`,
    otherStatus: (action, name, status) => `${NOUN[action]} serveru ${name} není možné ve stavu „${status}“.`,
  },
  outcome: {
    done: (action, name, elapsed) => `Server ${name} ${DONE_PARTICIPLE[action]} za ${elapsed}`,
    failed: (action, name, elapsed) => `${NOUN[action]} serveru ${name} se nezdařilo (po ${elapsed}).`,
    timedOut: (action, name, elapsed) => `${NOUN[action]} serveru ${name} nebylo dokončeno ani za ${elapsed}.`,
    removed: (name) => `Server ${name} už neexistuje.`,
    unknown: (action, name, elapsed) =>
      `${NOUN[action]} serveru ${name} možná proběhlo, možná ne: odpověď VPS.org se ztratila a server ani po ${elapsed} nehlásí změnu.`,
    nowStatus: (status) => `Stav: ${status}.`,
  },
};
