// The lossless confnotes.json inside an export zip: every record of the exported conferences,
// photo metadata with the image's path in the zip, and the checks that turn a foreign, damaged
// or too new file into plain words before an import touches anything.
import * as v from 'valibot';
import type { Photo, RecordOf } from '../model/types';
import { unsortedTray } from '../model/photo-ids';
import { checkList, SYNCED_RECORDS } from '../model/check';
import { SYNCED_TABLES, type SyncedTable } from '../model/tables';
import * as R from '../model/records';
import { worded, WordedError, type Worded, type WordValues } from '../util/words';
import { ARCHIVE_PARTS as P, ARCHIVE_WORDS as W, type ArchiveWords } from './words';

export const ARCHIVE_FORMAT = 'confnotes';
/**
 * 2: photos may carry the slide's corners, who decided the crop, and an image tag. 3: the
 * slide's text, its difference hash, its stack and the user's "Keep this one" and "Unstack".
 * Older files read as they are (those fields are optional). An older reader refuses a newer
 * file rather than drop what it does not know: the text could be read again, but the user's
 * choices in stacks could not be made again for them.
 */
export const ARCHIVE_VERSION = 3;

/** A photo's metadata and where its image is in the zip ("images/xebicon-2019_01.jpg"). */
export type ArchivePhoto = Photo & { file: string };

/** Every synced table's records (the registry, model/tables.ts), photos with their file. */
export type ArchiveRecords = {
  [T in SyncedTable]: T extends 'photos' ? ArchivePhoto[] : RecordOf<T>[];
};

export type ConfnotesArchive = ArchiveRecords & {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  /** ISO 8601. */
  exportedAt: string;
};

/** An export or import that cannot go on, in words for the user (see ARCHIVE_WORDS). */
export class ArchiveError extends WordedError {
  override readonly name = 'ArchiveError';
  declare readonly words: ArchiveWords;
  constructor(words: ArchiveWords, values: WordValues = {}) {
    super(words, values);
  }
}

export function toArchiveJson(records: ArchiveRecords, exportedAt = new Date()): string {
  const archive: ConfnotesArchive = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: exportedAt.toISOString(),
    ...records,
  };
  return JSON.stringify(archive, null, 1);
}

const ImagePath = v.pipe(v.string(), v.regex(/^images\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}$/));

/** How each table's records are named in a message. */
const LABELS = {
  conferences: P.conference,
  talks: P.talk,
  stars: P.star,
  photos: P.photo,
  entries: P.entry,
  opinions: P.opinion,
  freeSections: P.freeSection,
} as const satisfies Record<SyncedTable, string>;

/** A photo in the zip also says where its image is. */
const ArchivePhotoSchema = v.object({ ...R.Photo.entries, file: ImagePath });

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function damaged(what: Worded): ArchiveError {
  return new ArchiveError(W.damaged, { what });
}

/** Each list against its schema; the first bad record is named, with its field. */
function checkLists(data: Record<string, unknown>): ArchiveRecords {
  const out: Partial<Record<keyof ArchiveRecords, unknown[]>> = {};
  for (const list of SYNCED_TABLES) {
    const label = LABELS[list];
    const schema = list === 'photos' ? ArchivePhotoSchema : SYNCED_RECORDS[list].schema;
    if (!Array.isArray(data[list])) throw damaged(worded(P.noList, { list }));
    const result = checkList(schema, data[list]);
    if (!result.ok) {
      const { index, field } = result.flaw;
      const which = { record: worded(label), n: index + 1 };
      throw damaged(field ? worded(P.badField, { ...which, field }) : worded(P.notRecord, which));
    }
    out[list] = result.value;
  }
  return out as unknown as ArchiveRecords;
}

/**
 * Every record belongs to a conference of the same file, and every talk it names is one of
 * that conference's talks there: an import then writes nothing outside what it brings.
 */
function checkLinks(records: ArchiveRecords): void {
  const conferences = new Set<string>();
  for (const c of records.conferences) {
    if (conferences.has(c.id)) throw damaged(worded(P.twice, { record: worded(P.conference) }));
    conferences.add(c.id);
  }
  const talkHome = new Map<string, string>();
  for (const t of records.talks) {
    if (talkHome.has(t.id)) throw damaged(worded(P.twice, { record: worded(P.talk) }));
    talkHome.set(t.id, t.conferenceId);
  }
  const lists: [string, { conferenceId: string; talkId?: string }[]][] = [
    [P.talk, records.talks],
    [P.star, records.stars],
    [P.photo, records.photos],
    [P.entry, records.entries],
    [P.opinion, records.opinions],
    [P.freeSection, records.freeSections],
  ];
  for (const [label, list] of lists) {
    list.forEach((r, i) => {
      const home = r.talkId === undefined || r.talkId === unsortedTray(r.conferenceId);
      const linked = home
        ? conferences.has(r.conferenceId)
        : talkHome.get(r.talkId!) === r.conferenceId;
      if (!linked) throw damaged(worded(P.stray, { record: worded(label), n: i + 1 }));
    });
  }
}

/** Reads and checks confnotes.json; throws ArchiveError with plain words when it is not ours. */
export function parseArchiveJson(text: string): ConfnotesArchive {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ArchiveError(W.jsonUnreadable);
  }
  if (!isObject(data) || data.format !== ARCHIVE_FORMAT) {
    throw new ArchiveError(W.jsonForeign);
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw damaged(worded(P.noVersion));
  }
  if (version > ARCHIVE_VERSION) throw new ArchiveError(W.newer, { version });
  if (typeof data.exportedAt !== 'string') throw damaged(worded(P.noDate));
  const records = checkLists(data);
  checkLinks(records);
  return {
    format: ARCHIVE_FORMAT,
    version,
    exportedAt: data.exportedAt,
    ...records,
  };
}
