// The shared words in Czech (./words says what they are), typed against the English ones: a missing
// word fails the typecheck.
import type { Translation } from './i18n';
import type { enWords } from './words';

export const csWords: Translation<typeof enWords> = {
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
  // Infinitives, quoted as the name of the action: "Akce „restartovat“ serveru web-01 selhala".
  actionName: {
    start: 'spustit',
    stop: 'zastavit',
    reboot: 'restartovat',
    create: 'vytvořit',
    replace: 'upravit',
    update: 'přejmenovat',
    delete: 'smazat',
  },
  confirm: {
    question: '{action} {name}?',
  },
  outcome: {
    done: 'Server {name} byl {verb} ({elapsed})',
    failed: 'Akce „{action}“ serveru {name} selhala.{detail}{now}',
    'timed-out': 'Akce „{action}“ serveru {name} nebyla dokončena do {elapsed}.{now}',
    unknown: 'Není jisté, zda akce „{action}“ serveru {name} proběhla{now}. Obnovte seznam a zkontrolujte to.',
    removed: 'Server {name} už neexistuje.',
  },
  outcomeStatus: {
    failed: ' Aktuální stav: {status}.',
    'timed-out': ' Aktuální stav: {status}.',
    unknown: '; server stále hlásí stav: {status}',
  },
  conflict: {
    'already-running': 'Server {name} už běží.',
    'not-running': 'Server {name} neběží.',
    suspended: 'Server {name} je pozastaven; akce napájení nejsou k dispozici.',
    'in-flight': '{name}: počkejte, až doběhne probíhající akce „{pending}“.',
    'in-flightAny': '{name}: počkejte, až doběhne probíhající akce.',
    transitional: 'Stav serveru {name}: {status}; počkejte, až se ustálí.',
    'other-status': 'Stav serveru {name}: {status}; tato akce teď není možná.',
    'name-mismatch':
      'Tento server se nyní jmenuje {name}, proto nebylo nic smazáno. Ověřte, že jde o ten, který myslíte.',
  },
  elapsed: { minutes: '{minutes} min' },
  button: {
    cancel: 'Zrušit',
    refresh: 'Obnovit',
  },
  deviation: {
    stopped: 'má běžet, ale je zastaven',
    suspended: 'má běžet, ale je pozastaven',
    gone: 'má běžet, ale už není v seznamu',
    'unknown-status': 'má běžet, ale jeho stav je neznámý',
    cpu: 'vytížení CPU je nad limitem',
    disk: 'zaplnění disku je nad limitem',
    bandwidth: 'přenesená data jsou nad limitem',
  },
  expectation: {
    'should-run': 'Má běžet',
    'may-stop': 'Smí být zastaven',
  },
  pause: {
    '1h': 'Na 1 hodinu',
    tomorrow: 'Do zítřka 8:00',
    indefinite: 'Dokud je znovu nezapnu',
    off: 'Znovu zapnout upozornění',
  },
  alert: {
    acknowledge: 'Vzít na vědomí',
    pause: 'Pozastavit upozornění',
  },
};
