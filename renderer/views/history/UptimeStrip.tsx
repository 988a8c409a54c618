// A server's uptime at a glance: the share of the observed time it was up over 24 hours, 7 and 30 days
// (with the share nobody watched beside it; nothing observed is "—", never 100 %), and a strip of the
// last 24 hours and 7 days in up, down and unknown (hatched, so it never reads as up, in colour or not),
// drawn in a fixed number of slices, so a flapping server's thousands of spans cost what a calm one's do.
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

/** A strip is drawn in this many slices at most, whatever the number of spans (a flapping server has thousands). */
const SLICES = 160;
/** Which state a slice shows when it holds several: the worst, so a short outage never vanishes. */
const SEVERITY: Record<UptimeState, number> = { up: 0, unknown: 1, down: 2 };

/** The spans as at most SLICES segments (each slice in its worst state, equal neighbours joined), as shares of the whole. */
function stripSegments(spans: readonly StripSpan[]): Array<{ state: UptimeState; share: number; from: number }> {
  const first = spans[0];
  const last = spans.at(-1);
  if (!first || !last || last.until <= first.from) return [];
  const slice = (last.until - first.from) / SLICES;
  const segments: Array<{ state: UptimeState; share: number; from: number }> = [];
  let index = 0;
  for (let n = 0; n < SLICES; n++) {
    const start = first.from + n * slice;
    const end = start + slice;
    let state: UptimeState | null = null;
    // Spans are oldest first: skip those that ended before this slice, look at those that overlap it.
    while (index < spans.length && spans[index]!.until <= start) index++;
    for (let k = index; k < spans.length && spans[k]!.from < end; k++) {
      const candidate = spans[k]!.state;
      if (state === null || SEVERITY[candidate] > SEVERITY[state]) state = candidate;
    }
    // A hole between spans is time nobody watched.
    state ??= 'unknown';
    const previous = segments.at(-1);
    if (previous?.state === state) previous.share += 1 / SLICES;
    else segments.push({ state, share: 1 / SLICES, from: start });
  }
  return segments;
}

/** One strip, oldest left; its text alternative says how long it spent in each state. */
function Strip({ spans, label, window }: { spans: readonly StripSpan[]; label: string; window: string }) {
  const { t } = useStore();
  const totals = stripTotals(spans);
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
        {stripSegments(spans).map((segment) => (
          <span key={segment.from} class={STATE_CLASS[segment.state]} style={{ width: `${segment.share * 100}%` }} />
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
