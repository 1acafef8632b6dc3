import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  estimate,
  requestPersistence,
  resetPersistenceRequest,
} from '../../../src/lib/capture/storage';

beforeEach(() => resetPersistenceRequest());

describe('requestPersistence', () => {
  it('asks once per page load, however often it is called', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    const storage = { persist, persisted: () => Promise.resolve(false) };
    expect(await requestPersistence(storage)).toBe(true);
    expect(await requestPersistence(storage)).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask when storage is already persistent', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    expect(await requestPersistence({ persist, persisted: () => Promise.resolve(true) })).toBe(
      true,
    );
    expect(persist).not.toHaveBeenCalled();
  });

  it.each([
    ['no storage manager', undefined],
    ['no persist()', {}],
    ['persist() refused', { persist: () => Promise.resolve(false) }],
    ['persist() throws', { persist: () => Promise.reject(new Error('SecurityError')) }],
  ])('answers false with %s', async (_case, storage) => {
    expect(await requestPersistence(storage)).toBe(false);
  });
});

describe('estimate', () => {
  it.each([
    [
      'both numbers',
      { estimate: () => Promise.resolve({ usage: 5e6, quota: 2e9 }) },
      { used: 5e6, quota: 2e9 },
    ],
    ['usage only', { estimate: () => Promise.resolve({ usage: 10 }) }, { used: 10 }],
    ['no estimate()', {}, {}],
    ['no storage manager', undefined, {}],
    ['estimate() throws', { estimate: () => Promise.reject(new Error('nope')) }, {}],
  ])('%s', async (_case, storage, expected) => {
    expect(await estimate(storage)).toEqual(expected);
  });
});
