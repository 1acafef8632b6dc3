// The three-way merge of one state file: this device's records, the server's, and the hash
// both last agreed on (the base). A side whose record still matches the base has not changed,
// so the other side's version wins; when both changed a note, both versions are kept on the
// record for the user to choose from. The device that finds a conflict writes the merged
// record, and the other device, unchanged since, simply takes it: both converge.
import type { OtherVersion, Photo } from '../model/types';
import { hashRecord, recordIn, tableOf, type SyncRecord } from './state';

const DELETED = 'deleted';

export interface MergeInput {
  /** This device's records (shareable form), by key. */
  local: Map<string, SyncRecord>;
  /** The hash each key had when this device and the server last agreed. */
  base: Map<string, string>;
  remote: { records: Record<string, SyncRecord>; tombstones: Record<string, number> };
  now: number;
}

export interface MergeOutcome {
  /** The server's new content; `changed` says whether it must be written. */
  records: Record<string, SyncRecord>;
  tombstones: Record<string, number>;
  changed: boolean;
  /** What this device must write or delete to match. */
  put: Map<string, SyncRecord>;
  remove: string[];
  /** The new base of each key whose base changed; null removes it. */
  base: Map<string, string | null>;
  /** Keys where both versions were kept. */
  conflicts: string[];
}

const TEXT_TABLES = new Set(['entries', 'opinions', 'freeSections']);

function versionOf(record: SyncRecord): OtherVersion {
  const text = typeof record.text === 'string' ? record.text : '';
  const v: OtherVersion = { text, updatedAt: Number(record.updatedAt) };
  if (typeof record.title === 'string') v.title = record.title;
  return v;
}

const sameWords = (a: OtherVersion, b: OtherVersion) => a.text === b.text && a.title === b.title;

/**
 * Both sides changed a photo: this device's version stands (caption, talk, crop), with what
 * either side learnt of its slide. Only a hash is kept of the base, so a field one side lacks
 * cannot be told from one it removed; these fields are only ever added, but for a stack,
 * which only "Unstack" removes, and it marks the photo. So: the text read of the image kept
 * (a re-read after a re-crop beats the older words), the hash of that same image, "Unstack"
 * over any stack, a stack over none, and "Keep this one" from either side (a stack with two
 * kept shots shows the first, read/stacks.ts faceOf).
 */
function resolvePhoto(local: Photo, remote: Photo): Photo {
  const out: Photo = { ...local };
  const current = (p: Photo) => p.text !== undefined && p.text.of === local.imageTag;
  if (!current(local) && current(remote)) out.text = remote.text;
  const sameImage = remote.imageTag === local.imageTag;
  if (out.hash === undefined && remote.hash !== undefined && sameImage) out.hash = remote.hash;
  if (local.unstacked || remote.unstacked) {
    out.unstacked = true;
    delete out.stack;
    delete out.kept;
    return out;
  }
  out.stack ??= remote.stack;
  if (remote.kept && out.stack !== undefined) out.kept = true;
  return out;
}

/**
 * Both sides changed the same record. Notes keep both: the server's version stays in place
 * (it was synced first) and this device's joins its other versions. A photo is this device's
 * with what the other learnt of its slide (resolvePhoto). Anything else (a star, a talk)
 * takes this device's version, the change its user just made.
 */
export function resolve(key: string, local: SyncRecord, remote: SyncRecord): SyncRecord {
  const photo = recordIn('photos', key, local);
  if (photo) return resolvePhoto(photo, recordIn('photos', key, remote)!);
  if (!TEXT_TABLES.has(tableOf(key))) return local;
  const mine = versionOf(local);
  const theirs = versionOf(remote);
  const others = [
    ...((remote.otherVersions as OtherVersion[] | undefined) ?? []),
    ...((local.otherVersions as OtherVersion[] | undefined) ?? []),
    mine,
  ];
  const kept: OtherVersion[] = [];
  for (const v of others) {
    if (!sameWords(v, theirs) && !kept.some((k) => sameWords(k, v))) kept.push(v);
  }
  const merged: SyncRecord = { ...remote };
  if (kept.length) merged.otherVersions = kept;
  else delete merged.otherVersions;
  // Same words on both sides: no conflict, keep the later edit time.
  if (!kept.length) merged.updatedAt = Math.max(mine.updatedAt, theirs.updatedAt) || undefined;
  return merged;
}

export function merge({ local, base, remote, now }: MergeInput): MergeOutcome {
  const records = { ...remote.records };
  const tombstones = { ...remote.tombstones };
  const out: MergeOutcome = {
    records,
    tombstones,
    changed: false,
    put: new Map(),
    remove: [],
    base: new Map(),
    conflicts: [],
  };
  const keys = new Set([
    ...local.keys(),
    ...base.keys(),
    ...Object.keys(remote.records),
    ...Object.keys(remote.tombstones),
  ]);
  const hashes = new Map<SyncRecord, string>();
  const hash = (r: SyncRecord) => hashes.get(r) ?? hashes.set(r, hashRecord(r)).get(r)!;

  const pushLocal = (key: string, record: SyncRecord | undefined) => {
    out.changed = true;
    if (record) {
      records[key] = record;
      delete tombstones[key];
      out.base.set(key, hash(record));
    } else {
      delete records[key];
      tombstones[key] = now;
      out.base.set(key, null);
    }
  };
  const takeRemote = (key: string, record: SyncRecord | undefined, hadLocal: boolean) => {
    if (record) {
      out.put.set(key, record);
      out.base.set(key, hash(record));
    } else {
      if (hadLocal) out.remove.push(key);
      out.base.set(key, null);
    }
  };

  for (const key of keys) {
    const l = local.get(key);
    const r = records[key];
    const b = base.get(key);
    // A record missing locally is a local deletion only if the two sides had agreed on it. A
    // record missing on the server without a tombstone was lost there, not deleted: it counts
    // as unchanged, so this device's copy goes back rather than being wiped.
    const lv = l ? hash(l) : b !== undefined ? DELETED : undefined;
    const rv = r ? hash(r) : key in tombstones ? DELETED : b;
    if (l && !r && !(key in tombstones)) pushLocal(key, l);
    else if (lv === rv) {
      // Both sides agree: the base moves only where it says otherwise (a base per record
      // rewritten at every sync grew the sync's storage work with the notebook).
      const agreed = lv === undefined || lv === DELETED ? null : lv;
      if (agreed !== (b ?? null)) out.base.set(key, agreed);
    } else if (lv === b) takeRemote(key, r, !!l);
    else if (rv === b) pushLocal(key, l);
    else if (l && r) {
      const merged = resolve(key, l, r);
      if (merged.otherVersions) out.conflicts.push(key);
      if (hash(merged) !== rv) pushLocal(key, merged);
      else out.base.set(key, rv);
      if (hash(merged) !== lv) out.put.set(key, merged);
    } else if (r)
      takeRemote(key, r, false); // deleted here, edited there: the edit wins
    else pushLocal(key, l); // edited here, deleted there: the edit wins
  }
  return out;
}
