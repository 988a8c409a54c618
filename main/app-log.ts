// The main process's log: every line, from the Electron edge and the core alike, passes through the one
// redactor that learns each token as the app sees it, so no line can carry a token out, and has its
// control characters escaped, so a server name with a line break in it cannot forge a line of the log
// file or of "Copy diagnostics".
import type { Redactor } from './redactor';

/** How serious a log line is. */
export type LogLevel = 'info' | 'warn' | 'error';

/** Where the app writes a log line. Messages never carry the token (the core redacts them first). */
export type Log = (level: LogLevel, message: string) => void;

export type LogSink = (level: LogLevel, line: string) => void;

export const consoleSink: LogSink = (level, line) => console[level](line);

/** One sink writing each line to all of them (the console and the log file). */
export function combineSinks(...sinks: LogSink[]): LogSink {
  return (level, line) => {
    for (const sink of sinks) sink(level, line);
  };
}

/** C0, DEL, C1, the line and paragraph separators and the bidirectional controls. */
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * One line of text: each control character written as an escape (`\n`, `\u001b`, `\u202e`). Backslashes
 * stay as they are (Windows paths read as usual): a literal `\n` may look like an escaped one, but
 * nothing in a message can start a new line.
 */
function escapeLogLine(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (char) => NAMED_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function createAppLog(redactor: Redactor, sink: LogSink = consoleSink): Log {
  return (level, message) => sink(level, `[vps-tray] ${escapeLogLine(redactor.redact(message))}`);
}
