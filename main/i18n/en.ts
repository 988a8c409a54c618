// English texts of the main process: the tray menu and tooltip, the tray's confirmation dialogs and the
// desktop notifications. The reference dictionary: Czech is typed against its groups and names. Words
// the popup shows too come from common/i18n/words.
import type { Dictionary } from '../../common/i18n/i18n';
import { WORDS } from '../../common/i18n/words';

const words = WORDS.en;

export const en = {
  // Status names, done-verbs, power action labels (menu items, dialog buttons), the confirmation
  // question, Cancel and Refresh.
  ...words,
  /** The action as the subject of a sentence: "Reboot of web-01 failed". */
  actionName: {
    start: 'Start',
    stop: 'Stop',
    reboot: 'Reboot',
    create: 'Creation',
    replace: 'Update',
    update: 'Rename',
    delete: 'Deletion',
  },
  tooltip: {
    prefix: 'VPS.org — ',
    demoPrefix: 'VPS.org — demo: ',
    noToken: 'VPS.org — no token set',
    loading: 'loading…',
    offline: 'offline',
    error: 'error',
    /** Appended to offline/error. */
    lastUpdate: ' (last update {time})',
    noServers: 'no servers',
  },
  /** The tooltip's counts, by the groups the tray counts servers in. */
  tooltipCount: {
    running: { other: '{count} running' },
    stopped: { other: '{count} stopped' },
    busy: { other: '{count} busy' },
    suspended: { other: '{count} suspended' },
    other: { other: '{count} other' },
  },
  menu: {
    openApp: 'Open VPS.org Tray',
    noToken: 'No API token set — open the app to add one',
    /** A power action refused before anything was sent, for a reason without its own wording. */
    notSent: 'The action was not sent. Open the app and try again.',
    demo: 'Demo mode — simulated servers',
    stale: '⚠ Not up to date — last refresh failed',
    noServers: 'No servers',
    status: 'Status: {status}{working}',
    working: ' (working…)',
    copyIp: 'Copy IP',
    open: 'Open',
    settings: 'Settings…',
    quit: 'Quit',
    /** Below the servers the menu shows. */
    moreServers: '{count} more… — Open VPS.org Tray',
  },
  confirmDetail: {
    start: 'The server will be powered on.',
    stop: 'The server will shut down; running services are interrupted.',
    reboot: 'The server will restart; running services are interrupted.',
  },
  notification: {
    /** The title when a power action sent from the tray was refused. */
    powerFailed: '{action} of {name} failed',
  },
  // Notification bodies: an action's outcome (common/i18n/sentences outcomeText) ...
  outcome: {
    ...words.outcome,
    done: '{name} {verb} in {elapsed}',
    failed: '{action} of {name} failed after {elapsed}.{now}',
    'timed-out': '{action} of {name} did not finish within {elapsed}.',
    unknown:
      "{action} of {name} may or may not have happened: VPS.org's answer was lost and the server showed no change within {elapsed}.{now}",
  },
  /** Where a power action left the server; a timed-out notification does not say it. */
  outcomeStatus: {
    failed: ' It is now {status}.',
    'timed-out': '',
    unknown: ' It is now {status}.',
  },
  // ... and a refusal without a request (common/i18n/sentences conflictText).
  conflict: {
    ...words.conflict,
    'in-flight': '{name}: another action ({pendingId}) is still in progress.',
    'in-flightAny': '{name}: another action (unknown) is still in progress.',
    busy: '{name} is {status}; wait until it settles.',
    'other-status': '{name} cannot be {verb} while it is {status}.',
  },
  /** Whole minutes (common/i18n/sentences elapsedText). */
  elapsed: { minutes: '{minutes} min' },
} satisfies Dictionary;
