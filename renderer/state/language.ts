// The popup's language: the setting, or (on `auto`) the OS locale main reported. A language other than
// English is loaded on first use (its own chunk); until it is here the popup speaks English.
import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { AppInfo } from '../../common/contract';
import type { Settings } from '../../common/settings';
import { isLanguageLoaded, loadLanguage, popupI18n, type I18n } from '../i18n';
import { pickLanguage, pickLocale } from '../../common/i18n/i18n';

export function createLanguage(info: ReadonlySignal<AppInfo | null>, settings: ReadonlySignal<Settings | null>) {
  const systemLocale = computed(() => info.value?.systemLocale ?? 'en');
  const wanted = computed(() => pickLanguage(settings.value?.language ?? 'auto', systemLocale.value));
  /** Bumped when a language arrives, so the texts follow. */
  const arrivals = signal(0);
  const ready = async (): Promise<void> => {
    const language = wanted.value;
    if (isLanguageLoaded(language)) return;
    try {
      await loadLanguage(language);
      arrivals.value++;
    } catch {
      // The chunk could not be loaded: the popup stays in English rather than failing.
    }
  };
  const i18n = computed<I18n>(() => {
    void arrivals.value;
    const language = wanted.value;
    return popupI18n(language, pickLocale(language, systemLocale.value));
  });
  // A language chosen later (Settings) loads when it is chosen.
  const stopLoading = effect(() => {
    if (!isLanguageLoaded(wanted.value)) void ready();
  });
  /** A message in the current language (read in a render, it re-renders on a language change). */
  const t: I18n['t'] = (key, params) => i18n.value.t(key, params);
  return { i18n, t, ready, dispose: stopLoading };
}
