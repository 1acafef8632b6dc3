// One declared schema per record type that crosses a boundary (confnotes.json, the sync state
// files, parsed schedules). The stored types in src/lib/db/types.ts are derived from these, so
// the check at the door and the type the code relies on cannot drift apart.
import * as v from 'valibot';
import {
  bounded,
  Id,
  ImageType,
  Instant,
  Line,
  LocalDate,
  PhotoId,
  Prose,
  Stamp,
  StoredUrl,
  TalkOrTray,
  TimeZone,
  WallClock,
} from './fields';

export const Speaker = v.object({ name: Line, affiliation: v.optional(Line) });
export const Link = v.object({ url: StoredUrl, title: v.optional(Line) });

const ScheduleFormat = v.picklist([
  'frab-json',
  'frab-xml',
  'c3voc-json',
  'ics',
  'sessionize',
  'confnotes-demo',
]);

/** Words and values (see util/words.ts), nested for a reason inside a sentence. */
interface WordedShape {
  words: string;
  values: { [name: string]: string | number | WordedShape };
}
const Worded: v.GenericSchema<WordedShape> = v.object({
  words: Line,
  values: v.record(
    v.pipe(v.string(), v.maxLength(64)),
    v.union([Line, v.number(), v.lazy(() => Worded)]),
  ),
});

export const ScheduleSource = v.object({
  kind: v.picklist(['url', 'file', 'demo']),
  url: v.optional(StoredUrl),
  fileName: v.optional(Line),
  format: ScheduleFormat,
  etag: v.optional(Line),
  lastModified: v.optional(Line),
  fetchedAt: Stamp,
});

export const Conference = v.object({
  id: Id,
  title: Line,
  startDate: v.optional(LocalDate),
  endDate: v.optional(LocalDate),
  /** IANA zone used to show and compute times. */
  timeZone: TimeZone,
  timeZoneSource: v.picklist(['file', 'user', 'device']),
  venue: v.optional(Line),
  url: v.optional(StoredUrl),
  /** Link to the public programme page, when known (the seed's "Schedule"). */
  programmeUrl: v.optional(StoredUrl),
  source: ScheduleSource,
  demo: v.boolean(),
  /**
   * What was odd in the schedule file, in words to translate (SCHEDULE_WARNINGS). Records
   * stored before, or synced from a device running an older version, hold English strings:
   * whatever shows these must take both.
   */
  warnings: bounded(v.union([Line, Worded]), 100),
  createdAt: Stamp,
  updatedAt: Stamp,
});

/** The fields of a talk a schedule file gives; a stored talk adds ours (TalkSchema). */
const talkFromFile = {
  title: Line,
  subtitle: v.optional(Line),
  type: v.optional(Line),
  track: v.optional(Line),
  language: v.optional(Line),
  abstract: v.optional(Prose),
  description: v.optional(Prose),
  room: v.optional(Line),
  /** Conference wall clock `YYYY-MM-DDTHH:mm`, as the file states it. */
  startLocal: v.optional(WallClock),
  endLocal: v.optional(WallClock),
  startUtc: v.optional(Instant),
  endUtc: v.optional(Instant),
  /** Original strings from the file, kept for display and debugging. */
  rawStart: v.optional(Line),
  rawDuration: v.optional(Line),
  speakers: bounded(Speaker, 500),
  links: bounded(Link, 500),
  url: v.optional(StoredUrl),
};

export const Talk = v.object({
  id: Id,
  conferenceId: Id,
  sourceKey: Line,
  /** Position in the file, for talks without times (the seed has none). */
  order: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  ...talkFromFile,
  /** True when the file gave the instant; false when we derived it from the wall clock. */
  utcFromFile: v.boolean(),
  removedFromSchedule: v.boolean(),
});

export const Star = v.object({ talkId: Id, conferenceId: Id, createdAt: Stamp });

/** Another device's version of a note, kept until the user picks one. */
export const OtherVersion = v.object({
  text: Prose,
  title: v.optional(Line),
  updatedAt: Stamp,
});

const otherVersions = v.optional(bounded(OtherVersion, 50));

