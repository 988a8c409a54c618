// The history file's text, line by line: one JSON record per line, each ended by a newline. A line that
// is not JSON or not an event this version knows (a torn last line after a crash, a damaged or newer
// record) is skipped and counted, never an error, so nothing after it is lost.
import { readHistoryEvent, type HistoryEvent } from './events';

export interface ReadLines {
  events: HistoryEvent[];
  /** Lines that were skipped (empty lines are not counted). */
  skipped: number;
}

export function parseLines(text: string): ReadLines {
  const events: HistoryEvent[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skipped += 1;
      continue;
    }
    const event = readHistoryEvent(value);
    if (event === null) skipped += 1;
    else events.push(event);
  }
  return { events, skipped };
}

/** One event as its line, newline included. A JSON string escapes every line break, so it is one line. */
export function toLine(event: HistoryEvent): string {
  return `${JSON.stringify(event)}\n`;
}
