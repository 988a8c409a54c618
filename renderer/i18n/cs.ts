// Czech messages of the popup's first glance. Typed against the English groups and names (./en): a
// missing message fails the typecheck. The views' messages are ./cs-views. Words the tray shows too come
// from common/i18n/words-cs.
import type { Translation } from '../../common/i18n/i18n';
import { csWords } from '../../common/i18n/words-cs';
import type { en } from './en';

export const cs: Translation<typeof en> = {
  ...csWords,
  app: {
    title: 'VPS.org',
    loading: 'Načítání…',
  },
  actionNamed: {
    start: 'Spustit {name}',
    stop: 'Zastavit {name}',
    reboot: 'Restartovat {name}',
  },
  progress: {
    start: 'Spouští se…',
    stop: 'Zastavuje se…',
    reboot: 'Restartuje se…',
    create: 'Vytváří se…',
    replace: 'Ukládá se…',
    update: 'Ukládá se…',
    delete: 'Maže se…',
  },
  outcome: {
    ...csWords.outcome,
    watching: 'Výsledek akce „{action}“ serveru {name} není znám; aplikace server sleduje a výsledek ukáže zde.',
  },
  list: {
    label: 'Servery',
    search: 'Hledat servery',
    searchPlaceholder: 'Hledat název, hostname, IP',
    count: { one: '{count} server', few: '{count} servery', many: '{count} serveru', other: '{count} serverů' },
    shownOf: '{shown} z {total}',
    lastUpdated: 'Aktualizováno {time}',
    live: 'Aktuální · kontrola každých {seconds} s',
    neverUpdated: 'Zatím neaktualizováno',
    refreshing: 'Obnovuje se…',
    filterFailed: 'Filtr selhal: {message}',
    skipped: 'Nepodařilo se načíst {servers}.',
    nameInAccount: '{name} ({account})',
    filters: 'Filtry',
    filtersActive: 'Filtry ({count})',
    dismissNotice: 'Zavřít zprávu o serveru {name}',
  },
  glance: {
    label: 'Servery na první pohled',
    attention: {
      one: '{count} vyžaduje pozornost',
      few: '{count} vyžadují pozornost',
      many: '{count} vyžaduje pozornost',
      other: '{count} vyžaduje pozornost',
    },
    busy: { one: '{count} probíhá', few: '{count} probíhají', many: '{count} probíhá', other: '{count} probíhá' },
    watch: '{count} ke kontrole',
    running: '{count} běží',
    stopped: {
      one: '{count} zastaven',
      few: '{count} zastaveny',
      many: '{count} zastaveno',
      other: '{count} zastaveno',
    },
    suspended: {
      one: '{count} pozastaven',
      few: '{count} pozastaveny',
      many: '{count} pozastaveno',
      other: '{count} pozastaveno',
    },
    other: { one: '{count} jiný', few: '{count} jiné', many: '{count} jiných', other: '{count} jiných' },
    paused: 'Upozornění pozastavena',
    pausedUntil: 'Upozornění pozastavena do {time}',
  },
  stale: {
    title: 'Zobrazena data z {time}, nemusí být aktuální.',
    retryIn: ' (další pokus za {seconds} s)',
    failed: 'Poslední obnovení selhalo.',
  },
  announce: {
    changed: 'Stav serveru {name}: {status}',
    added: 'Přidán server {name}, stav: {status}',
    removed: 'Server {name} odebrán',
  },
  button: {
    ...csWords.button,
    retry: 'Zkusit znovu',
    dismiss: 'Zavřít',
  },
  nav: {
    back: 'Zpět',
    settings: 'Nastavení',
    create: 'Nový server',
  },
  demo: {
    badge: 'Demo',
    banner: 'Ukázkový režim: simulované servery, nic není skutečné.',
    connect: 'Připojit svůj účet',
  },
  errorKind: {
    unauthorized: 'VPS.org API token odmítlo.',
    'payment-required': 'Nedostatek kreditu: dobijte si účet VPS.org a zkuste to znovu.',
    'not-found': 'VPS.org tento server nezná; možná byl smazán.',
    'bad-request': 'VPS.org požadavek odmítlo.',
    'rate-limited': 'VPS.org žádá o zpomalení{detail}.',
    server: 'VPS.org má potíže{detail}.',
    network: 'VPS.org není dostupné.',
    timeout: 'VPS.org neodpovědělo včas.',
    'invalid-response': 'VPS.org poslalo odpověď, kterou aplikace neumí přečíst.',
    'invalid-payload': 'Požadavek nebyl platný, a proto nebyl do VPS.org odeslán.',
    forbidden: 'Tento požadavek odsud není povolen.',
    conflict: 'Teď to nejde.',
    'no-token': 'Nejprve nastavte API token VPS.org (nebo spusťte demo).',
    storage: 'Token je platný, ale systémová klíčenka ho nepřijala.',
    internal: 'V aplikaci se něco pokazilo. Zkuste to znovu.',
  },
  error: {
    'quoted.bad-request': 'VPS.org požadavek odmítlo: „{text}“',
    'quoted.conflict': 'Teď to nejde: „{text}“',
    rateLimited: 'VPS.org žádá počkat {seconds} s, než to zkusíte znovu.',
    maybeChanged: 'Změna mohla, ale nemusela proběhnout: obnovte seznam a podívejte se na stav serveru.',
    apiSaid: 'VPS.org uvedlo: „{text}“',
    nothingChanged: 'Nic se nezměnilo.',
    checkConnection: 'Zkontrolujte připojení k internetu.',
    tryLater: 'Zkuste to později.',
  },
  accepted: {
    sent: 'Požadavek „{action}“ pro {name} odeslán; čeká se na dokončení…',
  },
  alerts: {
    attention: 'Vyžaduje pozornost',
  },
};
