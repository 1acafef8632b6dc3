// Key uniqueness within one parse: the same keys as the plain counting search, in linear time.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureUniqueKeys } from '../../../src/lib/schedule/text';
import type { ParsedTalk } from '../../../src/lib/schedule/types';
import { formatUtcWall } from '../../../src/lib/util/time';

const talk = (sourceKey: string, title = 'Same talk', startLocal = '2024-01-01T10:00') =>
  ({ sourceKey, title, startLocal, speakers: [], links: [] }) satisfies ParsedTalk;

/** The search as it was written first: count up from 2 for every clash. Quadratic, but plain. */
function reference(talks: ParsedTalk[]): string[] {
  const seen = new Set<string>();
  return talks.map((t) => {
    let key = t.sourceKey;
    if (seen.has(key)) {
      const when =
        t.startLocal ?? (t.startUtc !== undefined ? `${formatUtcWall(t.startUtc)}Z` : '');
      key = `${t.sourceKey}#${when}#${t.title}`;
      for (let n = 2; seen.has(key); n++) key = `${t.sourceKey}#${when}#${t.title}#${n}`;
    }
    seen.add(key);
    return key;
  });
}

/** Set and Map lookups made while keys are made unique: the work done, without a clock. */
function lookups(talks: ParsedTalk[]): number {
  const calls = [
    vi.spyOn(Set.prototype, 'has'),
    vi.spyOn(Map.prototype, 'get'),
    vi.spyOn(Map.prototype, 'has'),
  ];
  ensureUniqueKeys(talks);
  const total = calls.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
  vi.restoreAllMocks();
  return total;
}

const copies = (n: number) => Array.from({ length: n }, () => talk('same@x'));

describe('ensureUniqueKeys', () => {
  afterEach(() => vi.restoreAllMocks());

  it('numbers identical events in file order', () => {
    const talks = copies(4);
    expect(ensureUniqueKeys(talks)).toBe(3);
    const base = 'same@x#2024-01-01T10:00#Same talk';
    expect(talks.map((t) => t.sourceKey)).toEqual(['same@x', base, `${base}#2`, `${base}#3`]);
  });

  it('gives the same keys as the plain search, whatever keys the file already uses', () => {
    // Keys drawn from a tiny alphabet, some already shaped like the keys the search makes.
    const key = fc.constantFrom('a', 'b', 'a#T#t', 'a#T#t#2', 'a#T#t#3', 'b#T#t#2');
    const one = fc.record({ sourceKey: key, title: fc.constantFrom('t', 'u') });
    fc.assert(
      fc.property(fc.array(one, { maxLength: 40 }), (rows) => {
        const make = () => rows.map((r) => talk(r.sourceKey, r.title, 'T'));
        const mine = make();
        ensureUniqueKeys(mine);
        const keys = mine.map((t) => t.sourceKey);
        expect(keys).toEqual(reference(make()));
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });

  it('does work in proportion to the number of talks when every talk is the same', () => {
    // 10,000 identical events (a 0.7 MB .ics) took 14 s when each copy counted up from 2.
    const small = lookups(copies(1_000));
    const large = lookups(copies(2_000));
    expect(large).toBeLessThanOrEqual(4 * 2_000);
    expect(large / small).toBeLessThan(2.1);
  });
});
