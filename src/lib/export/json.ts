// The lossless confnotes.json inside an export zip: every record of the exported conferences,
// photo metadata with the image's path in the zip, and the checks that turn a foreign, damaged
// or too new file into plain words before an import touches anything.
import type { Conference, Entry, FreeSection, Opinion, Photo, Star, Talk } from '../db/types';
import { worded, WordedError, type Worded, type WordValues } from '../util/words';
import { ARCHIVE_PARTS as P, ARCHIVE_WORDS as W, type ArchiveWords } from './words';

export const ARCHIVE_FORMAT = 'confnotes';
export const ARCHIVE_VERSION = 1;

/** A photo's metadata and where its image is in the zip ("images/xebicon-2019_01.jpg"). */
export type ArchivePhoto = Photo & { file: string };

export interface ArchiveRecords {
  conferences: Conference[];
  talks: Talk[];
  stars: Star[];
  photos: ArchivePhoto[];
  entries: Entry[];
  opinions: Opinion[];
  freeSections: FreeSection[];
}

export interface ConfnotesArchive extends ArchiveRecords {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  /** ISO 8601. */
  exportedAt: string;
}

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

type Check = Record<string, 'string' | 'number' | 'boolean' | 'array'>;

const RECORDS: Record<keyof ArchiveRecords, [label: string, check: Check]> = {
  conferences: [P.conference, { id: 'string', title: 'string', timeZone: 'string' }],
  talks: [P.talk, { id: 'string', conferenceId: 'string', title: 'string', speakers: 'array' }],
  stars: [P.star, { talkId: 'string', conferenceId: 'string' }],
  photos: [
    P.photo,
    { id: 'string', conferenceId: 'string', talkId: 'string', type: 'string', file: 'string' },
  ],
  entries: [P.entry, { id: 'string', talkId: 'string', position: 'number', text: 'string' }],
  opinions: [P.opinion, { talkId: 'string', text: 'string' }],
  freeSections: [P.freeSection, { id: 'string', conferenceId: 'string', title: 'string' }],
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function damaged(what: Worded): ArchiveError {
  return new ArchiveError(W.damaged, { what });
}

function checkRecord(record: unknown, label: string, check: Check, index: number): void {
  const which = { record: worded(label), n: index + 1 };
  if (!isObject(record)) throw damaged(worded(P.notRecord, which));
  for (const [field, type] of Object.entries(check)) {
    const value = record[field];
    const ok = type === 'array' ? Array.isArray(value) : typeof value === type;
    if (!ok) throw damaged(worded(P.badField, { ...which, field }));
  }
}

/** A safe path inside the zip's images folder: no way out of it. */
function isImagePath(file: string): boolean {
  return /^images\/[^/\\]+$/.test(file) && !file.includes('..');
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
  for (const [key, [label, check]] of Object.entries(RECORDS)) {
    const list = data[key];
    if (!Array.isArray(list)) throw damaged(worded(P.noList, { list: key }));
    list.forEach((record: unknown, i) => checkRecord(record, label, check, i));
  }
  const archive = data as unknown as ConfnotesArchive;
  const bad = archive.photos.find((p) => !isImagePath(p.file));
  if (bad) throw damaged(worded(P.photoPath, { id: bad.id }));
  return archive;
}
