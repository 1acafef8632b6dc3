// Checking outside data against the record schemas: which record of which list fails, and on
// which field, so the message can name it. Callers turn a flaw into their own words (an
// archive error, a sync error, a schedule warning); nothing here knows about storage.
import * as v from 'valibot';
import { Conference, Entry, FreeSection, Opinion, Photo, Star, Talk } from './records';

/** The synced record types, each with its schema and the field that is its key. */
export const SYNCED_RECORDS = {
  conferences: { schema: Conference, key: 'id' },
  talks: { schema: Talk, key: 'id' },
  stars: { schema: Star, key: 'talkId' },
  photos: { schema: Photo, key: 'id' },
  entries: { schema: Entry, key: 'id' },
  opinions: { schema: Opinion, key: 'talkId' },
  freeSections: { schema: FreeSection, key: 'id' },
} as const satisfies Record<string, { schema: v.GenericSchema; key: string }>;

export type RecordTable = keyof typeof SYNCED_RECORDS;

/** What is wrong with one record: its place in the list and the first field that fails. */
export interface Flaw {
  /** 0-based index in the list. */
  index: number;
  /** Dotted path of the field ("speakers.0.name"), or "" when the record is not an object. */
  field: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string };

/** A parser per schema, made once: the first issue is enough to name the field. */
const parsers = new WeakMap<
  v.GenericSchema,
  (value: unknown) => v.SafeParseResult<v.GenericSchema>
>();

/** One value against a schema; the value out has unknown keys dropped. */
export function check<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
): Checked<v.InferOutput<S>> {
  let parse = parsers.get(schema);
  if (!parse) parsers.set(schema, (parse = v.safeParser(schema, { abortEarly: true })));
  const result = parse(value) as v.SafeParseResult<S>;
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, field: v.getDotPath(result.issues[0]) ?? '' };
}

/** Every record of a list, or the first flaw; a value that is not a list is a flaw at -1. */
export function checkList<S extends v.GenericSchema>(
  schema: S,
  list: unknown,
  max = 1_000_000,
): { ok: true; value: v.InferOutput<S>[] } | { ok: false; flaw: Flaw } {
  if (!Array.isArray(list) || list.length > max) {
    return { ok: false, flaw: { index: -1, field: '' } };
  }
  const out: v.InferOutput<S>[] = [];
  for (let index = 0; index < list.length; index++) {
    const one = check(schema, list[index]);
    if (!one.ok) return { ok: false, flaw: { index, field: one.field } };
    out.push(one.value);
  }
  return { ok: true, value: out };
}
