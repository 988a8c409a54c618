// Settings' General and Updates sections: the language, the switches, the global shortcut, what to
// confirm, how often to poll; updating and the version. Each change is saved at once with a patch of just
// that setting, and how it went is said next to its control (./notes).
import { h } from 'preact';
import { useState } from 'preact/hooks';
import type { UpdateState } from '../../../common/contract';
import { pickLanguage } from '../../../common/i18n/i18n';
import type { Settings, SettingsPatch } from '../../../common/settings';
import { CheckField, fieldA11y } from '../../forms/fields';
import { useStore } from '../../hooks/use-store';
import type { I18n } from '../../i18n';
import { NoteAt } from './notes';
import { SettingsSection } from './SettingsSection';
import { ShortcutField } from './ShortcutField';

/** Saves one change and says how it went next to the control `at`; true when main accepted it. */
export type SaveSetting = (patch: SettingsPatch, at: string) => Promise<boolean>;

const IDLE_MIN = 15;
const IDLE_MAX = 3600;

/** The idle poll interval: checked as typed, saved when left with a valid, different value. */
function PollIntervalField({ idleSeconds, save }: { idleSeconds: number; save: SaveSetting }) {
  const { t } = useStore();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(idleSeconds);
  const number = Number(text);
  const valid = Number.isInteger(number) && number >= IDLE_MIN && number <= IDLE_MAX;
  const error = draft !== null && !valid ? t('settings.pollHint') : undefined;
  return (
    <div class="field">
      <label for="settings-interval">{t('settings.pollInterval')}</label>
      <input
        {...fieldA11y('settings-interval', error, 'settings-interval-hint')}
        type="number"
        min={IDLE_MIN}
        max={IDLE_MAX}
        step={1}
        value={text}
        onInput={(event) => setDraft(event.currentTarget.value)}
        onChange={() => {
          if (valid && number !== idleSeconds)
            void save({ pollIntervals: { idleSeconds: number } }, 'settings-interval').then(() => setDraft(null));
        }}
      />
      <p class="hint" id="settings-interval-hint">
        {t('settings.pollHint')}
      </p>
      {error && (
        <p class="field-error" id="settings-interval-error">
          {error}
        </p>
      )}
      <NoteAt at="settings-interval" />
    </div>
  );
}

/** One line on where updating stands: why it is not possible here, or its phase. */
function updateText(t: I18n['t'], state: UpdateState): string {
  if (state.unavailable) return t(`updates.${state.unavailable}`);
  return t(`updates.${state.phase}`, { version: state.version ?? '' });
}

function UpdatesLine() {
  const { t, updates } = useStore();
  const state = updates.current.value;
  return state ? (
    <p class="hint" id="settings-updates">
      {updateText(t, state)}
    </p>
  ) : null;
}

/** The popup's language: the system's (named), or English or Czech whatever the system says. */
function LanguageField({ language, save }: { language: Settings['language']; save: SaveSetting }) {
  const store = useStore();
  const { t } = store;
  const systemLanguage = pickLanguage('auto', store.app.info.value?.systemLocale ?? 'en');
  return (
    <div class="field">
      <label for="settings-language">{t('settings.language')}</label>
      <select
        id="settings-language"
        value={language}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (value === 'auto' || value === 'en' || value === 'cs') void save({ language: value }, 'settings-language');
        }}
      >
        <option value="auto">{t('settings.languageAuto', { language: t(`language.${systemLanguage}`) })}</option>
        <option value="en" lang="en">
          {t('language.en')}
        </option>
        <option value="cs" lang="cs">
          {t('language.cs')}
        </option>
      </select>
      <NoteAt at="settings-language" />
    </div>
  );
}

/** A switch saved when flipped, with its note beside it. */
export function Switch({
  id,
  label,
  checked,
  patch,
  save,
}: {
  id: string;
  label: string;
  checked: boolean;
  patch: (checked: boolean) => SettingsPatch;
  save: SaveSetting;
}) {
  return (
    <div class="switch">
      <CheckField id={id} label={label} checked={checked} onChange={(value) => void save(patch(value), id)} />
      <NoteAt at={id} />
    </div>
  );
}

export function GeneralSection({ settings, save }: { settings: Settings; save: SaveSetting }) {
  const { t, app } = useStore();
  return (
    <SettingsSection id="general" title={t('settings.general')}>
      <form noValidate onSubmit={(event) => event.preventDefault()}>
        <LanguageField language={settings.language} save={save} />
        <Switch
          id="settings-notifications"
          label={t('settings.notifications')}
          checked={settings.notifications}
          patch={(notifications) => ({ notifications })}
          save={save}
        />
        {app.notificationsUnsigned.value && (
          <p class="hint" id="settings-notifications-unsigned">
            {t('settings.notificationsUnsigned')}
          </p>
        )}
        <Switch
          id="settings-login"
          label={t('settings.launchAtLogin')}
          checked={settings.launchAtLogin}
          patch={(launchAtLogin) => ({ launchAtLogin })}
          save={save}
        />
        <ShortcutField value={settings.globalShortcut} save={save} />
        <fieldset>
          <legend>{t('settings.confirmations')}</legend>
          {(['start', 'stop', 'reboot'] as const).map((action) => (
            <CheckField
              key={action}
              id={`settings-confirm-${action}`}
              label={t(`askBefore.${action}`)}
              checked={settings.confirmations[action]}
              onChange={(checked) => void save({ confirmations: { [action]: checked } }, 'settings-confirmations')}
            />
          ))}
          <NoteAt at="settings-confirmations" />
        </fieldset>
        <PollIntervalField idleSeconds={settings.pollIntervals.idleSeconds} save={save} />
        <Switch
          id="settings-demo"
          label={t('settings.demoMode')}
          checked={settings.demoMode}
          patch={(demoMode) => ({ demoMode })}
          save={save}
        />
      </form>
    </SettingsSection>
  );
}

/** Updating (automatic checks and where it stands) and the app's version. */
export function UpdatesSection({ settings, save }: { settings: Settings; save: SaveSetting }) {
  const store = useStore();
  const { t } = store;
  const version = store.app.info.value?.version;
  return (
    <SettingsSection id="updates" title={t('settings.updates')}>
      <Switch
        id="settings-auto-update"
        label={t('settings.autoUpdate')}
        checked={settings.autoUpdate}
        patch={(autoUpdate) => ({ autoUpdate })}
        save={save}
      />
      <UpdatesLine />
      {version && <p class="hint">{t('settings.version', { version })}</p>}
    </SettingsSection>
  );
}
