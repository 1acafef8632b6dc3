// rowWindow: the rows a long list lays out for the band in sight, and the padding that stands
// in for the others, so that the list keeps its full height and the rows their places.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowTop, rowWindow } from '../../../src/lib/util/row-window';

const heights = fc.array(fc.option(fc.integer({ min: 20, max: 300 }), { nil: undefined }), {
  maxLength: 500,
});

describe('rowWindow', () => {
  it('keeps the list its full height, and lays out every row that meets the band', () => {
    fc.assert(
      fc.property(
        heights,
        fc.integer({ min: 20, max: 200 }),
        fc.integer({ min: -3000, max: 60_000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.option(fc.integer({ min: 0, max: 499 }), { nil: undefined }),
        (hs, estimate, top, span, margin, keep) => {
          const w = rowWindow(hs, estimate, top, top + span, margin, keep);
          if (keep !== undefined && keep < hs.length)
            expect(keep >= w.start && keep < w.end).toBe(true);
          const h = (i: number) => hs[i] ?? estimate;
          const total = hs.reduce((a: number, _, i) => a + h(i), 0);
          const laid = hs.slice(w.start, w.end).reduce((a: number, _, i) => a + h(w.start + i), 0);
          expect(w.before + laid + w.after).toBe(total);
          expect(w.before).toBe(rowTop(hs, estimate, w.start));
          if (hs.length) expect(w.end).toBeGreaterThan(w.start);
          for (let i = 0; i < hs.length; i++) {
            const y = rowTop(hs, estimate, i);
            const meets = y + h(i) > top - margin && y < top + span + margin;
            if (meets) expect(i >= w.start && i < w.end).toBe(true);
          }
        },
      ),
    );
  });

  it('lays out only the rows in sight and the margin of a 450-row day', () => {
    const day = Array.from({ length: 450 }, (_, i) => (i % 3 === 0 ? 96 : 72));
    const w = rowWindow(day, 80, 20_000, 20_740, 740);
    expect(w.end - w.start).toBeLessThan(40);
    expect(w.before).toBeGreaterThan(18_000);
  });

  it('keeps the row nearest to the band when the list is out of sight', () => {
    const rows = [70, 80, 90];
    expect(rowWindow(rows, 80, -5000, -4000, 500)).toEqual({
      start: 0,
      end: 1,
      before: 0,
      after: 170,
    });
    expect(rowWindow(rows, 80, 9000, 9700, 500)).toEqual({
      start: 2,
      end: 3,
      before: 150,
      after: 0,
    });
    expect(rowWindow([], 80, 0, 700, 500)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });
});
