// How the last change in Settings went, said once and next to the control that made it: each part
// reports under the id of its control, and only the note of the latest change shows. The words are
// made when shown, so a note follows the language (the "Saved." of switching to Czech is in Czech).
import { createContext, h, type ComponentChildren } from 'preact';
import { useContext, useState } from 'preact/hooks';
import type { IpcError, Result } from '../../../common/contract';
import { useStore } from '../../hooks/use-store';
import type { I18n } from '../../i18n';
import { errorText } from '../../i18n/sentences';

export interface Note {
  tone: 'info' | 'error';
  /** Worded when shown, in the language of that moment. */
  text: (i18n: I18n) => string;
}

interface Notes {
  current: { at: string; note: Note } | null;
  /** The note of a change made at the control `at` (null: none there any more). */
  show(at: string, note: Note | null): void;
}

const NotesContext = createContext<Notes>({ current: null, show: () => undefined });

export function NotesProvider({ children }: { children: ComponentChildren }) {
  const [current, setCurrent] = useState<Notes['current']>(null);
  const show: Notes['show'] = (at, note) => setCurrent(note ? { at, note } : null);
  return <NotesContext.Provider value={{ current, show }}>{children}</NotesContext.Provider>;
}

/** Shows notes; `report` says how a save went (Saved., or why not) at its control and returns whether it worked. */
export function useNotes() {
  const notes = useContext(NotesContext);
  return {
    show: notes.show,
    report(at: string, result: Result<unknown>, failure?: (i18n: I18n, error: IpcError) => string): boolean {
      notes.show(at, result.ok ? savedNote : failedNote(result.error, failure));
      return result.ok;
    },
  };
}

const savedNote: Note = { tone: 'info', text: (i18n) => i18n.t('form.saved') };

function failedNote(error: IpcError, failure?: (i18n: I18n, error: IpcError) => string): Note {
  return {
    tone: 'error',
    text: (i18n) => i18n.t('settings.failed', { message: failure ? failure(i18n, error) : errorText(i18n, error) }),
  };
}

/** The note of the latest change, when it was made at `at`: announced politely, or at once when it failed. */
export function NoteAt({ at }: { at: string }) {
  const store = useStore();
  const { current } = useContext(NotesContext);
  if (current?.at !== at) return null;
  const { tone, text } = current.note;
  return (
    <p class={`notice notice-${tone} note-at`} role={tone === 'error' ? 'alert' : 'status'} data-note-at={at}>
      {text(store.i18n.value)}
    </p>
  );
}
