// A server's last 7 days, newest first, under its local days ("Today", "Yesterday", then dates), each
// entry with the glyph the list uses for it (status glyphs, the power actions' icons).
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
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
    const parts = [i18n.t(`source.${entry.source}`)];
    if (entry.tookMs !== null) parts.push(i18n.t('history.took', { elapsed: durationText(entry.tookMs) }));
    return parts;
  }
  return entry.kind === 'alert' && entry.acknowledged ? [i18n.t('history.acknowledged')] : [];
}

/** Entries drawn at first, and added per "Show earlier": a busy week has thousands, read from the top. */
const PAGE = 50;

export function Timeline({ entries, now }: { entries: readonly HistoryEntry[]; now: number }) {
  const { t, i18n } = useStore();
  const texts = i18n.value;
  const [shown, setShown] = useState(PAGE);
  const rootRef = useRef<HTMLDivElement>(null);
  const rest = entries.length - shown;
  // The last "Show earlier" is gone once everything is shown: the keyboard goes on from the last day shown.
  const [showedAll, setShowedAll] = useState(false);
  useEffect(() => {
    if (showedAll) rootRef.current?.querySelector<HTMLElement>('.timeline-day:last-of-type h5')?.focus();
  }, [showedAll]);
  if (entries.length === 0) return <p class="hint">{t('history.empty')}</p>;
  return (
    <div class="timeline" ref={rootRef}>
      {groupByDay(entries.slice(0, shown)).map((day) => (
        <div key={day.key} class="timeline-day">
          <h5 tabIndex={-1}>{dayLabel(texts, day.at, now)}</h5>
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
      {rest > 0 && (
        <button
          type="button"
          class="link-button"
          onClick={() => {
            setShown(shown + PAGE);
            if (rest <= PAGE) setShowedAll(true);
          }}
        >
          {texts.plural('history.showEarlier', Math.min(rest, PAGE))}
        </button>
      )}
    </div>
  );
}
