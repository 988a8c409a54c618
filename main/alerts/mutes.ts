// Maintenance windows: when a mute the user picked ends, and which stored mutes have ended.
import type { MuteDuration } from '../../common/alerts';
import type { AlertMute, AlertSettings } from '../../common/settings';

/** "Until tomorrow" ends at this local hour: the next morning, when work starts again. */
export const TOMORROW_HOUR = 8;

/** The next local 08:00 after `now` (today's when it is earlier than 08:00). */
export function nextMorning(now: number): number {
  const date = new Date(now);
  date.setHours(TOMORROW_HOUR, 0, 0, 0);
  if (date.getTime() <= now) date.setDate(date.getDate() + 1);
  return date.getTime();
}

/** The mute a picked duration sets; null: alerts back on. */
export function muteFor(duration: MuteDuration, now: number): AlertMute | null {
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

/** `alerts` without the mutes that have ended, or null when none has. */
export function withoutEndedMutes(alerts: AlertSettings, now: number): AlertSettings | null {
  const ended = (mute: AlertMute) => mute.until !== null && mute.until <= now;
  const serverMutes = Object.fromEntries(Object.entries(alerts.serverMutes).filter(([, mute]) => !ended(mute)));
  const muteAllEnded = alerts.muteAll !== null && ended(alerts.muteAll);
  if (!muteAllEnded && Object.keys(serverMutes).length === Object.keys(alerts.serverMutes).length) return null;
  return { ...alerts, muteAll: muteAllEnded ? null : alerts.muteAll, serverMutes };
}
