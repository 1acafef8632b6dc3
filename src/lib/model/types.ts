// The domain's records: what a conference, a talk, a photo or a note is, wherever it lives
// (IndexedDB, a zip, the sync server). Declared once as schemas (records.ts); the types here
// follow from them, so every layer shares one definition.
import type { InferOutput } from 'valibot';
import type * as R from './records';

export type TimeZoneSource = Conference['timeZoneSource'];

export type ScheduleSource = InferOutput<typeof R.ScheduleSource>;
export type Corners = InferOutput<typeof R.Corners>;
export type SlideText = InferOutput<typeof R.SlideText>;
export type Conference = InferOutput<typeof R.Conference>;
export type Talk = InferOutput<typeof R.Talk>;
export type Star = InferOutput<typeof R.Star>;
export type Photo = InferOutput<typeof R.Photo>;
export type OtherVersion = InferOutput<typeof R.OtherVersion>;
export type Entry = InferOutput<typeof R.Entry>;
export type Opinion = InferOutput<typeof R.Opinion>;
export type FreeSection = InferOutput<typeof R.FreeSection>;

/** Where a photo waits for processing; 'failed' keeps the original so nothing is lost. */
export type PhotoStatus = Photo['status'];

/** The tables whose records travel to the sync server (see tables.ts). */
export type { SyncedTable } from './tables';

/** Each synced table's record type. */
export interface SyncedRecords {
  conferences: Conference;
  talks: Talk;
  stars: Star;
  photos: Photo;
  entries: Entry;
  opinions: Opinion;
  freeSections: FreeSection;
}
export type RecordOf<T extends keyof SyncedRecords> = SyncedRecords[T];
