import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import {
  StorageFullError,
  errorNames,
  isQuotaError,
  writeWithRetry,
} from '../../../src/lib/db/errors';

const dom = (name: string) => new DOMException('from the browser', name);
/** As Dexie reports a transaction that the browser aborted: AbortError wrapping the cause. */
const dexieAbort = (inner: object) => new Dexie.AbortError('Transaction aborted', inner);

describe('error chains', () => {
  it.each([
    ['a bare DOMException', dom('QuotaExceededError'), true],
    ['wrapped by Dexie', dexieAbort(dom('QuotaExceededError')), true],
    ['old Firefox', dexieAbort({ name: 'NS_ERROR_DOM_QUOTA_REACHED' }), true],
    ['Dexie QuotaExceededError', new Dexie.QuotaExceededError('full'), true],
    ['some other abort', dexieAbort(dom('ConstraintError')), false],
    ['not an error at all', 'oops', false],
  ])('%s', (_case, err, quota) => {
    expect(isQuotaError(err)).toBe(quota);
  });

  it('lists names down the chain', () => {
    expect(errorNames(dexieAbort(dom('UnknownError')))).toEqual(['AbortError', 'UnknownError']);
  });
});

describe('writeWithRetry', () => {
  it('turns a full disk into StorageFullError with plain words', async () => {
    const err = await writeWithRetry(() =>
      Promise.reject(dexieAbort(dom('QuotaExceededError'))),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as Error).message).toMatch(/out of storage space.*saved before is safe/);
  });

  it("says it in the caller's words when given", async () => {
    const full = () => Promise.reject(dom('QuotaExceededError'));
    await expect(writeWithRetry(full, 'No room for this photo.')).rejects.toThrow(
      'No room for this photo.',
    );
  });

  it("retries Safari's UnknownError once", async () => {
    const write = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(dexieAbort(dom('UnknownError')))
      .mockResolvedValueOnce('stored');
    expect(await writeWithRetry(write)).toBe('stored');
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('gives up after the second UnknownError', async () => {
    const write = vi.fn(() => Promise.reject(dexieAbort(dom('UnknownError'))));
    await expect(writeWithRetry(write)).rejects.toMatchObject({ name: 'AbortError' });
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('does not retry other errors', async () => {
    const write = vi.fn(() => Promise.reject(dom('ConstraintError')));
    await expect(writeWithRetry(write)).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(write).toHaveBeenCalledTimes(1);
  });
});
