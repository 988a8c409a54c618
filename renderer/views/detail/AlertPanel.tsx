// A server's expected state and alerts in its detail view: the expectation switch, what deviates and
// since when, Acknowledge, and a maintenance window (pause) with its end.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { callsForAttention, type MuteDuration } from '../../../common/alerts';
import type { Result } from '../../../common/contract';
import { deviationText } from '../../../common/i18n/sentences';
import type { ServerRef } from '../../../common/servers';
import { CheckField } from '../../forms/fields';
import { useStore } from '../../hooks/use-store';
import { errorText } from '../../state/text';

const PAUSES: readonly MuteDuration[] = ['1h', 'tomorrow', 'indefinite'];

export function AlertPanel({ serverKey, serverRef }: { serverKey: string; serverRef: ServerRef }) {
  const store = useStore();
  const { t, alerts } = store;
  const i18n = store.i18n.value;
  const [error, setError] = useState<string | null>(null);
  const alert = alerts.of(serverKey);
  if (!alert) return null;

  async function run(request: Promise<Result<unknown>>): Promise<void> {
    const result = await request;
    setError(result.ok ? null : errorText(store.i18n.value, result.error));
  }

  const mute = alert.mute;
  return (
    <section class="alert-panel" aria-labelledby="alert-panel-title">
      <h3 id="alert-panel-title">{t('alerts.title')}</h3>
      <CheckField
        id="alert-expectation"
        label={t('expectation.should-run')}
        checked={alert.expectation === 'should-run'}
        onChange={(checked) => void run(alerts.expect(serverRef, checked ? 'should-run' : 'may-stop'))}
      />
      {alert.deviations.length === 0 ? (
        <p class="hint">{t('alerts.none')}</p>
      ) : (
        <ul class="deviations">
          {alert.deviations.map((deviation) => (
            <li key={deviation.kind} class={callsForAttention(deviation) ? 'deviation deviation-hard' : 'deviation'}>
              {deviationText(i18n, alert.name, deviation.kind)}
              {deviation.percent !== undefined && ` (${i18n.number(deviation.percent, 1)} %)`}
              <span class="sub">
                {t(deviation.hardSince === null ? 'alerts.sinceSoft' : 'alerts.since', {
                  time: i18n.date(deviation.since),
                })}
                {deviation.acknowledged && ` · ${t('alerts.acknowledged')}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div class="alert-actions">
        {alert.deviations.some(callsForAttention) && (
          <button type="button" onClick={() => void run(alerts.acknowledge(serverRef))}>
            {t('alert.acknowledge')}
          </button>
        )}
        {mute ? (
          <p class="hint">
            {mute.until === null
              ? t('alerts.mutedIndefinitely')
              : t('alerts.mutedUntil', { time: i18n.date(mute.until) })}{' '}
            <button type="button" onClick={() => void run(alerts.mute(serverRef, 'off'))}>
              {t('mute.off')}
            </button>
          </p>
        ) : (
          <div role="group" aria-label={t('alert.pause')} class="pause-buttons">
            <span class="sub">{t('alert.pause')}:</span>
            {PAUSES.map((duration) => (
              <button key={duration} type="button" onClick={() => void run(alerts.mute(serverRef, duration))}>
                {t(`mute.${duration}`)}
              </button>
            ))}
          </div>
        )}
      </div>
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
