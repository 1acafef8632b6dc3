// Which folders of the account are whose: this device's conferences get their folder (a new
// one named after the title if they have none), Confnotes folders this device has not met are
// adopted, and other apps' folders are remembered so they are not looked into at every sync.
import { uniqueSlug } from '../export/slug';
import type { Conference } from '../model/types';
import type { SyncRun } from './run';
import { STATE_DIR, canonical, parseState, stateFile } from './state';
import type { ForeignFolder, SyncMeta } from './store';
import { DavError } from './webdav';
import { SYNC_WORDS as W } from './words';

/**
 * How long another app's folder is taken to stay so. Its ETag changing ends this sooner, but
 * not every server changes a folder's ETag when something is added inside it.
 */
const FOREIGN_FOR_MS = 6 * 3600_000;

/** A folder of the account that holds no Confnotes state. */
const FOREIGN = Symbol('foreign');

export interface Folders {
  /** This device's conferences that sync. */
  local: Conference[];
  /** Names of the folders the account holds now. */
  remote: Set<string>;
  /** Every conference to sync, here or only there, with its folder; by conference id. */
  metas: Map<string, SyncMeta>;
}

/** What this device holds before the account is listed: its sync records and conferences. */
export interface Held {
  metas: SyncMeta[];
  local: Conference[];
}

/** Lists the account folder and pairs conferences with folders. */
export async function discoverFolders(run: SyncRun, held: Held): Promise<Folders> {
  const { client, store } = run;
  const top = await client.list('', 1);
  if (top === null) {
    const { host, pathname: path } = client.base;
    throw new DavError('not-found', W.accountFolderMissing, { path, host }, 404);
  }
  const folders = top.filter((e) => e.folder && e.path);
  const remote = new Set(folders.map((e) => e.name));
  const metas = new Map(held.metas.map((m) => [m.conferenceId, m]));
  const { local } = held;
  const known = new Set([...metas.values()].map((m) => m.folder));

  // Folders this device has not met: another device's conferences, or this device's own
  // after its sync records were lost. Adopted only if they hold Confnotes state. Other
  // apps' folders are looked into again only when their ETag changes, or hours later.
  const account = client.base.href;
  const wasForeign = await store.foreignFolders(account);
  const foreign: Record<string, ForeignFolder> = {};
  for (const { name: folder, etag: listed } of folders) {
    if (known.has(folder)) continue;
    // Compared weakly: Apache marks an ETag weak (W/) for a second after a change.
    const etag = listed?.replace(/^W\//, '');
    const seen = wasForeign[folder];
    if (seen && seen.etag === etag && run.now() - seen.at < FOREIGN_FOR_MS) {
      foreign[folder] = seen;
      continue;
    }
    const found = await readFolderIdentity(run, folder);
    if (found === FOREIGN) {
      foreign[folder] = etag === undefined ? { at: run.now() } : { etag, at: run.now() };
      continue;
    }
    if (!found || metas.has(found)) continue;
    metas.set(found, { conferenceId: found, folder, etags: {}, files: {} });
    known.add(folder);
  }
  if (canonical(foreign) !== canonical(wasForeign)) {
    await store.saveForeignFolders(account, foreign);
  }
  const taken = new Set([...remote, ...known]);
  for (const conference of local) {
    if (!metas.has(conference.id)) {
      const folder = uniqueSlug(conference.title, taken);
      metas.set(conference.id, { conferenceId: conference.id, folder, etags: {}, files: {} });
    }
  }
  return { local, remote, metas };
}

/**
 * The conference id a folder's state names; FOREIGN when it has no state folder at all;
 * undefined when the state is not complete or readable yet.
 */
async function readFolderIdentity(
  { client }: SyncRun,
  folder: string,
): Promise<string | typeof FOREIGN | undefined> {
  // A listing first: another app's folder costs one PROPFIND, never a download.
  const state = await client.list(`${folder}/${STATE_DIR}/`, 1);
  if (state === null) return FOREIGN;
  if (!state.some((e) => e.name === 'schedule.json')) return undefined;
  const got = await client.get(`${folder}/${stateFile('schedule')}`);
  if (!got) return undefined;
  try {
    return parseState(await got.res.text(), 'schedule').conferenceId;
  } catch {
    return undefined;
  }
}
