// Status changes of the fleet, put into words for the screen reader's live region.
import { signal, type ReadonlySignal } from '@preact/signals';
import type { I18n } from '../i18n';
import type { StatusChange } from './fleet';
import { readOnly } from './read-only';
import { statusLabel } from '../../common/i18n/sentences';

/** At most `max` changes are announced at once; more are summarised. */
export function createAnnouncements(i18n: ReadonlySignal<I18n>, max: number) {
  const announcement = signal('');
  return {
    announcement: readOnly(announcement),
    announce(changes: readonly StatusChange[]): void {
      if (changes.length === 0) return;
      const i = i18n.value;
      const lines = changes
        .slice(0, max)
        .map((change) => i.t(`announce.${change.kind}`, { name: change.name, status: statusLabel(i, change.status) }));
      if (changes.length > max) lines.push('…');
      announcement.value = lines.join('. ');
    },
  };
}

export type Announcements = ReturnType<typeof createAnnouncements>;
