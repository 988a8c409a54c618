// The server deleted just now, until the list says it (once). Here, in the start bundle, and not in the
// notes' chunk (ListNotes), because the list asks for that chunk only when it has a note to show: this
// tells it one is due.
let deletedJustNow: string | null = null;

/** Said by the detail's Delete once the server is gone. */
export function sayDeleted(name: string): void {
  deletedJustNow = name;
}

/** Whether a deleted server is still to be said. */
export function isDeletedNoteDue(): boolean {
  return deletedJustNow !== null;
}

/** The name to say, once: the note keeps it, the next list shows none. */
export function takeDeleted(): string | null {
  const name = deletedJustNow;
  deletedJustNow = null;
  return name;
}
