// A pause's control, for one server (detail view) or the whole tray (Settings): while a pause is on,
// until when and Resume; otherwise a button per pause offered.
import { h } from 'preact';
import { PAUSE_CHOICES, type PauseDuration } from '../../common/alerts';
import type { AlertPause } from '../../common/settings';
import { useStore } from '../hooks/use-store';

export function PauseControl({
  pause,
  label,
  onPause,
}: {
  pause: AlertPause | null;
  /** What is paused, e.g. "Pause alerts" for this server or for every server. */
  label: string;
  onPause: (duration: PauseDuration) => void;
}) {
  const { t, i18n } = useStore();
  if (pause)
    return (
      <p class="hint" role="status">
        {pause.until === null
          ? t('alerts.pausedIndefinitely')
          : t('alerts.pausedUntil', { time: i18n.value.date(pause.until) })}{' '}
        <button type="button" onClick={() => onPause('off')}>
          {t('pause.off')}
        </button>
      </p>
    );
  return (
    <div role="group" aria-label={label} class="pause-buttons">
      <span class="sub">{label}:</span>
      {PAUSE_CHOICES.map((duration) => (
        <button key={duration} type="button" onClick={() => onPause(duration)}>
          {t(`pause.${duration}`)}
        </button>
      ))}
    </div>
  );
}
