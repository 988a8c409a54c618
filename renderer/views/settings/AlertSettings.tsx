// The Alerts section of Settings: the hold time, the global usage thresholds, and the whole tray's
// pause with its end. Each field is saved when it is left, if valid, and how that went is said beside
// the field (./notes); what was typed stays on error.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import type { AlertsConfigPatch, Result } from '../../../common/contract';
import { HOLD_SECONDS_MAX, THRESHOLD_PERCENT, type AlertSettings } from '../../../common/settings';
import { PauseControl } from '../../components/PauseControl';
import { fieldA11y } from '../../forms/fields';
import { readThresholdText, THRESHOLD_INPUTS } from '../../forms/thresholds';
import { useStore } from '../../hooks/use-store';
import { NoteAt, useNotes } from './notes';
import { SettingsSection } from './SettingsSection';

const HOLD_MAX_MINUTES = HOLD_SECONDS_MAX / 60;

function readHoldMinutes(text: string): number | undefined {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= HOLD_MAX_MINUTES ? value : undefined;
}

export function AlertSettings({ alerts: current }: { alerts: AlertSettings }) {
  const store = useStore();
  const { t, alerts } = store;
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const notes = useNotes();
  const pauseAll = alerts.snapshot.value.pauseAll;

  /** `at`: the control's id (its note); `field`: its draft, dropped once saved. */
  async function run(request: Promise<Result<unknown>>, at: string, field?: string): Promise<void> {
    if (notes.report(at, await request) && field) setDrafts(({ [field]: _saved, ...others }) => others);
  }
  const save = (patch: AlertsConfigPatch, field: string, at: string) => void run(alerts.configure(patch), at, field);

  const holdText = drafts.hold ?? String(current.holdSeconds / 60);
  const holdMinutes = readHoldMinutes(holdText);
  // Its bounds from the one place they are set (common/settings.ts).
  const holdHint = t('alerts.holdHint', { max: String(HOLD_MAX_MINUTES) });
  const holdError = drafts.hold !== undefined && holdMinutes === undefined ? holdHint : undefined;

  return (
    <SettingsSection id="alerts" title={t('alerts.title')}>
      <div class="field">
        <label for="alerts-hold">{t('alerts.holdTime')}</label>
        <input
          {...fieldA11y('alerts-hold', holdError, 'alerts-hold-hint')}
          type="number"
          min={0}
          max={HOLD_MAX_MINUTES}
          step="any"
          value={holdText}
          onInput={(event) => {
            const text = event.currentTarget.value;
            setDrafts((others) => ({ ...others, hold: text }));
          }}
          onChange={() => {
            if (holdMinutes !== undefined) save({ holdSeconds: Math.round(holdMinutes * 60) }, 'hold', 'alerts-hold');
          }}
        />
        <p class="hint" id="alerts-hold-hint">
          {holdHint}
        </p>
        {holdError && (
          <p class="field-error" id="alerts-hold-error">
            {holdError}
          </p>
        )}
        <NoteAt at="alerts-hold" />
      </div>
      {THRESHOLD_INPUTS.map(({ field, label }) => {
        const stored = current.thresholds[field];
        const text = drafts[field] ?? (stored === null ? '' : String(stored));
        // Empty switches it off.
        const value = readThresholdText(text);
        const error = drafts[field] !== undefined && value === undefined ? t('alerts.thresholdInvalid') : undefined;
        const id = `alerts-${field}`;
        return (
          <div class="field" key={field}>
            <label for={id}>{t(label)}</label>
            <input
              {...fieldA11y(id, error, 'alerts-threshold-hint')}
              type="number"
              min={THRESHOLD_PERCENT.min}
              max={THRESHOLD_PERCENT.max}
              step={1}
              value={text}
              onInput={(event) => {
                const typed = event.currentTarget.value;
                setDrafts((others) => ({ ...others, [field]: typed }));
              }}
              onChange={() => {
                if (value !== undefined) save({ thresholds: { [field]: value } }, field, id);
              }}
            />
            {error && (
              <p class="field-error" id={`${id}-error`}>
                {error}
              </p>
            )}
            <NoteAt at={id} />
          </div>
        );
      })}
      <p class="hint" id="alerts-threshold-hint">
        {t('alerts.thresholdHint')}
      </p>
      <PauseControl
        pause={pauseAll}
        label={t('alerts.pauseAll')}
        onPause={(duration) => void run(alerts.pause(null, duration), 'alerts-pause')}
      />
      <NoteAt at="alerts-pause" />
    </SettingsSection>
  );
}
