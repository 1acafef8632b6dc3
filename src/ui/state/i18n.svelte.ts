// The interface language: English or French, following the browser until the user picks one
// in Settings (kept on the device). Strings are keyed by their English text, so a missing
// translation shows English rather than a key. The French table is loaded only when needed,
// so English start-up carries none of it, and French start-up only the first screen's words.
import { fill, isWorded, type WordValues } from '../../lib/util/fill';

export type UiLang = 'en' | 'fr';

const KEY = 'confnotes.lang';

function initial(): UiLang {
  // localStorage, not IndexedDB: the language is needed before the first paint.
  const saved = localStorage.getItem(KEY);
  if (saved === 'en' || saved === 'fr') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

class I18n {
  lang = $state<UiLang>(initial());
  dict = $state.raw<Record<string, string> | undefined>(undefined);
  /** Resolves once the words of the starting language are loaded: main.ts waits for it. */
  readonly ready: Promise<void>;

  constructor() {
    this.ready = this.set(this.lang, false);
  }

  #all = false;

  async set(lang: UiLang, remember = true): Promise<void> {
    if (remember) localStorage.setItem(KEY, lang);
    document.documentElement.lang = lang;
    // The first screen's words first; the whole table once another screen opens (see all()).
    if (lang === 'fr' && !this.#all) this.dict = (await import('../i18n/fr-start')).FR_START;
    else if (lang === 'en') this.dict = undefined;
    this.lang = lang;
    if (lang === 'fr' && (remember || this.#all)) {
      this.#all = false;
      await this.all();
    }
  }

  /**
   * Every French word, loaded with the first screen other than home. `t()` reads `dict`, so
   * anything already shown in English turns French as soon as it arrives.
   */
  async all(): Promise<void> {
    if (this.lang !== 'fr' || this.#all) return;
    this.#all = true;
    this.dict = (await import('../i18n/fr')).FR;
  }
}

export const i18n = new I18n();

/** The text in the current language, if the table has it; else the English. */
const translate = (english: string): string => i18n.dict?.[english] ?? english;

/**
 * The text in the current language; `{name}` placeholders are filled from `values`, and a
 * value that is words of its own (a reason, a kind of record) is translated in its turn.
 */
export function t(english: string, values: WordValues = {}): string {
  return fill(english, values, translate);
}

/**
 * Any failure in words for the user: lib's errors and stored reasons carry English words (or
 * are English text from older records), translated here; storage-full gets its own message.
 * The first screen's French table lacks them, so the whole table is asked for; what shows the
 * result turns French when it lands (`dict` is state).
 */
export function explain(err: unknown): string {
  if (isWorded(err) || typeof err === 'string') {
    void i18n.all();
    return typeof err === 'string' ? t(err) : t(err.words, err.values);
  }
  if (err instanceof Error) {
    const inner = (err as { inner?: Error }).inner;
    if (err.name === 'QuotaExceededError' || inner?.name === 'QuotaExceededError') {
      void i18n.all();
      return t(
        'Your phone is out of storage for this app. Free some space and try again; nothing stored was lost.',
      );
    }
    if (CHUNK_FAILED.test(err.message)) {
      return t('Part of the app could not be loaded. Reload it, with a network if you can.');
    }
    return err.message;
  }
  return String(err);
}

/** A code file that could not be fetched, as Chromium, Safari and Firefox word it. */
const CHUNK_FAILED = /dynamically imported module|Importing a module script failed/i;
