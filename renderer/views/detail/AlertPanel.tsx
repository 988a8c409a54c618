// A server's expected state and alerts in its detail view: the expectation switch, what deviates and
// since when, Acknowledge, and a pause with its end.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { callsForAttention } from '../../../common/alerts';
import type { Result } from '../../../common/contract';
import { deviationText } from '../../../common/i18n/sentences';
import type { ServerRef } from '../../../common/servers';
import { THRESHOLD_PERCENT, type AlertThresholds } from '../../../common/settings';
import { PauseControl } from '../../components/PauseControl';
import { CheckField, fieldA11y } from '../../forms/fields';
import { readThresholdText, THRESHOLD_INPUTS } from '../../forms/thresholds';
import { useStore } from '../../hooks/use-store';
import { errorText } from '../../i18n/sentences';

/** An own threshold as typed: empty uses the global one; undefined: invalid. */
function readOwn(text: string): number | undefined | 'global' {
  const value = readThresholdText(text);
  return value === null ? 'global' : value;
}

export function AlertPanel({ serverKey, serverRef }: { serverKey: string; serverRef: ServerRef }) {
  const store = useStore();
  const { t, alerts } = store;
  const i18n = store.i18n.value;
  const [error, setError] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Partial<Record<keyof AlertThresholds, string>>>({});
  const alert = alerts.of(serverKey);
  const global = store.settings.current.value?.alerts.thresholds;
  if (!alert) return null;

  function saveOwn(field: keyof AlertThresholds, value: number | 'global'): void {
    const { [field]: _previous, ...others } = alert?.thresholds ?? {};
    const next = value === 'global' ? others : { ...others, [field]: value };
    void run(alerts.serverThresholds(serverRef, next)).then(() => setDrafts(({ [field]: _saved, ...rest }) => rest));
  }

  async function run(request: Promise<Result<unknown>>): Promise<void> {
    const result = await request;
    setError(result.ok ? null : errorText(store.i18n.value, result.error));
  }

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
        <PauseControl
          pause={alert.pause}
          label={t('alert.pause')}
          onPause={(duration) => void run(alerts.pause(serverRef, duration))}
        />
      </div>
      <details class="own-thresholds">
        <summary>{t('alerts.ownThresholds')}</summary>
        {THRESHOLD_INPUTS.map(({ field, label }) => {
          const own = alert.thresholds[field];
          const text = drafts[field] ?? (own === undefined || own === null ? '' : String(own));
          const value = readOwn(text);
          const invalid = drafts[field] !== undefined && value === undefined ? t('alerts.thresholdInvalid') : undefined;
          const globalValue = global?.[field];
          const id = `alert-own-${field}`;
          return (
            <div class="field" key={field}>
              <label for={id}>{t(label)}</label>
              <input
                {...fieldA11y(id, invalid)}
                type="number"
                min={THRESHOLD_PERCENT.min}
                max={THRESHOLD_PERCENT.max}
                step={1}
                value={text}
                placeholder={
                  globalValue === null || globalValue === undefined
                    ? t('alerts.globalOff')
                    : t('alerts.global', { value: globalValue })
                }
                onInput={(event) => {
                  const typed = event.currentTarget.value;
                  setDrafts((others) => ({ ...others, [field]: typed }));
                }}
                onChange={() => {
                  if (value !== undefined) saveOwn(field, value);
                }}
              />
              {invalid && (
                <p class="field-error" id={`${id}-error`}>
                  {invalid}
                </p>
              )}
            </div>
          );
        })}
      </details>
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
