// iCalendar date-times: `…Z` (UTC), `TZID=` (an IANA zone, even without its VTIMEZONE),
// floating (local, or the calendar's X-WR-TIMEZONE), `VALUE=DATE` (all day, no time), and
// ends computed from DURATION when DTEND is missing.

import { addMinutesLocal, isValidTimeZone, utcToZonedWall, zonedWallToUtc } from '../util/time';
import type { IcsProp } from './ics-lines';
import { plausibleInstant } from './sane-time';

export interface IcsTime {
  local?: string;
  utc?: number;
  allDay?: boolean;
  unknownZone?: string;
}

/** `Europe/Berlin`, or the IANA tail of `/mozilla.org/20050126_1/Europe/Berlin`. */
export function resolveTzid(tzid: string): string | undefined {
  const t = tzid.trim();
  if (isValidTimeZone(t)) return t;
  const tail = /([A-Za-z_]+\/[A-Za-z_+-]+(?:\/[A-Za-z_+-]+)?)$/.exec(t)?.[1];
  return tail && isValidTimeZone(tail) ? tail : undefined;
}

export function readTime(prop: IcsProp | undefined, zone: string | undefined): IcsTime {
  if (!prop) return {};
  const v = prop.value.trim();
  if (prop.params.VALUE === 'DATE' || /^\d{8}$/.test(v)) return { allDay: true };
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(?:\d{2})?(Z)?$/i.exec(v);
  if (!m) return {};
  const wall = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}`;
  if (m[6]) {
    const utc = Date.parse(`${wall}:00Z`);
    return zone ? { local: utcToZonedWall(utc, zone), utc } : { utc };
  }
  const tzid = prop.params.TZID;
  if (tzid) {
    const tz = resolveTzid(tzid);
    return tz ? { local: wall, utc: zonedWallToUtc(wall, tz) } : { local: wall, unknownZone: tzid };
  }
  // Floating time: the calendar's X-WR-TIMEZONE, if any, is what authoring tools meant.
  return zone ? { local: wall, utc: zonedWallToUtc(wall, zone) } : { local: wall };
}

export function endFrom(
  start: IcsTime,
  minutes: number | undefined,
  zone: string | undefined,
): IcsTime {
  if (minutes === undefined || (start.local === undefined && start.utc === undefined)) return {};
  const utc = start.utc !== undefined ? start.utc + minutes * 60_000 : undefined;
  // An end past what Date can hold would throw in Intl: it is left as a bare instant, which
  // dropImpossibleTimes then removes and counts.
  const local =
    utc !== undefined && zone
      ? plausibleInstant(utc)
        ? utcToZonedWall(utc, zone)
        : undefined
      : start.local !== undefined
        ? addMinutesLocal(start.local, minutes)
        : undefined;
  return { ...(local && { local }), ...(utc !== undefined && { utc }) };
}
