// A small WebDAV client for the sync: PROPFIND listings, GET, conditional PUT and MKCOL,
// with every failure turned into one plain-language reason. It uses fetch and util/xml-tree
// only (no DOM), so the service worker can run it for Background Sync too. Path confinement
// is in dav-paths.ts, the listing parser in dav-listing.ts.
import { DavError, type DavErrorCode } from './dav-error';
import {
  MAX_LISTING_BYTES,
  PROPFIND_BODY,
  PROPFIND_NAMES_BODY,
  parseMultistatus,
  textUpTo,
} from './dav-listing';
import type { DavEntry } from './dav-listing';
import { accountUrl, PathsBelow, urlBelow } from './dav-paths';
import { SYNC_WORDS as W, type SyncValues, type SyncWords } from './words';

export { DavError, passing, type DavErrorCode } from './dav-error';
export { MAX_LISTING_BYTES, parseMultistatus, type DavEntry } from './dav-listing';
export { accountUrl } from './dav-paths';

export interface DavAccount {
  url: string;
  username: string;
  password: string;
}

export interface DavOptions {
  fetch?: typeof fetch;
  online?: () => boolean;
  /** This app's origin, named in the CORS advice. */
  origin?: string;
}

export class DavClient {
  readonly base: URL;
  private readonly auth: string;
  private readonly doFetch: typeof fetch;
  private readonly online: () => boolean;
  private readonly origin: string;
  private readonly paths: PathsBelow;

  constructor(account: DavAccount, options: DavOptions = {}) {
    this.base = accountUrl(account.url);
    this.paths = new PathsBelow(this.base);
    // btoa takes Latin-1 only: encode the UTF-8 bytes so any password works.
    const pair = new TextEncoder().encode(`${account.username}:${account.password}`);
    this.auth = `Basic ${btoa(String.fromCharCode(...pair))}`;
    this.doFetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.online = options.online ?? (() => true);
    this.origin = options.origin ?? 'this app’s address';
  }

  /** The URL of a path below the account URL, never outside it (see urlBelow). */
  url(path: string): URL {
    return urlBelow(this.base, path);
  }

