// A history exported: CSV with a header row and one row per entry (oldest first), RFC 4180 quoting of
// names with commas, quotes and line breaks, ISO times; JSON an array of the same plain records.
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../common/history';
import { exportFile, safeFileName } from '../../main/history/export';

const ref = { accountId: 'a1', id: 7 };
const entries: HistoryEntry[] = [
  {
    kind: 'action',
    ref,
    name: 'web, "main"\nline 2',
    at: Date.UTC(2026, 11, 7, 10),
    action: 'reboot',
    source: 'tray',
    outcome: 'succeeded',
    tookMs: 42_000,
  },
  {
    kind: 'status',
    ref,
    name: 'web, "main"\nline 2',
    at: Date.UTC(2026, 11, 7, 9),
    from: 'active',
    to: 'stopped',
    until: Date.UTC(2026, 11, 7, 10),
  },
  { kind: 'gap', at: Date.UTC(2026, 11, 6), until: Date.UTC(2026, 11, 6, 8), reason: 'not-running' },
];
const label = (id: string) => (id === 'a1' ? 'Work' : null);

describe('exportFile', () => {
  it('CSV: a header, one row per entry oldest first, quoted names, ISO times', () => {
    const file = exportFile(entries, 'csv', 'vps-history-web', label);
    expect(file.fileName).toBe('vps-history-web.csv');
    expect(file.mimeType).toBe('text/csv');
    const [header, ...rows] = file.content.split('\r\n');
    expect(header).toBe(
      'at,until,kind,account,server_id,server,from,to,action,source,outcome,took_ms,alert,severity,acknowledged,paused,failure,reason',
    );
    expect(rows).toEqual([
      '2026-12-06T00:00:00.000Z,2026-12-06T08:00:00.000Z,gap,,,,,,,,,,,,,,,not-running',
      // The quoted name keeps its line break inside the quotes, so the row is split here by CRLF only.
      '2026-12-07T09:00:00.000Z,2026-12-07T10:00:00.000Z,status,Work,7,"web, ""main""\nline 2",active,stopped,,,,,,,,,,',
      '2026-12-07T10:00:00.000Z,,action,Work,7,"web, ""main""\nline 2",,,reboot,tray,succeeded,42000,,,,,,',
      '',
    ]);
  });

  it('JSON: an array of plain records, the same fields, nulls where a field does not apply', () => {
    const file = exportFile(entries, 'json', 'x', label);
    expect(file).toMatchObject({ fileName: 'x.json', mimeType: 'application/json' });
    const records = JSON.parse(file.content) as Record<string, unknown>[];
    expect(records).toHaveLength(3);
    expect(records[2]).toMatchObject({
      at: '2026-12-07T10:00:00.000Z',
      kind: 'action',
      account: 'Work',
      server_id: 7,
      server: 'web, "main"\nline 2',
      took_ms: 42000,
      until: null,
    });
  });
});

describe('safeFileName', () => {
  it('keeps letters, digits, - and _ of a name, and never makes an empty or a path', () => {
    expect(safeFileName('web 1/../é')).toBe('web-1-e');
    expect(safeFileName('///')).toBe('history');
  });
});

const named = (name: string): HistoryEntry => ({
  kind: 'status',
  ref,
  name,
  at: 0,
  from: null,
  to: 'active',
  until: null,
});

const row = (name: string) => exportFile([named(name)], 'csv', 'x', label).content.split('\r\n')[1];

describe('CSV quoting', () => {
  it('quotes a field with only a quote, or only a line break, and leaves a plain one bare', () => {
    expect(row('db "primary"')).toContain(',"db ""primary""",');
    expect(row('db\nprimary')).toContain(',"db\nprimary",');
    expect(row('db-primary')).toContain(',db-primary,');
  });
});
