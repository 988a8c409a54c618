// English texts of the main process (the popup has its own dictionary in renderer/i18n).
import { DONE_VERBS, STATUS_NAMES } from '../../common/words';
import type { ActionKind, Messages } from './messages';

/** Also the English of what the core itself reports (outcome messages, refusals): one wording. */
/** "web-01 rebooted": one source with the popup. */
export const DONE_VERB = DONE_VERBS.en;

export const ACTION_NOUN: Record<ActionKind, string> = {
  start: 'Start',
  stop: 'Stop',
  reboot: 'Reboot',
  create: 'Creation',
  replace: 'Update',
  update: 'Rename',
  delete: 'Deletion',
};

export const en: Messages = {
  language: 'en',
  locale: 'en',
  status: STATUS_NAMES.en,
  actionLabel: { start: 'Start', stop: 'Stop', reboot: 'Reboot' },
  tooltip: {
    prefix: 'VPS.org — ',
    demoPrefix: 'VPS.org — demo: ',
    noToken: 'VPS.org — no token set',
    loading: 'loading…',
    offline: 'offline',
    error: 'error',
    lastUpdate: (time) => ` (last update ${time})`,
    count: {
      running: { other: '{count} running' },
      stopped: { other: '{count} stopped' },
      busy: { other: '{count} busy' },
      suspended: { other: '{count} suspended' },
      other: { other: '{count} other' },
    },
    noServers: 'no servers',
  },
  menu: {
    openApp: 'Open VPS.org Tray',
    noToken: 'No API token set — open the app to add one',
    notSent: 'The action was not sent. Open the app and try again.',
    demo: 'Demo mode — simulated servers',
    stale: '⚠ Not up to date — last refresh failed',
    noServers: 'No servers',
    status: (status, working) => `Status: ${status}${working ? ' (working…)' : ''}`,
    copyIp: 'Copy IP',
    refresh: 'Refresh',
    open: 'Open',
    settings: 'Settings…',
    quit: 'Quit',
    moreServers: (count) => `${count} more… — Open VPS.org Tray`,
  },
  confirm: {
    question: (action, name) => `${action} ${name}?`,
    detail: {
      start: 'The server will be powered on.',
      stop: 'The server will shut down; running services are interrupted.',
      reboot: 'The server will restart; running services are interrupted.',
    },
    cancel: 'Cancel',
  },
  powerFailed: (action, name) => `${ACTION_NOUN[action]} of ${name} failed`,
  conflict: {
    inFlight: (name, pending) => `${name}: another action (${pending ?? 'unknown'}) is still in progress.`,
    busy: (name, status) => `${name} is ${status}; wait until it settles.`,
    suspended: (name) => `${name} is suspended; power actions are not available.`,
    alreadyRunning: (name) => `${name} is already running.`,
    notRunning: (name) => `${name} is not running.`,
    otherStatus: (action, name, status) => `${name} cannot be ${DONE_VERB[action]} while it is ${status}.`,
  },
  outcome: {
    done: (action, name, elapsed) => `${name} ${DONE_VERB[action]} in ${elapsed}`,
    failed: (action, name, elapsed) => `${ACTION_NOUN[action]} of ${name} failed after ${elapsed}.`,
    timedOut: (action, name, elapsed) => `${ACTION_NOUN[action]} of ${name} did not finish within ${elapsed}.`,
    removed: (name) => `${name} no longer exists.`,
    unknown: (action, name, elapsed) =>
      `${ACTION_NOUN[action]} of ${name} may or may not have happened: VPS.org's answer was lost and the server showed no change within ${elapsed}.`,
    nowStatus: (status) => `It is now ${status}.`,
  },
};
