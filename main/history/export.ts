// A history exported as a file: one row (CSV) or one plain record (JSON) per entry, oldest first, times
// in ISO 8601 (UTC). Every entry kind has the same columns; a column that does not apply is empty (null
// in JSON). CSV follows RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
import type { ExportFormat, HistoryEntry } from '../../common/history';

const COLUMNS = [
  'at',
  'until',
  'kind',
  'account',
  'server_id',
  'server',
  'from',
  'to',
  'action',
  'source',
  'outcome',
  'took_ms',
  'alert',
  'severity',
  'acknowledged',
  'paused',
  'failure',
  'reason',
] as const;
type Column = (typeof COLUMNS)[number];
type ExportRecord = Record<Column, string | number | boolean | null>;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function recordOf(entry: HistoryEntry, accountLabel: (accountId: string) => string | null): ExportRecord {
  const record: ExportRecord = Object.fromEntries(COLUMNS.map((column) => [column, null])) as ExportRecord;
  record.at = iso(entry.at);
  record.kind = entry.kind;
  switch (entry.kind) {
    case 'status':
    case 'action':
    case 'alert':
      record.account = accountLabel(entry.ref.accountId) ?? entry.ref.accountId;
      record.server_id = entry.ref.id;
      record.server = entry.name;
      break;
    case 'account':
      record.account = entry.label ?? entry.accountId;
      break;
    case 'gap':
      record.account = entry.accountId === undefined ? null : (accountLabel(entry.accountId) ?? entry.accountId);
  }
  switch (entry.kind) {
    case 'status':
      Object.assign(record, { until: iso(entry.until), from: entry.from, to: entry.to });
      break;
    case 'action':
      Object.assign(record, {
        action: entry.action,
        source: entry.source,
        outcome: entry.outcome,
        took_ms: entry.tookMs,
      });
      break;
    case 'alert': {
      const { alert, severity, acknowledged, paused } = entry;
      Object.assign(record, { until: iso(entry.until), alert, severity, acknowledged, paused });
      break;
    }
    case 'account':
      Object.assign(record, { until: iso(entry.until), failure: entry.failure });
      break;
    case 'gap':
      Object.assign(record, { until: iso(entry.until), reason: entry.reason });
  }
  return record;
}

function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** The file of `entries` (any order; written oldest first); `baseName` is its name without the extension. */
export function exportFile(
  entries: readonly HistoryEntry[],
  format: ExportFormat,
  baseName: string,
  accountLabel: (accountId: string) => string | null,
): ExportFile {
  const records = entries.toSorted((a, b) => a.at - b.at).map((entry) => recordOf(entry, accountLabel));
  if (format === 'json')
    return {
      fileName: `${baseName}.json`,
      mimeType: 'application/json',
      content: `${JSON.stringify(records, null, 2)}\n`,
    };
  const lines = [
    COLUMNS.join(','),
    ...records.map((record) => COLUMNS.map((column) => csvField(record[column])).join(',')),
  ];
  return { fileName: `${baseName}.csv`, mimeType: 'text/csv', content: `${lines.join('\r\n')}\r\n` };
}

/** A file name made of a name the user gave (a server's, an account's): only letters, digits, `-`, `_`. */
export function safeFileName(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replaceAll(/[^\w-]+/g, '-')
    .replaceAll(/^-+|-+$/g, '')
    .slice(0, 60);
  return safe === '' ? 'history' : safe;
}
