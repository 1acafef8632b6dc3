// A readwrite transaction on the browser's IndexedDB directly, for the one write a person waits
// on: a shot, before "Saved". Through Dexie's layers (its promise zones, middleware and
// live-query bookkeeping) that transaction took a median 56 ms from its start to its commit
// with the CPU slowed 4x, and 36 ms made here (Chromium traces of the tap bench).
//
// What Dexie would do on the way is done here by hand: each put to a synced table writes its
// outbox row in the same transaction (as outboxMiddleware does), and once the transaction has
// committed, the live queries of this tab and of the others are told what changed, on the
// channel Dexie uses between tabs. To Dexie the write looks like one made in another tab, a
// case it must handle anyway: its cache drops what the change touches, and its queries run
// again.
import { RangeSet, type DBCoreTableSchema, type IndexableType, type ObservabilitySet } from 'dexie';
import { outboxRow, SYNCED_TABLES } from './outbox';
import type { ConfnotesDb } from './db';

const synced = new Set<string>(SYNCED_TABLES);

// Dexie's cross-tab channel: its name carries a protocol version, so that tabs running two
// Dexie versions still understand each other. Each Dexie listens on it in its own tab too.
const DEXIE_CHANNEL = 'x-storagemutated-1';

/** The result of a request, or its error. */
function requested<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new DOMException('Request failed', 'UnknownError'));
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
}

/** Tells every Dexie live query, in this tab and the others, that `parts` changed. */
function announce(parts: ObservabilitySet): void {
  if (typeof BroadcastChannel === 'undefined') {
    // No channel (Safari before 15.4): Dexie listens for the same name as a DOM event.
    globalThis.dispatchEvent?.(new CustomEvent(DEXIE_CHANNEL, { detail: parts }));
    return;
  }
  const channel = new BroadcastChannel(DEXIE_CHANNEL);
  channel.postMessage(parts);
  channel.close();
}

/** The requests of one native transaction; see `writeNatively`. */
export class NativeWrite {
  readonly #db: ConfnotesDb;
  readonly #tx: IDBTransaction;
  readonly parts: Record<string, RangeSet> = {};

  constructor(db: ConfnotesDb, tx: IDBTransaction) {
    this.#db = db;
    this.#tx = tx;
  }

  get<T>(store: string, key: IDBValidKey): Promise<T | undefined> {
    return requested(this.#tx.objectStore(store).get(key)) as Promise<T | undefined>;
  }

  /** The greatest key of `index` within `range`, without reading its record. */
  async lastKey(
    store: string,
    index: string,
    range: IDBKeyRange,
  ): Promise<IDBValidKey | undefined> {
    const cursor = this.#tx.objectStore(store).index(index).openKeyCursor(range, 'prev');
    return (await requested(cursor))?.key;
  }

  /**
   * Writes `value` (replacing `old`, when it was read, so that the queries that found the
   * old one run again too), with its outbox row when the table is synced.
   */
  async put(store: string, value: object, old?: object): Promise<void> {
    const writes = [requested(this.#tx.objectStore(store).put(value))];
    this.#changed(store, old ? [value, old] : [value]);
    if (synced.has(store)) {
      const row = outboxRow(store, value, this.#keyPath(store));
      writes.push(requested(this.#tx.objectStore('outbox').put(row)));
      this.#changed('outbox', [row]);
    }
    await Promise.all(writes);
  }

  /** Deletes a record of a table that is not synced (a synced one needs its outbox row). */
  async delete(store: string, key: string): Promise<void> {
    if (synced.has(store)) throw new Error(`${store} is synced: delete it through Dexie`);
    this.#part(store, '').addKey(key);
    this.#part(store, ':dels').addKey(key);
    await requested(this.#tx.objectStore(store).delete(key));
  }

  // The schema as Dexie's lowest layer holds it (with each index's key extractor), read from
  // the list rather than through core.table(), which builds every middleware's layer anew.
  #schema(store: string): DBCoreTableSchema {
    const schema = this.#db.core.schema.tables.find((t) => t.name === store);
    if (!schema) throw new Error(`No table ${store}`);
    return schema;
  }

  #keyPath(store: string): string {
    return this.#schema(store).primaryKey.keyPath as string;
  }

  #part(store: string, index: string) {
    const name = `idb://${this.#db.core.schema.name}/${store}/${index}`;
    return (this.parts[name] ??= new RangeSet());
  }

  // The parts Dexie's own put would name: the key (as changed and as possibly deleted, since
  // the old record is not known to it) and every index key of each record.
  #changed(store: string, records: object[]): void {
    const { primaryKey, indexes } = this.#schema(store);
    for (const record of records) {
      const key = primaryKey.extractKey?.(record) as IndexableType | undefined;
      if (key != null) {
        this.#part(store, '').addKey(key);
        this.#part(store, ':dels').addKey(key);
      }
      for (const index of indexes) {
        const value = index.extractKey?.(record) as IndexableType | undefined;
        if (value == null) continue;
        const keys =
          index.multiEntry && Array.isArray(value)
            ? [...(value as Iterable<IndexableType>)]
            : [value];
        for (const k of keys) this.#part(store, index.name ?? '').addKey(k);
      }
    }
  }
}

/**
 * Runs `body` in one readwrite transaction over `stores` (and the outbox when one of them is
 * synced), resolving with its result once committed. An error in `body` aborts the whole
 * transaction; one from IndexedDB (a full disk) rejects with the browser's DOMException.
 * Await only this transaction's requests inside `body`, or it commits early.
 */
export async function writeNatively<T>(
  db: ConfnotesDb,
  stores: string[],
  body: (write: NativeWrite) => Promise<T>,
): Promise<T> {
  if (!db.isOpen()) await db.open();
  const scope = stores.some((s) => synced.has(s)) ? [...new Set([...stores, 'outbox'])] : stores;
  const tx = db.backendDB().transaction(scope, 'readwrite');
  const done = committed(tx);
  const write = new NativeWrite(db, tx);
  let result: T;
  try {
    result = await body(write);
  } catch (err) {
    try {
      tx.abort();
    } catch {
      // Already finished (aborted by the browser for the same error).
    }
    await done.catch(() => undefined);
    throw err;
  }
  await done;
  announce(write.parts);
  return result;
}
