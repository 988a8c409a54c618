// The last warnings and errors of the main process, kept in memory for "Copy diagnostics": the lines as
// the log wrote them (already through the one redactor), with their time and level, at most `limit`.
import type { LogLevel } from '../app-log';

export interface RecentLine {
  /** ms since epoch */
  at: number;
  level: Exclude<LogLevel, 'info'>;
  line: string;
}

export const RECENT_LINES_KEPT = 20;

export interface RecentLog {
  /** A log sink: keeps warn and error lines, drops info. */
  record(level: LogLevel, line: string): void;
  /** Oldest first. */
  lines(): RecentLine[];
}

export function createRecentLog(options: { limit?: number; now?: () => number } = {}): RecentLog {
  const limit = options.limit ?? RECENT_LINES_KEPT;
  const now = options.now ?? Date.now;
  const kept: RecentLine[] = [];
  return {
    record(level, line) {
      if (level === 'info') return;
      kept.push({ at: now(), level, line });
      if (kept.length > limit) kept.splice(0, kept.length - limit);
    },
    lines: () => kept.map((entry) => ({ ...entry })),
  };
}
