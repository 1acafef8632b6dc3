// What lib code tells the user: English text with {placeholders} and the values that fill
// them. The screens translate it through their table (keyed by the English text), so lib code
// never needs to know the interface language. A value may itself be words (a reason, a kind
// of record), translated in its turn.

import { fill, type Worded, type WordValues } from './fill';

export { fill, isWorded, type Worded, type WordValues } from './fill';

/** Words and their values as one value, to put inside other words (a reason, a kind of record). */
export function worded(words: string, values: WordValues = {}): Worded {
  return { words, values };
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
