// A server's uptime at a glance: the share of the observed time it was up over 24 hours, 7 and 30 days
// (with the share nobody watched beside it; nothing observed is "—", never 100 %), and a strip of the
// last 24 hours and 7 days in up, down and unknown (hatched, so it never reads as up, in colour or not).
import { h } from 'preact';
import type { ServerHistory, StripSpan, UptimeState } from '../../../common/history';
import { useStore } from '../../hooks/use-store';
import { durationText, stripTotals, uptimeText } from './words';

const WINDOWS = [
  ['day', 'history.uptime24h'],
  ['week', 'history.uptime7d'],
  ['month', 'history.uptime30d'],
] as const;

export function UptimeFigures({ uptime }: { uptime: ServerHistory['uptime'] }) {
  const { t, i18n } = useStore();
  return (
    <dl class="uptime" aria-label={t('history.uptime')}>
      {WINDOWS.map(([window, label]) => {
        const text = uptimeText(i18n.value, uptime[window]);
        return (
          <div class="uptime-figure" key={window} data-window={window}>
            <dt>{t(label)}</dt>
            <dd>
              <span class="uptime-share">{text.share}</span>
              {text.unknown && <span class="uptime-unknown">{text.unknown}</span>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

const STATE_CLASS: Record<UptimeState, string> = { up: 'strip-up', down: 'strip-down', unknown: 'strip-unknown' };

/** One strip, oldest left; its text alternative says how long it spent in each state. */
function Strip({ spans, label, window }: { spans: readonly StripSpan[]; label: string; window: string }) {
  const { t } = useStore();
  const totals = stripTotals(spans);
  const whole = totals.up + totals.down + totals.unknown;
  const description = t('history.stripLabel', {
    window,
    up: durationText(totals.up),
    down: durationText(totals.down),
    unknown: durationText(totals.unknown),
  });
  return (
    <div class="strip-row">
      <span class="strip-name" aria-hidden="true">
        {label}
      </span>
      <div class="strip" role="img" aria-label={description} title={description}>
        {whole > 0 &&
          spans.map((span) => (
            <span
              key={span.from}
              class={STATE_CLASS[span.state]}
              style={{ width: `${(Math.max(0, span.until - span.from) / whole) * 100}%` }}
            />
          ))}
      </div>
    </div>
  );
}

export function UptimeStrips({ strip }: { strip: ServerHistory['strip'] }) {
  const { t } = useStore();
  return (
    <div class="strips">
      <Strip spans={strip.day} label={t('history.strip24h')} window={t('history.window24h')} />
      <Strip spans={strip.week} label={t('history.strip7d')} window={t('history.window7d')} />
      <p class="strip-legend" aria-hidden="true">
        <span class="strip-key strip-up" />
        {t('history.legendUp')} <span class="strip-key strip-down" />
        {t('history.legendDown')} <span class="strip-key strip-unknown" />
        {t('history.legendUnknown')}
      </p>
    </div>
  );
}
