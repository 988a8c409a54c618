// A maintenance window's control, for one server (detail view) or the whole tray (Settings): while a
// pause is on, until when and Resume; otherwise a button per window offered.
import { h } from 'preact';
import { PAUSE_CHOICES, type MuteDuration } from '../../common/alerts';
import type { AlertMute } from '../../common/settings';
import { useStore } from '../hooks/use-store';

export function PauseControl({
  mute,
  label,
  onMute,
}: {
  mute: AlertMute | null;
  /** What is paused, e.g. "Pause alerts" for this server or for every server. */
  label: string;
  onMute: (duration: MuteDuration) => void;
}) {
  const { t, i18n } = useStore();
  if (mute)
    return (
      <p class="hint" role="status">
        {mute.until === null
          ? t('alerts.mutedIndefinitely')
          : t('alerts.mutedUntil', { time: i18n.value.date(mute.until) })}{' '}
        <button type="button" onClick={() => onMute('off')}>
          {t('mute.off')}
        </button>
      </p>
    );
  return (
    <div role="group" aria-label={label} class="pause-buttons">
      <span class="sub">{label}:</span>
      {PAUSE_CHOICES.map((duration) => (
        <button key={duration} type="button" onClick={() => onMute(duration)}>
          {t(`mute.${duration}`)}
        </button>
      ))}
    </div>
  );
}
