// Pauses: when one the user picked ends, whether one is on, and which stored ones have ended.
import type { PauseDuration } from '../../common/alerts';
import type { AlertPause, AlertSettings } from '../../common/settings';

/** "Until tomorrow" ends at this local hour: the next morning, when work starts again. */
const TOMORROW_HOUR = 8;

/** The next local 08:00 after `now` (today's when it is earlier than 08:00). */
export function nextMorning(now: number): number {
  const date = new Date(now);
  date.setHours(TOMORROW_HOUR, 0, 0, 0);
  if (date.getTime() <= now) date.setDate(date.getDate() + 1);
  return date.getTime();
}

/** The pause a picked duration sets; null: alerts back on. */
export function pauseFor(duration: PauseDuration, now: number): AlertPause | null {
  switch (duration) {
    case '1h':
      return { until: now + 3_600_000 };
    case 'tomorrow':
      return { until: nextMorning(now) };
    case 'indefinite':
      return { until: null };
    case 'off':
      return null;
  }
}

export function isPauseActive(pause: AlertPause | null | undefined, now: number): boolean {
  return pause !== null && pause !== undefined && (pause.until === null || pause.until > now);
}

/** Whether the server's alerts are quiet now: it or the whole tray is paused. */
export const isPausedAt = (settings: AlertSettings, key: string, now: number): boolean =>
  isPauseActive(settings.pauseAll, now) || isPauseActive(settings.serverPauses[key], now);

/** `alerts` without the pauses that have ended, or null when none has. */
export function withoutEndedPauses(alerts: AlertSettings, now: number): AlertSettings | null {
  const ended = (pause: AlertPause) => pause.until !== null && pause.until <= now;
  const serverPauses = Object.fromEntries(Object.entries(alerts.serverPauses).filter(([, pause]) => !ended(pause)));
  const pauseAllEnded = alerts.pauseAll !== null && ended(alerts.pauseAll);
  if (!pauseAllEnded && Object.keys(serverPauses).length === Object.keys(alerts.serverPauses).length) return null;
  return { ...alerts, pauseAll: pauseAllEnded ? null : alerts.pauseAll, serverPauses };
}