const Position = v.pipe(v.number(), v.finite());

/** A share of the image's width or height, from its left or top edge. */
const Fraction = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1));
const CornerPoint = v.object({ x: Fraction, y: Fraction });

/**
 * Where the slide's corners are in the photo as taken (upright), as fractions of its width and
 * height, so they hold for the original and for any downscaled copy of it.
 */
export const Corners = v.object({
  topLeft: CornerPoint,
  topRight: CornerPoint,
  bottomRight: CornerPoint,
  bottomLeft: CornerPoint,
});
const Pixels = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(100_000));

/**
 * A slide photo's metadata. `id` is the SHA-256 (hex) of the original shot's bytes; `talkId`
 * is a talk id or the conference's Unsorted tray. `error` says why processing failed: an
 * ImageErrorCode (capture/image-error.ts) that the screens put in words, or, in photos stored
 * before codes, the English sentence itself, still shown (and translated where known). Width,
 * height and size are 0 until processing has finished.
 */
/** What was read on a slide: its words, in reading order, and the language read in. */
export const SlideText = v.object({
  words: v.pipe(v.string(), v.maxLength(20_000)),
  lang: v.picklist(['en', 'fr']),
  of: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{8}$/))),
});

export const Photo = v.object({
  id: PhotoId,
  conferenceId: Id,
  talkId: TalkOrTray,
  position: Position,
  caption: Line,
  takenAt: Stamp,
  width: Pixels,
  height: Pixels,
  size: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  type: ImageType,
  status: v.picklist(['pending', 'ready', 'failed']),
  error: v.optional(Line),
  createdAt: Stamp,
  /** Soft delete: hidden everywhere, purged once undo is no longer offered. */
  deletedAt: v.optional(Stamp),
  /** The slide's corners when the stored image is the slide straightened; unset: as taken. */
  corners: v.optional(Corners),
  /**
   * Who decided the crop: the slide finder, or the user ("Save corners", "No crop", which is
   * then final). Unset for photos processed before slides were found.
   */
  cropBy: v.optional(v.picklist(['finder', 'user'])),
  /**
   * Set when the user changed the crop, so the image differs from the one first stored under
   * this id: it names the image's new version on the sync server.
   */
  imageTag: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{8}$/))),
  /**
   * The text read from the slide on this device (issue 12), or from a device it synced with.
   * `of` is the `imageTag` of the image that was read: a new crop is read again.
   */
  text: v.optional(SlideText),
  /** 64-bit difference hash of the stored image (16 hex digits): proposes re-shots. */
  hash: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/))),
  /** The stack this photo is in: the id of the photo that started it. Unset: on its own. */
  stack: v.optional(PhotoId),
  /** "Keep this one": the user's choice of the shot that stands for its stack. */
  kept: v.optional(v.literal(true)),
  /** "Unstack": the user took this photo out of its stack; it is never stacked again. */
  unstacked: v.optional(v.literal(true)),
  /** When the photo last went out in a zip; unset means never. (Sent to the sync server: see
   * the database's `onServer` marks; a `syncedAt` of an older record is dropped.) */
  exportedAt: v.optional(Stamp),
});

export const Entry = v.object({
  id: Id,
  conferenceId: Id,
  talkId: TalkOrTray,
  position: Position,
  text: Prose,
  createdAt: Stamp,
  updatedAt: Stamp,
  otherVersions,
});

export const Opinion = v.object({
  talkId: Id,
  conferenceId: Id,
  text: Prose,
  updatedAt: Stamp,
  otherVersions,
});

export const FreeSection = v.object({
  id: Id,
  conferenceId: Id,
  title: Line,
  text: Prose,
  position: Position,
  updatedAt: Stamp,
  otherVersions,
});

/** A talk as a schedule parser returns it, before our ids and time-zone work. */
export const ParsedTalk = v.object({ sourceKey: Line, ...talkFromFile });

export const ParsedConference = v.object({
  title: Line,
  timeZone: v.optional(TimeZone),
  startDate: v.optional(LocalDate),
  endDate: v.optional(LocalDate),
  venue: v.optional(Line),
  url: v.optional(StoredUrl),
});
