// A server's last 7 days, newest first, under its local days ("Today", "Yesterday", then dates), each
// entry with the glyph the list uses for it (status glyphs, the power actions' icons).
import { h } from 'preact';
import type { HistoryEntry } from '../../../common/history';
import { Icon } from '../../components/icons';
import { STATUS_ICON } from '../../components/StatusBadge';
import { useStore } from '../../hooks/use-store';
import type { I18n } from '../../i18n';
import { statusTone } from '../../state/fleet';
import { dayLabel, durationText, entryWhen, groupByDay, whatText } from './words';

/** The entry's glyph: its status's, its action's icon, ⚠ for an alert or an account failing, ? for a gap. */
function Glyph({ entry }: { entry: HistoryEntry }) {
  if (entry.kind === 'action') return <Icon name={entry.action} class="timeline-glyph" />;
  const tone =
    entry.kind === 'status'
      ? statusTone(entry.to)
      : entry.kind === 'gap'
        ? 'unknown'
        : entry.kind === 'alert'
          ? 'alert'
          : 'busy';
  return (
    <span class={`timeline-glyph status-${tone}`} aria-hidden="true">
      {STATUS_ICON[tone]}
    </span>
  );
}

/** What the timeline adds to an entry's words: where an action was started and how long it took. */
function detailText(i18n: I18n, entry: HistoryEntry): string[] {
  if (entry.kind === 'action') {
    const parts = [i18n.t('history.fromSource', { source: i18n.t(`source.${entry.source}`) })];
    if (entry.tookMs !== null) parts.push(i18n.t('history.took', { elapsed: durationText(entry.tookMs) }));
    return parts;
  }
  return entry.kind === 'alert' && entry.acknowledged ? [i18n.t('history.acknowledged')] : [];
}

export function Timeline({ entries, now }: { entries: readonly HistoryEntry[]; now: number }) {
  const { t, i18n } = useStore();
  const texts = i18n.value;
  if (entries.length === 0) return <p class="hint">{t('history.empty')}</p>;
  return (
    <div class="timeline">
      {groupByDay(entries).map((day) => (
        <div key={day.key} class="timeline-day">
          <h5>{dayLabel(texts, day.at, now)}</h5>
          <ul>
            {day.entries.map((entry, index) => (
              <li key={`${entry.kind}:${entry.at}:${index}`} class="timeline-entry" data-kind={entry.kind}>
                <Glyph entry={entry} />
                <span class="timeline-what">{[whatText(texts, entry), ...detailText(texts, entry)].join(' · ')}</span>
                <span class="timeline-when">{entryWhen(texts, entry, now, false)}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
