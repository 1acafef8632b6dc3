// The sync outbox, kept by a Dexie middleware below every write: each change to a synced table
// also writes an outbox row in the same IndexedDB transaction, so no code path can change a
// note without the change waiting for sync, and a crash can never keep one without the other.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { SYNCED_TABLES } from '../model/tables';
import type { OutboxRow } from './types';

export { SYNCED_TABLES };
const synced = new Set<string>(SYNCED_TABLES);

// Transactions that apply what came from the server: their writes are not local changes.
const quiet = new WeakSet<object>();

/** Marks an IndexedDB transaction whose writes must not enter the outbox. */
export function quietTransaction(idbtrans: object): void {
  quiet.add(idbtrans);
}

type Row = Record<string, unknown>;

/** The outbox row saying that `record` of `table` changed at `at`, with a new revision. */
export function outboxRow(table: string, of: object, keyPath: string, at = Date.now()): OutboxRow {
  const record = of as Row;
  return {
    id: `${table}/${String(record[keyPath])}`,
    conferenceId: String(table === 'conferences' ? record.id : record.conferenceId),
    rev: `${at.toString(36)}${Math.random().toString(36).slice(2)}`,
    at,
  };
}

/** The records a delete removes, read before it since it loses them. */
function deleted(
  table: DBCoreTable,
  req: Exclude<DBCoreMutateRequest, { type: 'add' | 'put' }>,
): Promise<Row[]> {
  if (req.type === 'delete') {
    return table
      .getMany({ trans: req.trans, keys: req.keys })
      .then((rows: Row[]) => rows.filter(Boolean));
  }
  return table
    .query({
      trans: req.trans,
      values: true,
      query: { index: table.schema.primaryKey, range: req.range },
    })
    .then((found) => found.result as Row[]);
}

export const outboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'outbox',
  create: (down) => ({
    ...down,
    transaction(stores, mode, options) {
      const widen = mode === 'readwrite' && stores.some((s) => synced.has(s));
      return down.transaction(widen ? [...new Set([...stores, 'outbox'])] : stores, mode, options);
    },
    table(name) {
      const table = down.table(name);
      if (!synced.has(name)) return table;
      const keyPath = table.schema.primaryKey.keyPath as string;
      return {
        ...table,
        async mutate(req) {
          if (quiet.has(req.trans)) return table.mutate(req);
          if (req.type === 'add' || req.type === 'put') {
            // The records are the values written, so their outbox rows go in the same round
            // trip, not one later (one less before a shot's "saved"). Written even if the
            // write fails: a row too many only makes the next sync send the record as it is.
            const at = Date.now();
            const rows = (req.values as Row[]).map((r) => outboxRow(name, r, keyPath, at));
            const writing = table.mutate(req);
            if (!rows.length) return writing;
            const outbox = { type: 'put' as const, trans: req.trans, values: rows };
            const [result] = await Promise.all([writing, down.table('outbox').mutate(outbox)]);
            return result;
          }
          // Both start at once, before any await: Dexie's hooks layer below finds its
          // transaction in a zone an await would leave, and IndexedDB runs requests in the
          // order they were made, so the read still sees the records the delete removes.
          const reading = deleted(table, req);
          const writing = table.mutate(req);
          const [records, result] = await Promise.all([reading, writing]);
          const at = Date.now();
          const rows = records.map((r) => outboxRow(name, r, keyPath, at));
          if (rows.length) {
            await down.table('outbox').mutate({ type: 'put', trans: req.trans, values: rows });
          }
          return result;
        },
      };
    },
  }),
};
