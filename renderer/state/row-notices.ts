// The message shown at a server (its row, its detail view): the result of an action clicked there, or
// its tracked outcome. One per server; a new one replaces the old.
import { signal, type ReadonlySignal } from '@preact/signals';
import type { ActionOutcome } from '../../common/contract';
import { refKey } from '../../common/servers';
import type { I18n } from '../i18n';
import { readOnly } from './read-only';
import { outcomeErrorText } from '../i18n/sentences';
import { outcomeText } from '../../common/i18n/sentences';

export interface RowNotice {
  /** info: done (a success); progress: accepted, still being carried out; error: failed. */
  tone: 'info' | 'progress' | 'error';
  text: string;
}

export function createRowNotices(i18n: ReadonlySignal<I18n>) {
  const byKey = signal<ReadonlyMap<string, RowNotice>>(new Map());

  function show(serverKey: string, notice: RowNotice | null): void {
    const next = new Map(byKey.value);
    if (notice) next.set(serverKey, notice);
    else next.delete(serverKey);
    byKey.value = next;
  }

  return {
    /** Server key -> its notice. */
    byKey: readOnly(byKey),
    show,
    dismiss: (serverKey: string): void => show(serverKey, null),
    /** These servers are gone: their notices have nowhere to show. */
    drop(serverKeys: readonly string[]): void {
      if (!serverKeys.some((key) => byKey.value.has(key))) return;
      const next = new Map(byKey.value);
      for (const key of serverKeys) next.delete(key);
      byKey.value = next;
    },
    clear(): void {
      byKey.value = new Map();
    },
    /** The end of a tracked action, at its server. */
    showOutcome(outcome: ActionOutcome): void {
      show(refKey(outcome.ref), {
        tone: outcome.outcome === 'done' ? 'info' : 'error',
        text: outcomeText(i18n.value, outcome, outcomeErrorText),
      });
    },
  };
}

export type RowNotices = ReturnType<typeof createRowNotices>;
