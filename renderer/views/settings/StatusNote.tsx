// The one line under a part of Settings saying how the last change went: announced politely when it
// worked, at once when it failed.
import { h } from 'preact';

export interface Note {
  tone: 'info' | 'error';
  text: string;
}

export function StatusNote({ note }: { note: Note }) {
  return (
    <p class={`notice notice-${note.tone}`} role={note.tone === 'error' ? 'alert' : 'status'}>
      {note.text}
    </p>
  );
}
