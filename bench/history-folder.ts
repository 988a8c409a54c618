// The history's folder of a benchmarked core: a fresh temporary one, as the app has `<userData>/history`,
// so the figures include the history's appends to its file as the app makes them (without a folder the
// core keeps its history in memory, which no app run does).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function temporaryHistoryFolder(): { directory: string; remove(): void } {
  const directory = mkdtempSync(join(tmpdir(), 'vps-bench-history-'));
  return { directory, remove: () => rmSync(directory, { recursive: true, force: true }) };
}
