import { describe, expect, it } from 'vitest';
import { formatDateRange } from '../../../src/lib/schedule/date-range';

// Conference dates as a screen shows them; records stored by older versions were not checked,
// and a date that is not one once left the home screen on "Loading…" for good.
describe('formatDateRange', () => {
  it.each([
    ['2015-01-31', '2015-02-01', 'January 31 – February 1, 2015'],
    ['2015-01-31', '2015-01-31', 'January 31, 2015'],
    ['2015-01-31', undefined, 'January 31, 2015'],
    ['2015-02-01', '2015-01-31', 'February 1, 2015'],
    ['soon', '2015-01-31', ''],
    ['2015-01-31', 'later', 'January 31, 2015'],
    [undefined, undefined, ''],
  ])('%s to %s reads "%s"', (start, end, shown) => {
    expect(formatDateRange(start, end, 'en-US').replace(/\s+/g, ' ')).toBe(shown);
  });
});
