// The interface language: English or French, following the browser until the user picks one
// in Settings (kept on the device). Strings are keyed by their English text, so a missing
// translation shows English rather than a key.
import { FR } from '../i18n/fr';

export type UiLang = 'en' | 'fr';

const KEY = 'confnotes.lang';

function initial(): UiLang {
  // localStorage, not IndexedDB: the language is needed for the very first paint.
  const saved = localStorage.getItem(KEY);
  if (saved === 'en' || saved === 'fr') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

class I18n {
  lang = $state<UiLang>(initial());

  constructor() {
    document.documentElement.lang = this.lang;
  }

  set(lang: UiLang): void {
    this.lang = lang;
    localStorage.setItem(KEY, lang);
    document.documentElement.lang = lang;
  }
}

export const i18n = new I18n();

/** The text in the current language; `{name}` placeholders are filled from `values`. */
export function t(english: string, values: Record<string, string | number> = {}): string {
  const text = (i18n.lang === 'fr' ? FR[english] : undefined) ?? english;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
