// The main process's log file: `main.log` in the platform's log folder, rotated at a size cap to
// `main.1.log` … `main.<keep>.log`, older files deleted. Plain node:fs, a few lines of code: the app logs a
// handful of lines a minute, so no logging library is needed.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LogSink } from '../app-log';

export interface LogFileOptions {
  /** The log folder (Electron's `app.getPath('logs')`); created when missing. */
  directory: string;
  /** Size at which `main.log` is rotated. */
  maxBytes?: number;
  /** Rotated files kept besides `main.log`. */
  keep?: number;
  now?: () => number;
  /** Told once when the file cannot be written; the lines then go to the other sinks only. */
  onFailure?: (error: unknown) => void;
}

const LOG_FILE_MAX_BYTES = 1024 * 1024;
const LOG_FILES_KEPT = 3;

const logFileName = (index: number): string => (index === 0 ? 'main.log' : `main.${index}.log`);

/**
 * Appends synchronously: lines are rare, and a line logged just before a crash or quit (an uncaught
 * exception, the last `before-quit` line) must be on disk, which a queue flushed later cannot promise.
 */
export function createLogFileSink(options: LogFileOptions): LogSink {
  const maxBytes = options.maxBytes ?? LOG_FILE_MAX_BYTES;
  const keep = options.keep ?? LOG_FILES_KEPT;
  const now = options.now ?? Date.now;
  const path = (index: number) => join(options.directory, logFileName(index));
  let size: number | null = null;
  let failed = false;

  function open(): number {
    mkdirSync(options.directory, { recursive: true });
    try {
      return statSync(path(0)).size;
    } catch {
      return 0;
    }
  }

  function rotate(): void {
    rmSync(path(keep), { force: true });
    for (let index = keep - 1; index >= 0; index -= 1) {
      try {
        renameSync(path(index), path(index + 1));
      } catch {
        // A missing older file: nothing to move.
      }
    }
  }

  return (level, line) => {
    if (failed) return;
    try {
      size ??= open();
      const text = `${new Date(now()).toISOString()} ${level.toUpperCase()} ${line}\n`;
      const bytes = Buffer.byteLength(text);
      if (size > 0 && size + bytes > maxBytes) {
        rotate();
        size = 0;
      }
      appendFileSync(path(0), text);
      size += bytes;
    } catch (error) {
      // A log folder that cannot be written must not take the app down: log to the console only.
      failed = true;
      options.onFailure?.(error);
    }
  };
}