  private async request(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: BodyInit; signal?: AbortSignal } = {},
  ): Promise<Response> {
    const url = this.paths.href(path);
    let res: Response;
    try {
      res = await this.doFetch(url, {
        method,
        body: init.body,
        signal: init.signal,
        headers: { Authorization: this.auth, ...init.headers },
        credentials: 'omit',
        cache: 'no-store',
        // Following a redirect would send the notes and photos (and the Authorization header,
        // to the same origin) wherever the answer points. Refused, not followed even inside the
        // folder: in the browser a redirect comes back opaque, its target unreadable.
        redirect: 'manual',
      });
    } catch (err) {
      if (init.signal?.aborted) throw err;
      throw await this.networkFailure(url);
    }
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
      await res.body?.cancel();
      throw new DavError('redirect', W.redirect, { host: this.base.host }, res.status);
    }
    return res;
  }

  private async networkFailure(url: string): Promise<DavError> {
    if (!this.online()) return new DavError('offline', W.offline);
    // A CORS refusal and an unreachable host look alike to fetch(); an opaque no-cors
    // request (no credentials, nothing read) succeeds whenever the server answers at all.
    try {
      await this.doFetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
    } catch {
      return new DavError('unreachable', W.unreachable, { host: this.base.host });
    }
    return new DavError('cors', W.cors, { host: this.base.host, origin: this.origin });
  }

  /** The plain-words error for an HTTP status that is not a success. */
  failure(res: Response, path: string): DavError {
    const status = res.status;
    const at = { path: this.url(path).pathname, host: this.base.host, status };
    const error = (code: DavErrorCode, words: SyncWords) => new DavError(code, words, at, status);
    if (status === 401) return error('auth', W.auth);
    if (status === 403) return error('forbidden', W.forbidden);
    if (status === 404 || status === 409) return error('not-found', W.notFound);
    if (status === 412) return error('precondition', W.precondition);
    if (status === 507) return error('full', W.full);
    if (status === 405 || status === 501) return error('not-webdav', W.notWebdav);
    if (status >= 500) return error('server', W.server);
    return error('http', W.http);
  }

  /**
   * PROPFIND; a missing folder gives null. `names` asks for names and kinds alone: the
   * entries then have no ETag and a size of 0.
   */
  async list(path = '', depth: 0 | 1 = 1, { names = false } = {}): Promise<DavEntry[] | null> {
    const res = await this.request('PROPFIND', path, {
      headers: { Depth: String(depth), 'Content-Type': 'application/xml; charset=utf-8' },
      body: names ? PROPFIND_NAMES_BODY : PROPFIND_BODY,
    });
    if (res.status === 404) return null;
    const notWebdav = () => new DavError('not-webdav', W.notWebdav, { host: this.base.host });
    if (res.status !== 207) throw res.ok ? notWebdav() : this.failure(res, path);
    const body = await textUpTo(res, MAX_LISTING_BYTES);
    if (body === undefined) {
      const at = { path: this.url(path).pathname, host: this.base.host };
      throw new DavError('listing', W.listingTooLarge, { ...at, mb: MAX_LISTING_BYTES >> 20 });
    }
    try {
      return parseMultistatus(body, this.base);
    } catch {
      throw notWebdav();
    }
  }

  private preconditions?: Promise<void>;

  /**
   * Refuses a server that ignores If-Match on PUT: the three-way merge relies on it, and
   * without it two devices syncing at once overwrite each other's notes. Asked once per
   * client, with a PUT inside `folder` that a server keeping to HTTP answers with 412.
   */
  checkPreconditions(folder: string): Promise<void> {
    this.preconditions ??= (async () => {
      const path = `${folder}.confnotes-probe`;
      const res = await this.request('PUT', path, {
        headers: { 'If-Match': '"confnotes-never-an-etag"', 'Content-Type': 'text/plain' },
        body: '',
      });
      if (res.status === 412) return;
      if (!res.ok) throw this.failure(res, path);
      // It wrote the file regardless: take it away again, then say why sync stops.
      await this.remove(path).catch(() => undefined);
      throw new DavError('unsafe', W.unsafe, { host: this.base.host }, res.status);
    })();
    return this.preconditions;
  }

  /** GET; a missing file gives null. */
  async get(path: string, signal?: AbortSignal): Promise<{ res: Response; etag?: string } | null> {
    const res = await this.request('GET', path, { signal });
    if (res.status === 404) return null;
    if (!res.ok) throw this.failure(res, path);
    return { res, etag: res.headers.get('etag') ?? undefined };
  }

  /**
   * A file's bytes from offset `from` to its end, with its ETag (`Range: bytes=<from>-`, which
   * needs no CORS allowance), or all of them (`whole`) from a server that ignores ranges. Null
   * when the file is gone or holds fewer than `from` bytes.
   */
  async getFrom(
    path: string,
    from: number,
  ): Promise<{ bytes: Uint8Array; whole: boolean; etag?: string } | null> {
    const headers = { Range: `bytes=${from}-` };
    const res = await this.request('GET', path, { headers });
    if (res.status === 404 || res.status === 416) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) throw this.failure(res, path);
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { bytes, whole: res.status !== 206, etag: res.headers.get('etag') ?? undefined };
  }

  /**
   * PUT with the preconditions that make concurrent writes safe: `ifMatch` replaces only the
   * version read, `ifNoneMatch: '*'` only creates. A failed precondition throws 'precondition'.
   */
  async put(
    path: string,
    body: Blob | string,
    options: { type?: string; ifMatch?: string; ifNoneMatch?: '*'; signal?: AbortSignal } = {},
  ): Promise<{ etag?: string }> {
    const headers: Record<string, string> = {
      'Content-Type': options.type ?? 'application/octet-stream',
    };
    if (options.ifMatch) headers['If-Match'] = options.ifMatch;
    if (options.ifNoneMatch) headers['If-None-Match'] = options.ifNoneMatch;
    const res = await this.request('PUT', path, { headers, body, signal: options.signal });
    if (!res.ok) throw this.failure(res, path);
    return { etag: res.headers.get('etag') ?? undefined };
  }

  /** Deletes a file; one already gone is fine. */
  async remove(path: string): Promise<void> {
    const res = await this.request('DELETE', path);
    if (res.ok || res.status === 404) return;
    throw this.failure(res, path);
  }

  /** Creates a folder; one that already exists is fine. */
  async mkcol(path: string): Promise<void> {
    const res = await this.request('MKCOL', path.endsWith('/') ? path : `${path}/`);
    if (res.ok || res.status === 405) return;
    throw this.failure(res, path);
  }
}

/** "Test connection": the account folder read once, with a verdict for the user. */
export async function testConnection(
  account: DavAccount,
  options: DavOptions = {},
): Promise<{ words: SyncWords; values: SyncValues }> {
  const client = new DavClient(account, options);
  const entries = await client.list('', 1);
  const { host, pathname: path } = client.base;
  if (entries === null)
    throw new DavError('not-found', W.accountFolderMissing, { path, host }, 404);
  const n = entries.filter((e) => e.folder && e.path !== '').length;
  return { words: n === 1 ? W.connectedOne : W.connected, values: { host, n } };
}
