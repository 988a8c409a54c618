// English texts of the main process: the tray menu and tooltip, the tray's confirmation dialogs and the
// desktop notifications. The reference dictionary: Czech is typed against its groups and names. Words
// the popup shows too come from common/i18n/words.
import type { Dictionary } from '../../common/i18n/i18n';
import { enWords } from '../../common/i18n/words';

export const en = {
  // Status names, done-verbs, power action labels (menu items, dialog buttons), the confirmation
  // question, Cancel and Refresh; the notifications' outcomes and refusals (common/i18n/sentences).
  ...enWords,
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
  /** Appended to the counts when some of several accounts cannot be refreshed. */
  tooltipAccounts: {
    failing: { one: '{count} account failing', other: '{count} accounts failing' },
  },
  /** The tooltip's line of the fleet's uptime (Settings → History → uptime in the tooltip). */
  tooltipUptime: {
    share: '{percent} % up over 7 days',
    unknown: 'Uptime over 7 days not known yet',
    incidents: { one: ', {count} incident', other: ', {count} incidents' },
  },
  /** The tooltip's count of servers that deviate from what the user expects (before the other counts). */
  tooltipAlert: {
    attention: { other: '{count} need attention' },
  },
  alertMenu: {
    /** The whole tray's pause. */
    pausedUntil: 'Alerts paused until {time}',
    pausedIndefinitely: 'Alerts paused',
    /** Appended to the tooltip while the whole tray is paused. */
    tooltipPaused: ' (alerts paused)',
  },
  /** Notifications of expected-state alerts: a deviation turned hard, or it ended. */
  alertNotice: {
    title: '{name} needs attention',
    recoveredTitle: '{name} is back to normal',
    recovered: 'No longer: {deviation}.',
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
    /** Opens the folder of the app's log files in the file manager. */
    openLogs: 'Open log folder',
    checkUpdates: 'Check for updates',
    checkingUpdates: 'Checking for updates…',
    /** The downloaded version installs when the app restarts. */
    restartToUpdate: 'Restart to update ({version})',
    /** Disabled items saying why this copy of the app does not update itself. */
    updatesDevelopment: 'Updates: not in a development run',
    updatesPackageManager: 'Updates: through your package manager',
    updatesPlatform: 'Updates: not available for this installation',
    quit: 'Quit',
    /** Below the servers the menu shows. */
    moreServers: '{count} more… — Open VPS.org Tray',
  },
  /** After an account's label in the menu (several accounts): why its servers are not up to date. */
  menuAccount: {
    offline: ' — ⚠ offline',
    error: ' — ⚠ refresh failed',
    rejected: ' — ⚠ token rejected',
  },
  confirmDetail: {
    start: 'The server will be powered on.',
    stop: 'The server will shut down; running services are interrupted.',
    reboot: 'The server will restart; running services are interrupted.',
  },
  /** Quiet notifications of the app's own updates (never dialogs). */
  update: {
    readyTitle: 'Version {version} is ready',
    readyBody: 'Restart to update — click here or use the tray menu.',
    upToDate: "You're up to date",
    upToDateBody: 'VPS.org Tray has no newer version.',
    checkFailed: "Can't check for updates now",
    checkFailedBody: 'The app will try again later.',
    restartWaits: 'Not restarting yet',
    restartWaitsBody: 'A power action is still being carried out. Restart to update when it has finished.',
  },
  notification: {
    /** The title when a power action sent from the tray was refused; worded as the popup's failed outcome. */
    powerFailed: 'The {action} of {name} failed',
    /** The popup's renderer crashed or hung again after it was reloaded once. */
    popupFailed: 'The VPS.org Tray window stopped working',
    popupFailedBody: 'It failed again after a reload. Restart the app; details are in the log folder (tray menu).',
    /** The button of a failed power action's notification (macOS, Windows): the same action again. */
    retry: 'Retry',
  },
} satisfies Dictionary;
