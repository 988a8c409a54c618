// The popup's language: the setting, or (on `auto`) the OS locale main reported.
import { computed, type ReadonlySignal } from '@preact/signals';
import type { AppInfo } from '../../common/contract';
import type { Settings } from '../../common/settings';
import { popupI18n, type I18n } from '../i18n';
import { pickLanguage, pickLocale } from '../../common/i18n/i18n';

export function createLanguage(info: ReadonlySignal<AppInfo | null>, settings: ReadonlySignal<Settings | null>) {
  const i18n = computed<I18n>(() => {
    const systemLocale = info.value?.systemLocale ?? 'en';
    const language = pickLanguage(settings.value?.language ?? 'auto', systemLocale);
    return popupI18n(language, pickLocale(language, systemLocale));
  });
  /** A message in the current language (read in a render, it re-renders on a language change). */
  const t: I18n['t'] = (key, params) => i18n.value.t(key, params);
  return { i18n, t };
}
