// What lib code tells the user: English text with {placeholders} and the values that fill
// them. The screens translate it through their table (keyed by the English text), so lib code
// never needs to know the interface language. A value may itself be words (a reason, a kind
// of record), translated in its turn.

export interface Worded {
  readonly words: string;
  readonly values: WordValues;
}

export type WordValues = { readonly [name: string]: string | number | Worded };

/** Words and their values as one value, to put inside other words (a reason, a kind of record). */
export function worded(words: string, values: WordValues = {}): Worded {
  return { words, values };
}

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

/** A failure told to the user in words the screens can translate; `message` is the English. */
export class WordedError extends Error implements Worded {
  constructor(
    readonly words: string,
    readonly values: WordValues = {},
    options?: ErrorOptions,
  ) {
    super(fill(words, values), options);
  }
}

/** A WordedError with a code for the code that catches it, and words from one table. */
export class CodedError<Code extends string, Words extends string> extends WordedError {
  declare readonly words: Words;
  constructor(
    readonly code: Code,
    words: Words,
    values: WordValues = {},
    options?: ErrorOptions,
  ) {
    super(words, values, options);
  }
}
