// The Conference record of a freshly read schedule, shared by imports and the demo.
import type { ParsedSchedule } from '../schedule/types';
import type { Conference, ScheduleSource, TimeZoneSource } from './types';

export function newConference(
  parsed: Pick<ParsedSchedule, 'conference' | 'warnings'>,
  id: string,
  [timeZone, timeZoneSource]: [string, TimeZoneSource],
  source: ScheduleSource,
  now: number,
): Conference {
  const { title, startDate, endDate, venue, url } = parsed.conference;
  return {
    id,
    title,
    timeZone,
    timeZoneSource,
    source,
    demo: source.kind === 'demo',
    warnings: parsed.warnings,
    createdAt: now,
    updatedAt: now,
    ...(startDate && { startDate }),
    ...(endDate && { endDate }),
    ...(venue && { venue }),
    ...(url && { url }),
    // The demo's source is its programme page (the seed's "Schedule" link).
    ...(source.kind === 'demo' && source.url && { programmeUrl: source.url }),
  };
}
