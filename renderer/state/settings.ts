// The app's settings as main holds them. Each change from the popup is a patch of just that setting;
// main answers (and broadcasts) the full settings, which are adopted as they come.
import { computed, signal } from '@preact/signals';
import type { VpsBridge } from '../../common/bridge';
import type { Result } from '../../common/contract';
import { DEFAULT_CONFIRMATIONS, type Settings, type SettingsPatch } from '../../common/settings';
import type { PowerAction } from '../../common/statuses';
import { readOnly } from './read-only';

export function createSettingsState(bridge: VpsBridge) {
  const current = signal<Settings | null>(null);
  /** Which power actions ask first; the defaults until main's settings arrive. */
  const confirmations = computed(() => current.value?.confirmations ?? DEFAULT_CONFIRMATIONS);

  return {
    /** null until main answered. */
    current: readOnly(current),
    needsConfirmation: (action: PowerAction): boolean => confirmations.value[action],
    adopt(next: Settings): void {
      current.value = next;
    },
    /** Saves one change; main's answer (the full settings) is adopted. */
    async save(patch: SettingsPatch): Promise<Result<Settings>> {
      const result = await bridge.settings.set(patch);
      if (result.ok) current.value = result.value;
      return result;
    },
  };
}

export type SettingsState = ReturnType<typeof createSettingsState>;
