// Records stored in IndexedDB. User data (stars, later notes and photos) is keyed by our own
// talk ids, which a schedule refresh never changes; `sourceKey` is only used to match talks.
import type { ParsedLink, ParsedSpeaker, ScheduleFormat } from '../schedule/types';

export type TimeZoneSource = 'file' | 'user' | 'device';

export interface ScheduleSource {
  kind: 'url' | 'file' | 'demo';
  url?: string;
  fileName?: string;
  format: ScheduleFormat;
  etag?: string;
  lastModified?: string;
  fetchedAt: number;
}

export interface Conference {
  id: string;
  title: string;
  startDate?: string;
  endDate?: string;
  /** IANA zone used to show and compute times. */
  timeZone: string;
  timeZoneSource: TimeZoneSource;
  venue?: string;
  url?: string;
  /** Link to the public programme page, when known (the seed's "Schedule"). */
  programmeUrl?: string;
  source: ScheduleSource;
  demo: boolean;
  warnings: string[];
  createdAt: number;
  updatedAt: number;
}

export interface Talk {
  id: string;
  conferenceId: string;
  sourceKey: string;
  /** Position in the file, for talks without times (the seed has none). */
  order: number;
  title: string;
  subtitle?: string;
  type?: string;
  track?: string;
  language?: string;
  abstract?: string;
  description?: string;
  room?: string;
  /** Conference wall clock `YYYY-MM-DDTHH:mm`, as the file states it. */
  startLocal?: string;
  endLocal?: string;
  startUtc?: number;
  endUtc?: number;
  /** True when the file gave the instant; false when we derived it from the wall clock. */
  utcFromFile: boolean;
  rawStart?: string;
  rawDuration?: string;
  speakers: ParsedSpeaker[];
  links: ParsedLink[];
  url?: string;
  removedFromSchedule: boolean;
}

export interface Star {
  talkId: string;
  conferenceId: string;
  createdAt: number;
}

export interface Setting {
  key: string;
  value: unknown;
}
