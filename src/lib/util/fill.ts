// Words and their values, and filling the placeholders: the part of words.ts the screens need
// at start-up (their translator fills through it), kept apart so that start-up does not load
// the error classes of words.ts.

export interface Worded {
  readonly words: string;
  readonly values: WordValues;
}

export type WordValues = { readonly [name: string]: string | number | Worded };

/**
 * The text, placeholders filled (nested words filled in their turn). `translate` turns each
 * English text into the interface's language first; without it the English is kept.
 */
export function fill(
  words: string,
  values: WordValues = {},
  translate: (english: string) => string = (english) => english,
): string {
  return translate(words).replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = values[k];
    if (v === undefined) return `{${k}}`;
    return typeof v === 'object' ? fill(v.words, v.values, translate) : String(v);
  });
}

/** Whether a value (a thrown error, a stored reason) carries words and their values. */
export function isWorded(value: unknown): value is Worded {
  const w = value as Partial<Worded> | null | undefined;
  return typeof w?.words === 'string' && typeof w.values === 'object' && w.values !== null;
}
