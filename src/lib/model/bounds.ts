// The years a conference can have, shared by the schedule parsers (which leave an impossible
// time out of its talk) and the record schemas (which refuse one from a zip or a sync folder),
// so both draw the line in the same place. Plain numbers: the parser worker loads no schema.

export const EARLIEST_YEAR = 1970;
export const LATEST_YEAR = 2199;

/** The first instant of EARLIEST_YEAR and the first after LATEST_YEAR (UTC). */
export const EARLIEST_MS = Date.UTC(EARLIEST_YEAR, 0, 1);
export const AFTER_LATEST_MS = Date.UTC(LATEST_YEAR + 1, 0, 1);

/** Whether `year` is one a conference can have; Date and Intl format all of them. */
export const plausibleYear = (year: number) => year >= EARLIEST_YEAR && year <= LATEST_YEAR;
