// English messages of the popup's first glance (the list, its rows and banners, power confirmations,
// errors, announcements): the reference dictionary, in the start bundle. What only the views opened later
// show is ./en-views, a chunk loaded with those views (./index). Every other language is typed against
// both, so a missing translation fails the typecheck. `{name}` placeholders are filled by `t`; plural
// messages pick a form with Intl.PluralRules. Words the tray shows too come from common/i18n/words.
import type { Dictionary } from '../../common/i18n/i18n';
import { enWords } from '../../common/i18n/words';

export const en = {
  // Status names, done-verbs, power action labels, the confirmation question, Cancel and Refresh;
  // the outcomes and refusals the notifications show too (common/i18n/sentences).
  ...enWords,
  app: {
    title: 'VPS.org',
    loading: 'Loading…',
  },
  actionNamed: {
    start: 'Start {name}',
    stop: 'Stop {name}',
    reboot: 'Reboot {name}',
  },
  progress: {
    start: 'Starting…',
    stop: 'Stopping…',
    reboot: 'Rebooting…',
    create: 'Creating…',
    replace: 'Saving…',
    update: 'Saving…',
    delete: 'Deleting…',
  },
  // The popup's own outcome: an uncertain action it keeps watching (the others are common/i18n/words).
  outcome: {
    ...enWords.outcome,
    watching:
      'The outcome of the {action} of {name} is unknown; the app is watching the server and will show the result here.',
  },
  list: {
    label: 'Servers',
    search: 'Search servers',
    searchPlaceholder: 'Search name, hostname, IP',
    count: { one: '{count} server', other: '{count} servers' },
    shownOf: '{shown} of {total}',
    lastUpdated: 'Last updated {time}',
    live: 'Up to date · checked every {seconds} s',
    neverUpdated: 'Not updated yet',
    refreshing: 'Refreshing…',
    filterFailed: 'Filter failed: {message}',
    skipped: 'Could not read {servers}.',
    /** A server's name where another server has the same one (several accounts). */
    nameInAccount: '{name} ({account})',
    filters: 'Filters',
    /** The Filters button while some are set. */
    filtersActive: 'Filters ({count})',
    dismissNotice: 'Dismiss the message about {name}',
  },
  // The glance line: servers per verdict, each a filter of its own.
  glance: {
    label: 'Servers at a glance',
    attention: { one: '{count} needs attention', other: '{count} need attention' },
    busy: '{count} in progress',
    watch: '{count} to watch',
    running: '{count} running',
    stopped: '{count} stopped',
    suspended: '{count} suspended',
    other: '{count} other',
    paused: 'Alerts paused',
    pausedUntil: 'Alerts paused until {time}',
  },
  stale: {
    title: 'Showing data from {time}, it may be out of date.',
    retryIn: ' (retrying in {seconds} s)',
    failed: 'The last refresh failed.',
  },
  announce: {
    changed: '{name} is now {status}',
    added: '{name} added, {status}',
    removed: '{name} removed',
  },
  // Buttons of the same meaning wherever they appear.
  button: {
    ...enWords.button,
    retry: 'Retry now',
    dismiss: 'Dismiss',
  },
  nav: {
    back: 'Back',
    settings: 'Settings',
    create: 'New server',
  },
  demo: {
    badge: 'Demo',
    banner: 'Demo mode: simulated servers, nothing is real.',
    connect: 'Connect your account',
  },
  errorKind: {
    unauthorized: 'VPS.org rejected the API token.',
    'payment-required': 'Insufficient credits: top up your VPS.org account and try again.',
    'not-found': 'VPS.org does not know this server; it may have been deleted.',
    'bad-request': 'VPS.org refused the request.',
    'rate-limited': 'VPS.org asks to slow down{detail}.',
    server: 'VPS.org is having trouble{detail}.',
    network: 'VPS.org cannot be reached.',
    timeout: 'VPS.org did not answer in time.',
    'invalid-response': 'VPS.org sent an answer the app cannot read.',
    'invalid-payload': 'The request was not valid, so it was not sent to VPS.org.',
    forbidden: 'This request is not allowed from here.',
    conflict: 'Not possible right now.',
    'no-token': 'Set a VPS.org API token first (or try the demo).',
    // Only saving a token that VPS.org accepted can fail this way.
    storage: 'The token is valid, but the system keychain did not accept it.',
    internal: 'Something went wrong inside the app. Please try again.',
  },
  error: {
    'quoted.bad-request': 'VPS.org refused the request: “{text}”',
    'quoted.conflict': 'Not possible right now: “{text}”',
    rateLimited: 'VPS.org asks to wait {seconds} s before trying again.',
    maybeChanged: 'The change may or may not have been made: refresh to see the server’s state.',
    apiSaid: 'VPS.org said: “{text}”',
    nothingChanged: 'Nothing was changed.',
    checkConnection: 'Check your internet connection.',
    tryLater: 'Try again later.',
  },
  // Sent and accepted, not finished: the outcome replaces it when the server settles.
  accepted: {
    sent: '{action} of {name} sent; waiting for it to finish…',
  },
  // The list's alert mark (the alerts' settings and detail panel are in ./en-views).
  alerts: {
    /** The list's mark on a deviating server. */
    attention: 'Needs attention',
  },
} satisfies Dictionary;
