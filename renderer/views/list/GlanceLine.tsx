// The glance line: how many servers need attention, are in progress, run, are stopped… (the app's
// verdict, common/order), each a button that shows only those; and the pause of all alerts when on.
import { h } from 'preact';
import { GLANCE_KINDS } from '../../state/fleet';
import { useStore } from '../../hooks/use-store';
import { isRepeatClick } from '../../components/PowerButtons';

export function GlanceLine() {
  const { t, i18n, filters, alerts } = useStore();
  const counts = filters.counts.value;
  const picked = filters.glance.value;
  const pauseAll = alerts.snapshot.value.pauseAll;
  const shown = GLANCE_KINDS.filter((kind) => counts[kind] > 0 || kind === picked);
  return (
    <div class="glance" role="group" aria-label={t('glance.label')} data-testid="glance">
      {shown.map((kind) => (
        <button
          key={kind}
          type="button"
          class={`glance-item glance-${kind}`}
          aria-pressed={picked === kind ? 'true' : 'false'}
          onClick={(event) => {
            if (!isRepeatClick(event)) filters.toggleGlance(kind);
          }}
        >
          {i18n.value.plural(`glance.${kind}`, counts[kind])}
        </button>
      ))}
      {pauseAll && (
        <span class="glance-paused" data-testid="glance-paused">
          <span aria-hidden="true">⏸ </span>
          {pauseAll.until === null
            ? t('glance.paused')
            : t('glance.pausedUntil', { time: i18n.value.time(pauseAll.until) })}
        </span>
      )}
    </div>
  );
}
