// The tray icon's tooltip, worded from the summary's headline in the user's language.
import type { CountKind, Messages } from '../i18n';
import type { TraySummary, TrayUptime } from './summary';

const COUNT_ORDER: readonly CountKind[] = ['running', 'stopped', 'busy', 'suspended', 'other'];

/** HH:MM in local time, as the tooltip and the menu's "paused until" say it. */
export function clockTime(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** "99.7 % up over 7 days, 2 incidents": the fleet's uptime line (setting `uptimeInTooltip`). */
function uptimeLine(uptime: TrayUptime, messages: Messages): string {
  if (uptime.permille === null) return messages.t('tooltipUptime.unknown');
  const share = messages.t('tooltipUptime.share', { percent: messages.number(uptime.permille / 10, 1) });
  return uptime.incidents > 0 ? `${share}${messages.plural('tooltipUptime.incidents', uptime.incidents)}` : share;
}

/**
 * e.g. "VPS.org — 3 running, 1 stopped" / "VPS.org — 3 servery běží" / "VPS.org — offline (last update 12:03)",
 * and the uptime line below when the setting asks for it.
 */
export function trayTooltip(summary: TraySummary, messages: Messages): string {
  const headline = headlineText(summary, messages);
  return summary.uptime && summary.auth !== 'none' ? `${headline}\n${uptimeLine(summary.uptime, messages)}` : headline;
}

function headlineText(summary: TraySummary, messages: Messages): string {
  const { t } = messages;
  const headline = summary.headline;
  if (headline.kind === 'no-token') return t('tooltip.noToken');
  const prefix = summary.auth === 'demo' ? t('tooltip.demoPrefix') : t('tooltip.prefix');
  switch (headline.kind) {
    case 'loading':
      return `${prefix}${t('tooltip.loading')}`;
    case 'stale': {
      const since =
        headline.lastSuccessAt === null ? '' : t('tooltip.lastUpdate', { time: clockTime(headline.lastSuccessAt) });
      return `${prefix}${headline.reason === 'offline' ? t('tooltip.offline') : t('tooltip.error')}${since}`;
    }
    case 'counts': {
      const parts = COUNT_ORDER.filter((kind) => headline.counts[kind] > 0).map((kind) =>
        messages.plural(`tooltipCount.${kind}`, headline.counts[kind]),
      );
      // A failing account counts as trouble: said after the counts of the servers still known.
      if (headline.failingAccounts) parts.push(messages.plural('tooltipAccounts.failing', headline.failingAccounts));
      const attention = summary.alerts?.attention ?? 0;
      // Deviations first: they are what the user needs to know.
      if (attention > 0) parts.unshift(messages.plural('tooltipAlert.attention', attention));
      const paused = summary.alerts?.pauseAll ? t('alertMenu.tooltipPaused') : '';
      return `${prefix}${parts.length > 0 ? parts.join(', ') : t('tooltip.noServers')}${paused}`;
    }
  }
}
