// The history's two marks that must survive a restart, in `marks.json` beside the events: when the app
// was last seen running (a heartbeat, so the next start knows how long it was not watching) and when the
// popup was last closed (the digest's "since you last looked"). Written atomically (files.ts), 0600; a
// missing or damaged file is no marks, never an error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from '../app-log';
import { ensureFolder, errorCode, writeAtomically, type Rename } from './files';

export const MARKS_FILE = 'marks.json';

export interface HistoryMarks {
  /** The last time the app was seen running (ms since the epoch). */
  lastSeenAt?: number;
  /** The last time the popup was closed. */
  lastClosedAt?: number;
}

export interface MarksFile {
  read(): HistoryMarks;
  write(marks: HistoryMarks): void;
}

const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

export function createMarksFile(directory: string, log: Log, rename: Rename): MarksFile {
  const path = join(directory, MARKS_FILE);
  return {
    read() {
      try {
        const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
        if (typeof value !== 'object' || value === null) return {};
        const { lastSeenAt, lastClosedAt } = value as Record<string, unknown>;
        return { ...(isTime(lastSeenAt) && { lastSeenAt }), ...(isTime(lastClosedAt) && { lastClosedAt }) };
      } catch {
        return {};
      }
    },
    write(marks) {
      try {
        ensureFolder(directory);
        writeAtomically(path, JSON.stringify(marks), rename);
      } catch (error) {
        log('warn', `History: could not write its marks (${errorCode(error)}).`);
      }
    },
  };
}

export function createMemoryMarks(): MarksFile {
  let kept: HistoryMarks = {};
  return { read: () => ({ ...kept }), write: (marks) => void (kept = { ...marks }) };
}
