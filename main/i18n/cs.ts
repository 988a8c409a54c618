// Czech texts of the main process. Typed against the English groups and names: a missing text fails
// the typecheck. Words the popup shows too come from common/i18n/words-cs.
import type { Translation } from '../../common/i18n/i18n';
import { csWords } from '../../common/i18n/words-cs';
import type { en } from './en';

export const cs: Translation<typeof en> = {
  ...csWords,
  tooltip: {
    prefix: 'VPS.org — ',
    demoPrefix: 'VPS.org — demo: ',
    noToken: 'VPS.org — není nastaven API token',
    loading: 'načítání…',
    offline: 'nedostupné',
    error: 'chyba',
    lastUpdate: ' (aktualizováno v {time})',
    noServers: 'žádné servery',
  },
  tooltipCount: {
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
  tooltipAccounts: {
    failing: { one: '{count} účet selhává', few: '{count} účty selhávají', other: '{count} účtů selhává' },
  },
  tooltipUptime: {
    share: 'Za 7 dní v provozu {percent} %',
    unknown: 'Dostupnost za 7 dní zatím není známa',
    incidents: { one: ', {count} výpadek', few: ', {count} výpadky', other: ', {count} výpadků' },
  },
  tooltipAlert: {
    attention: {
      one: '{count} server vyžaduje pozornost',
      few: '{count} servery vyžadují pozornost',
      other: '{count} serverů vyžaduje pozornost',
    },
  },
  alertMenu: {
    pausedUntil: 'Upozornění pozastavena do {time}',
    pausedIndefinitely: 'Upozornění pozastavena',
    tooltipPaused: ' (upozornění pozastavena)',
  },
  alertNotice: {
    title: 'Server {name} vyžaduje pozornost',
    recoveredTitle: 'Server {name} je opět v pořádku',
    recovered: 'Už neplatí: {deviation}.',
  },
  menu: {
    openApp: 'Otevřít VPS.org Tray',
    noToken: 'Není nastaven API token — otevřete aplikaci a přidejte ho',
    notSent: 'Akce nebyla odeslána. Otevřete aplikaci a zkuste to znovu.',
    demo: 'Ukázkový režim — simulované servery',
    stale: '⚠ Neaktuální — poslední obnovení selhalo',
    noServers: 'Žádné servery',
    status: 'Stav: {status}{working}',
    working: ' (probíhá akce…)',
    copyIp: 'Kopírovat IP',
    open: 'Otevřít',
    settings: 'Nastavení…',
    openLogs: 'Otevřít složku s logy',
    checkUpdates: 'Zkontrolovat aktualizace',
    checkingUpdates: 'Kontroluji aktualizace…',
    restartToUpdate: 'Restartovat a aktualizovat ({version})',
    updatesDevelopment: 'Aktualizace: ne ve vývojovém spuštění',
    updatesPackageManager: 'Aktualizace: přes správce balíčků',
    updatesPlatform: 'Aktualizace: pro tuto instalaci nejsou dostupné',
    quit: 'Ukončit',
    moreServers: 'Další servery ({count})… — Otevřít VPS.org Tray',
  },
  /** After an account's label in the menu (several accounts): why its servers are not up to date. */
  menuAccount: {
    offline: ' — ⚠ offline',
    error: ' — ⚠ obnovení selhalo',
    rejected: ' — ⚠ token odmítnut',
  },
  confirmDetail: {
    start: 'Server se zapne.',
    stop: 'Server se vypne; běžící služby se přeruší.',
    reboot: 'Server se restartuje; běžící služby se přeruší.',
  },
  update: {
    readyTitle: 'Verze {version} je připravena',
    readyBody: 'Restartujte a aktualizujte — klikněte sem nebo použijte nabídku v oznamovací oblasti.',
    upToDate: 'Máte nejnovější verzi',
    upToDateBody: 'Novější verze VPS.org Tray není.',
    checkFailed: 'Aktualizace teď nelze zkontrolovat',
    checkFailedBody: 'Aplikace to zkusí znovu později.',
    restartWaits: 'Restart zatím ne',
    restartWaitsBody: 'Akce na serveru ještě probíhá. Restartujte a aktualizujte, až skončí.',
  },
  notification: {
    powerFailed: 'Akce „{action}“ serveru {name} selhala',
    popupFailed: 'Okno VPS.org Tray přestalo fungovat',
    popupFailedBody:
      'Po znovunačtení selhalo znovu. Restartujte aplikaci; podrobnosti jsou ve složce s logy (nabídka v oznamovací oblasti).',
    retry: 'Zkusit znovu',
  },
};
