// English messages of the history (issue #20): "Since you last looked", a server's timeline and uptime,
// Settings → History. Part of the views' messages (./en-views spreads them in), so they load with the
// lazy views and never weigh on the start bundle.
import type { Dictionary } from '../../common/i18n/i18n';

export const enHistory = {
  history: {
    digestTitle: 'Since you last looked',
    dismissDigest: 'Dismiss “Since you last looked”',
    more: 'and {count} more',
    open: 'Open {name}',
    /** A server's (or account's) part of the digest: who, then what happened when. */
    entry: '{who}: {what}',
    account: 'account {label}',
    /** A server no longer in the list. */
    goneServer: '#{id}',
    /** When: a moment, a span that ended, one still going on. */
    at: 'at {time}',
    since: 'since {time}',
    title: 'History',
    timeline: 'Last 7 days',
    today: 'Today',
    yesterday: 'Yesterday',
    empty: 'Nothing happened in the last 7 days.',
    showEarlier: { one: 'Show 1 earlier entry', other: 'Show {count} earlier entries' },
    loading: 'Loading history…',
    failed: 'Could not load the history: {message}',
    off: 'History is off.',
    openSettings: 'Settings → History',
    runningAgain: 'running again',
    paused: '(alerts paused)',
    acknowledged: '(acknowledged)',
    took: 'took {elapsed}',
    strip: 'Up and down',
    strip24h: '24 h',
    strip7d: '7 d',
    stripLabel: '{window}: up {up}, down {down}, unknown {unknown}',
    window24h: 'Last 24 hours',
    window7d: 'Last 7 days',
    uptime: 'Uptime',
    uptime24h: '24 h',
    uptime7d: '7 d',
    uptime30d: '30 d',
    percent: '{value} %',
    noData: '— (unknown)',
    unknownShare: '{value} % unknown',
    unknownSmall: '< 1 % unknown',
    unknownLarge: '> 99 % unknown',
    legendUp: 'up',
    legendDown: 'down',
    legendUnknown: 'unknown (not watched)',
  },
  /** A power action the user started, as done: "rebooted by you". */
  byYou: {
    start: 'started by you',
    stop: 'stopped by you',
    reboot: 'rebooted by you',
  },
  actionFailed: {
    start: 'your start failed',
    stop: 'your stop failed',
    reboot: 'your reboot failed',
  },
  /** Where an action was started. */
  source: {
    popup: 'from the popup',
    tray: 'from the tray menu',
    notification: 'from a notification',
    keyboard: 'from the keyboard',
  },
  /** Why an account's list could not be read. */
  failure: {
    offline: 'offline',
    unauthorized: 'token refused',
    'rate-limited': 'rate limited',
    'server-error': 'VPS.org failing',
  },
  /** Why the app was not watching. */
  gap: {
    'not-running': 'not watched: the app was not running',
    asleep: 'not watched: the computer was asleep',
    'account-failing': 'not watched: the account could not be read',
  },
  export: {
    csv: 'Export CSV',
    json: 'Export JSON',
    serverLabel: 'Export this server’s history',
    accountLabel: 'Export the history of {label}',
    saved: 'Saved.',
    failed: 'Could not export: {message}',
  },
  historySettings: {
    keep: 'Keep history',
    days: { one: 'For {count} day', other: 'For {count} days' },
    off: 'Off (record nothing)',
    tooltip: 'Show uptime in the tray tooltip',
    clear: 'Clear history',
    clearQuestion: 'Clear the history of every account? What was recorded on this computer is forgotten.',
    clearConfirm: 'Clear',
    cleared: 'History cleared.',
    clearFailed: 'Could not clear the history: {message}',
    export: 'Export',
    privacy: 'The history is kept only on this computer; it is never sent anywhere.',
  },
} satisfies Dictionary;
