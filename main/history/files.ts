// The history's files on disk: its folder (0700), the file (0600), and the one atomic rewrite: the new
// content goes to a temp file beside it, is flushed, then renamed over the file, so a crash at any
// moment leaves either the old file whole or the new one whole.
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const FOLDER_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Makes the folder when it is missing, and (on POSIX) keeps it to its owner. */
export function ensureFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: FOLDER_MODE });
  chmodSync(folder, FOLDER_MODE);
}

/** The error's code (`ENOENT`, `EACCES`) for a log line: never its message, which names the path. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}

export type Rename = (from: string, to: string) => void;

/** Replaces `path` with `text`, atomically; on any failure the old file is left as it was. */
export function writeAtomically(path: string, text: string, rename: Rename): void {
  const temp = `${path}.tmp`;
  try {
    const fd = openSync(temp, 'w', FILE_MODE);
    try {
      const bytes = Buffer.from(text, 'utf8');
      for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // A temp file left by an earlier crash kept its own mode through 'w'.
    chmodSync(temp, FILE_MODE);
    rename(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dirname(path));
}

/** Makes the rename itself durable where the OS allows it (not on Windows: a folder cannot be opened). */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort: the rename is already atomic, only its durability across a power loss is at stake.
  }
}
