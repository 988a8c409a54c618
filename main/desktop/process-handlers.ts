// Last-resort handlers of the main process: an uncaught exception or an unhandled rejection is logged
// with its stack instead of ending the app. A tray app that exits silently leaves the user with no icon
// and no clue; the failing piece is usually one request or one menu click, and the rest keeps working.
import type { Log } from '../app-log';

export interface ProcessLike {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/** The stack when there is one (it says where), else the message or the value itself. */
export function describeFailure(reason: unknown): string {
  if (reason instanceof Error) return reason.stack ?? `${reason.name}: ${reason.message}`;
  return String(reason);
}

/** Installs both handlers; returns their removal. */
export function installProcessHandlers(target: ProcessLike, log: Log): () => void {
  const onException = (error: Error) => safeLog(log, `uncaught exception: ${describeFailure(error)}`);
  const onRejection = (reason: unknown) => safeLog(log, `unhandled rejection: ${describeFailure(reason)}`);
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}

/** A log that throws here would raise another uncaught exception, and loop. */
function safeLog(log: Log, message: string): void {
  try {
    log('error', message);
  } catch {
    // Nowhere left to report it.
  }
}
