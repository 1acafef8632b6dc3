// The one plural rule of the interface, through Intl.PluralRules in the interface's language.
// Apart from i18n.svelte.ts because no start-up screen counts anything.
import type { WordValues } from '../../lib/util/fill';
import { i18n, t } from './i18n.svelte';

/**
 * `n` things in words: the `one` sentence where the language takes the singular (French says
 * "0 photo"), else `other`; both fill `{n}`.
 */
export function plural(n: number, one: string, other: string, values: WordValues = {}): string {
  const form = new Intl.PluralRules(i18n.lang).select(n) === 'one' ? one : other;
  return t(form, { ...values, n });
}
