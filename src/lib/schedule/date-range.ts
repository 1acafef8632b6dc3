// A conference's dates as the home screen's cards show them: kept apart from agenda.ts, whose
// talk lists and times only screens past home need, so that start-up does not load them.

/** Midnight UTC of a `YYYY-MM-DD` date, for formatting a calendar date with timeZone UTC. */
export function dateUtc(date: string): number {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** A conference's dates, as its card shows them. */
export const DATE_RANGE: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
};

export function formatDateRange(start?: string, end?: string, locale?: string): string {
  // Stored dates passed the record schemas, but records from older versions did not: a date
  // that is not one, or an end before the start (formatRange throws), must not stop a screen.
  const valid = (date?: string): date is string =>
    !!date && /^\d{4}-\d\d-\d\d$/.test(date) && Number.isFinite(dateUtc(date));
  if (!valid(start)) return '';
  const fmt = new Intl.DateTimeFormat(locale, DATE_RANGE);
  return valid(end) && end > start
    ? fmt.formatRange(dateUtc(start), dateUtc(end))
    : fmt.format(dateUtc(start));
}
