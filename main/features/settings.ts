// The settings channels, and the one way settings change in the core: checked, stored, then told to
// the popup (`settingsChanged`) so an open Settings view follows.
import { EventChannel, InvokeChannel, type EventContract } from '../../common/contract';
import type { Settings } from '../../common/settings';
import type { EventListener } from '../event-bus';
import type { RouterHandlers } from '../ipc/router';
import { takesNoPayload, withSchema, type PayloadValidators } from '../ipc/validators';
import type { DeepReadonly, SettingsStore } from '../ports';
import { applySettingsPatch, settingsPatchSchema, type StoredSettingsPatch } from '../settings/schema';

type SettingsChannel = typeof InvokeChannel.settingsGet | typeof InvokeChannel.settingsSet;

export const settingsValidators: Pick<PayloadValidators, SettingsChannel> = {
  [InvokeChannel.settingsGet]: takesNoPayload,
  [InvokeChannel.settingsSet]: withSchema(settingsPatchSchema),
};

export interface SettingsFeatureDeps {
  store: SettingsStore;
  emit: EventListener<EventContract>;
  /** The popup changed a setting (poll intervals apply at once). */
  onChangedByUser: () => void;
}

/**
 * The stored snapshot as an IPC payload: what goes to the popup is a structured clone, so the popup's
 * copy is its own to change; in main, the snapshot stays frozen.
 */
export const settingsPayload = (settings: DeepReadonly<Settings>): Settings => settings as Settings;

/** Reading and changing settings, for other features (e.g. auth remembers the demo choice). */
export interface SettingsAccess {
  get(): import('../ports').DeepReadonly<Settings>;
  /**
   * The popup's patch, or the main process's own: the accounts (kept in step with the vault) and the
   * alerts (the popup's alert changes go through the alerts channels).
   */
  change(patch: StoredSettingsPatch): Settings;
}

export function createSettingsFeature(
  deps: SettingsFeatureDeps,
): SettingsAccess & { handlers: Pick<RouterHandlers, SettingsChannel> } {
  const change: SettingsAccess['change'] = (patch) => {
    const next = applySettingsPatch(deps.store.get(), patch);
    deps.store.set(next);
    deps.emit(EventChannel.settingsChanged, next);
    return next;
  };
  return {
    get: () => deps.store.get(),
    change,
    handlers: {
      [InvokeChannel.settingsGet]: () => settingsPayload(deps.store.get()),
      [InvokeChannel.settingsSet]: (patch) => {
        const next = change(patch);
        // Poll intervals apply at once; apiBaseUrl applies to the next token set (a stored token stays
        // bound to the URL it was checked against, so a page cannot redirect it elsewhere).
        deps.onChangedByUser();
        return next;
      },
    },
  };
}
