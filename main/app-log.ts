// The main process's log: every line, from the Electron edge and the core alike, passes through the one
// redactor that learns each token as the app sees it, so no line can carry a token out.
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

export function createAppLog(redactor: Redactor, sink: LogSink = consoleSink): Log {
  return (level, message) => sink(level, `[vps-tray] ${redactor.redact(message)}`);
}
