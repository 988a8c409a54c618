// The main process's log file: `main.log` in the platform's log folder, rotated at a size cap to
// `main.1.log` … `main.<keep>.log`, older files deleted. Plain node:fs, a few lines of code: the app logs a
// handful of lines a minute, so no logging library is needed. The log names servers and says what the
// user did: like settings.json and vault.json it is the user's alone, the folder 0700 and each file 0600
// (POSIX modes; Windows keeps the profile's own access rules).
import { appendFileSync, chmodSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
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
  /** `process.platform` by default: no POSIX modes are set on win32. */
  platform?: string;
}

const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

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

  const posix = (options.platform ?? process.platform) !== 'win32';

  /** The folder and the files an earlier version left readable to others made the user's alone. */
  function open(): number {
    mkdirSync(options.directory, { recursive: true, mode: FOLDER_MODE });
    if (posix) chmodSync(options.directory, FOLDER_MODE);
    let current = 0;
    for (let index = 0; index <= keep; index += 1) {
      try {
        const stats = statSync(path(index));
        if (index === 0) current = stats.size;
        if (posix && (stats.mode & 0o777) !== FILE_MODE) chmodSync(path(index), FILE_MODE);
      } catch {
        // No such file yet.
      }
    }
    return current;
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
      appendFileSync(path(0), text, { mode: FILE_MODE });
      size += bytes;
    } catch (error) {
      // A log folder that cannot be written must not take the app down: log to the console only.
      failed = true;
      options.onFailure?.(error);
    }
  };
}
