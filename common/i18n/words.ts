// Words the tray, the notifications and the popup all show, in each language, written once so they
// always say the same thing: a notification and the popup word an action's outcome and a refusal alike.
// Each side's dictionary starts from these groups (the popup adds to `outcome` and `button`); the
// sentences built from them are in ./sentences. One module per language, so the popup's start bundle
// carries only English (the other languages load with their dictionaries): this one is the reference,
// ./words-cs is typed against it.
import type { Dictionary } from './i18n';

export const enWords = {
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
  /** The action inside a sentence: "The reboot of web-01 failed". */
  actionName: {
    start: 'start',
    stop: 'stop',
    reboot: 'reboot',
    create: 'creation',
    replace: 'edit',
    update: 'rename',
    delete: 'deletion',
  },
  confirm: {
    question: '{action} {name}?',
  },
  // An action's outcome: the notification's body and the popup's row notice (sentences outcomeText).
  // A notification has no `{detail}`, so every sentence reads whole without it.
  outcome: {
    done: '{name} {verb} ({elapsed})',
    failed: 'The {action} of {name} failed.{detail}{now}',
    'timed-out': 'The {action} of {name} did not finish within {elapsed}.{now}',
    unknown: 'The {action} of {name} may or may not have happened{now}. Refresh to check.',
    removed: '{name} no longer exists.',
  },
  /** Where a power action left the server (`{now}` of the outcomes). */
  outcomeStatus: {
    failed: ' It is {status} now.',
    'timed-out': ' It is {status} now.',
    unknown: '; it still shows {status}',
  },
  /** Why the app refused an action without asking VPS.org (sentences conflictText). */
  conflict: {
    'already-running': '{name} is already running.',
    'not-running': '{name} is not running.',
    suspended: '{name} is suspended; power actions are not available.',
    'in-flight': '{name}: wait until the current action ({pending}) finishes.',
    'in-flightAny': '{name}: wait until the current action finishes.',
    transitional: '{name} is {status} now; wait until it settles.',
    'other-status': '{name} is {status}, so this action is not possible now.',
    'name-mismatch': 'This server is now called {name}, so nothing was deleted. Check that it is the one you mean.',
  },
  /** Whole minutes of an elapsed time (sentences elapsedText); the units are the same in every language. */
  elapsed: { minutes: '{minutes} min' },
  /** Buttons (and menu items) of the same meaning wherever they appear. */
  button: {
    cancel: 'Cancel',
    refresh: 'Refresh',
  },
  /** What deviates on a server (expected-state alerts): "web-01 should be running but is stopped". */
  deviation: {
    stopped: 'should be running but is stopped',
    suspended: 'should be running but is suspended',
    gone: 'should be running but is no longer listed',
    'unknown-status': 'should be running but its status is unknown',
    cpu: 'CPU use is over its threshold',
    disk: 'disk use is over its threshold',
    bandwidth: 'traffic is over its threshold',
  },
  /** A server's expectation: the tray's checkbox and the detail view's switch. */
  expectation: {
    'should-run': 'Should be running',
    'may-stop': 'May be stopped',
  },
  /** Pauses: alerts stay quiet for a while. */
  pause: {
    '1h': 'For 1 hour',
    tomorrow: 'Until tomorrow 08:00',
    indefinite: 'Until I resume them',
    off: 'Resume alerts',
  },
  alert: {
    acknowledge: 'Acknowledge',
    pause: 'Pause alerts',
  },
} satisfies Dictionary;
