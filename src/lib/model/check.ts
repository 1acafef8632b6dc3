// Checking outside data against the record schemas: which record of which list fails, and on
// which field, so the message can name it. Callers turn a flaw into their own words (an
// archive error, a sync error, a schedule warning); nothing here knows about storage.
import * as v from 'valibot';
import { compileAsIs, type AsIs } from './as-is';
import { Conference, Entry, FreeSection, Opinion, Photo, Star, Talk } from './records';
import { SYNCED_TABLES, TABLES, type SyncedTable } from './tables';

const SCHEMAS = {
  conferences: Conference,
  talks: Talk,
  stars: Star,
  photos: Photo,
  entries: Entry,
  opinions: Opinion,
  freeSections: FreeSection,
} as const satisfies Record<SyncedTable, v.GenericSchema>;

/** Each synced table's schema, key field and state file (tables.ts), in one place. */
export const SYNCED_RECORDS = Object.fromEntries(
  SYNCED_TABLES.map((t) => [t, { ...TABLES[t], schema: SCHEMAS[t] }]),
) as { [T in SyncedTable]: (typeof TABLES)[T] & { schema: (typeof SCHEMAS)[T] } };

export type RecordTable = SyncedTable;

/** What is wrong with one record: its place in the list and the first field that fails. */
export interface Flaw {
  /** 0-based index in the list. */
  index: number;
  /** Dotted path of the field ("speakers.0.name"), or "" when the record is not an object. */
  field: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string };

interface Checker {
  /** Whether the value passes as it is (as-is.ts); absent where the schema is not compiled. */
  asIs: AsIs | undefined;
  /** Valibot's parser: the first issue is enough to name the field. */
  parse: (value: unknown) => v.SafeParseResult<v.GenericSchema>;
}

/** A checker per schema, made once. */
const checkers = new WeakMap<v.GenericSchema, Checker>();

function checkerOf(schema: v.GenericSchema): Checker {
  let checker = checkers.get(schema);
  if (!checker) {
    checker = { asIs: compileAsIs(schema), parse: v.safeParser(schema, { abortEarly: true }) };
    checkers.set(schema, checker);
  }
  return checker;
}

/**
 * Whether the value passes the schema as it is, with no field to drop: then check() would
 * return it unchanged. False says nothing more: check() tells a flaw from a field to drop.
 */
export const passesAsIs = (schema: v.GenericSchema, value: unknown): boolean =>
  checkerOf(schema).asIs?.(value) ?? false;

/**
 * One value against a schema; the value out has unknown keys dropped. A value that passes as
 * it is comes back itself, not a copy: callers must not count on a fresh object.
 */
export function check<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
): Checked<v.InferOutput<S>> {
  const checker = checkerOf(schema);
  if (checker.asIs?.(value)) return { ok: true, value: value as v.InferOutput<S> };
  const result = checker.parse(value) as v.SafeParseResult<S>;
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
