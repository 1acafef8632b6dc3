// Storage errors the app shows to people, and the retry policy for IndexedDB writes. Dexie
// wraps the browser's DOMException (a failed transaction surfaces as AbortError with the
// cause in `inner`), so the cause is looked for down the whole chain.
import { WordedError } from '../util/words';

export const STORAGE_WORDS = {
  full: 'Your device is out of storage space, so this could not be saved. Everything saved before is safe. Free some space, then try again.',
} as const;

/** A record that went away, or does not belong, while the user acted on it. */
export const RECORD_WORDS = {
  photoGone: 'This photo no longer exists.',
  talkElsewhere: 'That talk is not in this conference.',
  conferenceGone: 'This conference no longer exists.',
  nameMissing: 'Give the conference a name.',
  imageMissing: 'A photo’s image is missing from this device, so the export stopped.',
} as const;

/** The device refused to store more. Nothing already stored is affected. */
export class StorageFullError extends WordedError {
  override readonly name = 'StorageFullError';
  constructor(message: string = STORAGE_WORDS.full, options?: ErrorOptions) {
    super(message, {}, options);
  }
}

interface Named {
  name?: unknown;
  inner?: unknown;
  cause?: unknown;
}

/** The error names on the chain err, err.inner, err.inner.inner… (and `cause`). */
export function errorNames(err: unknown): string[] {
  const names: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as Named;
    if (typeof e.name === 'string') names.push(e.name);
    current = e.inner ?? e.cause;
  }
  return names;
}

// Chrome and Safari say QuotaExceededError; old Firefox said NS_ERROR_DOM_QUOTA_REACHED.
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

export function isQuotaError(err: unknown): boolean {
  return errorNames(err).some((n) => QUOTA_NAMES.has(n));
}

/**
 * Safari's IndexedDB fails now and then with UnknownError (often after the app was in the
 * background, when its IndexedDB server process was recycled); the same write then succeeds.
 */
export function isRetryable(err: unknown): boolean {
  return errorNames(err).includes('UnknownError');
}

/**
 * Runs a write (a whole transaction, so a retry never repeats half of one). UnknownError is
 * tried once more; a full disk becomes StorageFullError (with `fullMessage` when given, in the
 * caller's words); anything else propagates unchanged.
 */
export async function writeWithRetry<T>(write: () => Promise<T>, fullMessage?: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (isQuotaError(err)) throw new StorageFullError(fullMessage, { cause: err });
      if (attempt >= 2 || !isRetryable(err)) throw err;
    }
  }
}
