// The diagnostics text a user pastes into a bug report: versions, OS and desktop, keychain backend, how
// many accounts (never their labels), poll intervals, updates, and the last warnings and errors. Never
// the token; server names, hostnames and IP addresses only when the user ticks "Include server names"
// (the known ones by name, any other address or hostname by its shape).
import type { UpdateState } from '../../common/contract';
import type { PollIntervals } from '../../common/settings';
import type { DiagnosticsEnvironment } from './environment';
import { historyLines, type HistoryFacts } from './history-facts';
import type { RecentLine } from './recent-log';

export interface DiagnosticsFacts {
  appVersion: string;
  environment: DiagnosticsEnvironment;
  language: string;
  systemLocale: string;
  /** e.g. `gnome_libsecret`, and whether the token is kept across restarts; null without a token. */
  keychain: { backend: string; persisted: boolean } | null;
  accounts: number;
  demo: boolean;
  pollIntervals: PollIntervals;
  notifications: boolean;
  autoUpdate: boolean;
  updates: UpdateState;
  recent: RecentLine[];
  /** The history's size, and its last events when names are included; absent: no history. */
  history?: HistoryFacts;
  /** ms since epoch */
  now: number;
}

/** What is taken out of every line; `names` only unless the user ticked "Include server names". */
export interface Scrubbing {
  /** Removes every token the app has seen (the process's one redactor). */
  redact(text: string): string;
  includeServerNames: boolean;
  /** Server names, hostnames and IP addresses the app knows (the fleet), and account labels and API hosts. */
  known: Array<{ text: string; as: '[server]' | '[host]' | '[ip]' | '[account]' }>;
}

const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])/g;
// Full (8 groups) or compressed (with ::) IPv6; times like 04:10:00 are neither.
const IPV6 =
  /(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?|::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*))(?![\w:])/gi;
// A lowercase dotted name ending in letters: hostnames, not stack frames (`Server.emit`) or file names.
const HOSTNAME = /(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,24})(?![\w-])/g;
const FILE_EXTENSIONS = new Set(
  'js cjs mjs ts tsx json log yml yaml html css map asar png node exe dmg zip appimage deb rpm md txt'.split(' '),
);
/** The service's own public names say nothing about the user. */
const PUBLIC_HOSTS = new Set(['vps.org', 'admin.vps.org']);
// The user's name in home-folder paths (stack traces, log folder).
const HOME = /(\/home\/|\/Users\/|[A-Z]:\\Users\\)[^/\\\s]+/g;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function scrub(text: string, scrubbing: Scrubbing): string {
  let result = scrubbing.redact(text).replace(HOME, '$1[user]');
  if (scrubbing.includeServerNames) return result;
  // Longest first, so "web-01.example.com" goes before "web-01".
  const known = scrubbing.known
    .filter((entry) => entry.text.trim().length > 0)
    .toSorted((a, b) => b.text.length - a.text.length);
  for (const { text: name, as } of known) {
    // Short names only as whole words, so "db" does not eat every "db" inside other words.
    const pattern = name.length >= 4 ? escapeRegExp(name) : `(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`;
    result = result.replace(new RegExp(pattern, 'gi'), as);
  }
  return result
    .replace(IPV4, '[ip]')
    .replace(IPV6, '[ip]')
    .replace(HOSTNAME, (match: string, tld: string) =>
      FILE_EXTENSIONS.has(tld) || PUBLIC_HOSTS.has(match) ? match : '[host]',
    );
}

const iso = (ms: number) => new Date(ms).toISOString();

function updatesLine(facts: DiagnosticsFacts): string {
  const { updates } = facts;
  if (updates.unavailable) return `not available (${updates.unavailable})`;
  const version = updates.version ? ` ${updates.version}` : '';
  const checked = updates.checkedAt === null ? 'never checked' : `last checked ${iso(updates.checkedAt)}`;
  return `${updates.phase}${version}, ${checked}, automatic checks ${facts.autoUpdate ? 'on' : 'off'}`;
}

export function buildDiagnosticsReport(facts: DiagnosticsFacts, scrubbing: Scrubbing): string {
  const env = facts.environment;
  const electron = env.electron ? `${env.electron} (Chromium ${env.chrome ?? '?'}, Node ${env.node})` : 'none';
  const desktop = [env.desktop ?? 'unknown', env.sessionType].filter(Boolean).join(', ');
  const keychain = facts.keychain
    ? `${facts.keychain.backend} (${facts.keychain.persisted ? 'kept across restarts' : 'this session only'})`
    : 'no token stored';
  const { idleSeconds, openSeconds, fastSeconds } = facts.pollIntervals;
  const lines = [
    `VPS.org Tray diagnostics, ${iso(facts.now)}`,
    `App version: ${facts.appVersion}`,
    `Electron: ${electron}`,
    `OS: ${env.platform} ${env.osVersion} (${env.arch})`,
    `Desktop: ${desktop}`,
    `Language: ${facts.language} (system locale ${facts.systemLocale})`,
    `Keychain: ${keychain}`,
    `Accounts: ${facts.accounts}${facts.demo ? ' (demo mode)' : ''}`,
    `Poll intervals: idle ${idleSeconds} s, popup open ${openSeconds} s, during actions ${fastSeconds} s`,
    `Notifications: ${facts.notifications ? 'on' : 'off'}`,
    `Updates: ${updatesLine(facts)}`,
    `Server names and addresses: ${scrubbing.includeServerNames ? 'included' : 'left out'}`,
    ...(facts.history ? historyLines(facts.history) : []),
    '',
    facts.recent.length === 0
      ? 'Recent warnings and errors: none'
      : `Recent warnings and errors (${facts.recent.length}):`,
    // Only the log lines can carry names and addresses (the facts above are versions and settings,
    // which the address patterns would mangle); every line loses any token.
    ...facts.recent.map((entry) => `${iso(entry.at)} ${entry.level.toUpperCase()} ${scrub(entry.line, scrubbing)}`),
  ];
  return `${lines.map((line) => scrubbing.redact(line)).join('\n')}\n`;
}
