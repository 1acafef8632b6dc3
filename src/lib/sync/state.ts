// The machine-readable state of a conference on the sync server: two JSON files in the
// folder's `.confnotes/`, one for the schedule (conference and talks, large and rarely changed)
// and one for the user's notes (stars, photos, notes, opinions, free sections), so a new note
// never sends the whole schedule again. Each record is keyed `<table>/<primary key>`; a deleted
// one leaves a tombstone so the deletion reaches the other devices.
import type { InferOutput } from 'valibot';
import type { SyncedTable } from '../model/types';
import { check, SYNCED_RECORDS } from '../model/check';
import { Id, Stamp } from '../model/fields';
import { tableOf, tablesOf, type PartName } from '../model/tables';
import { SYNC_WORDS as W, SyncError } from './words';

export const STATE_FORMAT = 'confnotes-sync';
/**
 * 2: photos carry the slide's text, hash and stack, and the user's "Keep this one" and
 * "Unstack" (issue 12). A version 1 reader would drop them when reading the file, write the
 * photo back without them on its next change, and the other devices would take that as the
 * newer record: it refuses a 2 instead ("update the app"), its changes waiting here.
 */
export const STATE_VERSION = 2;
export const STATE_DIR = '.confnotes';

export type { PartName };

/** The tables of each state file, from the model's registry; the schedule is synced first. */
export const PARTS: Record<PartName, readonly SyncedTable[]> = {
  schedule: tablesOf('schedule'),
  notes: tablesOf('notes'),
};

export const PART_NAMES = Object.keys(PARTS) as PartName[];

export type SyncRecord = Record<string, unknown>;

/** Each synced table's record type, as its schema in the model's registry declares it. */
export type TableRecords = {
  [T in SyncedTable]: InferOutput<(typeof SYNCED_RECORDS)[T]['schema']>;
};

/** Where a part's state file lives inside the conference's folder. */
export const stateFile = (part: PartName) => `${STATE_DIR}/${part}.json`;

export interface StateDoc {
  format: typeof STATE_FORMAT;
  version: number;
  /** Random per folder: a folder emptied and refilled by someone else gets another one. */
  folderId: string;
  conferenceId: string;
  part: PartName;
  records: Record<string, SyncRecord>;
  /** Deleted records: key to deletion time (ms). */
  tombstones: Record<string, number>;
  writtenAt: string;
  /**
   * Random per write, and written last: a device reads back its file's last bytes alone to
   * know the file is still its write (see etagIfStill). Not kept when read.
   */
  writeId?: string;
}

/** Thrown for a state file this version cannot use; `message` is for the user. */
export class StateError extends SyncError {
  override readonly name = 'StateError';
}

export { recordKey, tableOf } from '../model/tables';

/**
 * The record under `key` as its table's type; undefined when the key is another table's. A
 * record in a state was checked against its key's schema (parseState) or read from its key's
 * table, so the key tells its type.
 */
export function recordIn<T extends SyncedTable>(
  table: T,
  key: string,
  record: SyncRecord | undefined,
): TableRecords[T] | undefined {
  return tableOf(key) === table ? (record as TableRecords[T] | undefined) : undefined;
}

// Fields that describe this device, not the record: when a photo last went out in a zip, and
// why its processing failed here.
const LOCAL_FIELDS: Partial<Record<SyncedTable, string[]>> = {
  photos: ['exportedAt', 'error'],
};

/** The record as it travels: without fields that only mean something on this device. */
export function shareable(table: SyncedTable, record: SyncRecord): SyncRecord {
  const drop = LOCAL_FIELDS[table];
  if (!drop) return record;
  const out = { ...record };
  for (const field of drop) delete out[field];
  return out;
}

/** JSON with keys sorted at every level, so equal records give equal text on every device. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A 64-bit hash of a string (two 32-bit FNV-1a style lanes): change detection, not security. */
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export const hashRecord = (record: SyncRecord) => hashText(canonical(record));

export function emptyState(folderId: string, conferenceId: string, part: PartName): StateDoc {
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    folderId,
    conferenceId,
    part,
    records: {},
    tombstones: {},
    writtenAt: new Date(0).toISOString(),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A record key whose table belongs in this part and whose id passes that table's schema. */
function keyFlaw(key: string, part: PartName): boolean {
  const table = tableOf(key);
  if (!PARTS[part].includes(table)) return true;
  const { schema, key: field } = SYNCED_RECORDS[table];
  const id = key.slice(table.length + 1);
  return !check(schema.entries[field as keyof typeof schema.entries], id).ok;
}

/**
 * Reads a state file; throws StateError in plain words when it is not one we can use. Every
 * record is checked against its table's schema and must sit under its own key: a shared folder
 * edited by hand or by a hostile peer cannot put a path, a bad date or a stray record here.
 */
export function parseState(text: string, part: PartName): StateDoc {
  const file = { file: `${STATE_DIR}/${part}.json` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new StateError(W.stateUnreadable, file);
  }
  if (!isObject(data) || data.format !== STATE_FORMAT) throw new StateError(W.stateForeign, file);
  if (typeof data.version !== 'number' || data.version > STATE_VERSION) {
    throw new StateError(W.stateNewer);
  }
  if (
    !check(Id, data.folderId).ok ||
    !check(Id, data.conferenceId).ok ||
    data.part !== part ||
    !isObject(data.records) ||
    !isObject(data.tombstones) ||
    typeof data.writtenAt !== 'string'
  ) {
    throw new StateError(W.stateDamaged, file);
  }
  const records: Record<string, SyncRecord> = {};
  for (const [key, record] of Object.entries(data.records)) {
    if (keyFlaw(key, part)) throw new StateError(W.stateStray, file);
    const table = tableOf(key);
    const { schema, key: field } = SYNCED_RECORDS[table];
    const checked = check(schema, record);
    if (!checked.ok) throw new StateError(W.stateBadRecord, { ...file, key, field: checked.field });
    const value = checked.value as SyncRecord;
    const home = table === 'conferences' ? value.id : value.conferenceId;
    if (`${table}/${String(value[field])}` !== key || home !== data.conferenceId) {
      throw new StateError(W.stateStray, file);
    }
    records[key] = value;
  }
  const tombstones: Record<string, number> = {};
  for (const [key, at] of Object.entries(data.tombstones)) {
    if (keyFlaw(key, part) || !check(Stamp, at).ok) throw new StateError(W.stateStray, file);
    tombstones[key] = at as number;
  }
  return {
    format: STATE_FORMAT,
    version: data.version,
    folderId: data.folderId as string,
    conferenceId: data.conferenceId as string,
    part,
    records,
    tombstones,
    writtenAt: data.writtenAt,
  };
}

export function stateJson(doc: StateDoc): string {
  return JSON.stringify(doc);
}
