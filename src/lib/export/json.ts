// The lossless confnotes.json inside an export zip: every record of the exported conferences,
// photo metadata with the image's path in the zip, and the checks that turn a foreign, damaged
// or too new file into plain words before an import touches anything.
import type { Conference, Entry, FreeSection, Opinion, Photo, Star, Talk } from '../db/types';

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

/** An export or import that cannot go on; `message` is for the user as is. */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
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
  conferences: ['a conference', { id: 'string', title: 'string', timeZone: 'string' }],
  talks: ['a talk', { id: 'string', conferenceId: 'string', title: 'string', speakers: 'array' }],
  stars: ['a star', { talkId: 'string', conferenceId: 'string' }],
  photos: [
    'a photo',
    { id: 'string', conferenceId: 'string', talkId: 'string', type: 'string', file: 'string' },
  ],
  entries: ['a note', { id: 'string', talkId: 'string', position: 'number', text: 'string' }],
  opinions: ['an opinion', { talkId: 'string', text: 'string' }],
  freeSections: ['a free section', { id: 'string', conferenceId: 'string', title: 'string' }],
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function damaged(what: string): ArchiveError {
  return new ArchiveError(`This Confnotes export is damaged: ${what}. Nothing was imported.`);
}

function checkRecord(record: unknown, label: string, check: Check, index: number): void {
  if (!isObject(record)) throw damaged(`${label} (number ${index + 1}) is not a record`);
  for (const [field, type] of Object.entries(check)) {
    const value = record[field];
    const ok = type === 'array' ? Array.isArray(value) : typeof value === type;
    if (!ok) throw damaged(`${label} (number ${index + 1}) has no valid "${field}"`);
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
    throw new ArchiveError(
      'This is not a Confnotes export: its confnotes.json is not readable JSON (the file may be damaged).',
    );
  }
  if (!isObject(data) || data.format !== ARCHIVE_FORMAT) {
    throw new ArchiveError(
      'This is not a Confnotes export: confnotes.json comes from another app.',
    );
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw damaged('it has no valid format version');
  }
  if (version > ARCHIVE_VERSION) {
    throw new ArchiveError(
      `This export was made by a newer version of Confnotes (format ${version}). Update the app, then import it again.`,
    );
  }
  if (typeof data.exportedAt !== 'string') throw damaged('it has no export date');
  for (const [key, [label, check]] of Object.entries(RECORDS)) {
    const list = data[key];
    if (!Array.isArray(list)) throw damaged(`the list "${key}" is missing`);
    list.forEach((record: unknown, i) => checkRecord(record, label, check, i));
  }
  const archive = data as unknown as ConfnotesArchive;
  const bad = archive.photos.find((p) => !isImagePath(p.file));
  if (bad) throw damaged(`the photo ${bad.id} points outside the images folder`);
  return archive;
}
