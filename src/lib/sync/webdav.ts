// A small WebDAV client for the sync: PROPFIND listings, GET, conditional PUT and MKCOL,
// with every failure turned into one plain-language reason. It uses fetch and fast-xml-parser
// only (no DOM), so the service worker can run it for Background Sync too.
import { XMLParser } from 'fast-xml-parser';
import { SYNC_WORDS as W, SyncError, type SyncValues, type SyncWords } from './words';

export interface DavAccount {
  url: string;
  username: string;
  password: string;
}

export type DavErrorCode =
  | 'bad-url'
  | 'insecure'
  | 'offline'
  | 'unreachable'
  | 'cors'
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'not-webdav'
  | 'precondition'
  | 'full'
  | 'server'
  | 'http'
  | 'outside'
  | 'redirect'
  | 'listing'
  | 'unsafe';

export class DavError extends SyncError {
  override readonly name = 'DavError';
  constructor(
    readonly code: DavErrorCode,
    words: SyncWords,
    values: SyncValues = {},
    readonly status = 0,
  ) {
    super(words, values);
  }
}

/** Failures that may pass by themselves (network, server trouble): worth a Background Sync. */
export function passing(err: DavError): boolean {
  return err.code === 'offline' || err.code === 'unreachable' || err.code === 'server';
}

export interface DavEntry {
  /** Path below the account URL, decoded, folders ending in "/". */
  path: string;
  name: string;
  folder: boolean;
  etag?: string;
  size: number;
}

export interface DavOptions {
  fetch?: typeof fetch;
  online?: () => boolean;
  /** This app's origin, named in the CORS advice. */
  origin?: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The account URL checked, ending in "/"; throws DavError in plain words. */
export function accountUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DavError('bad-url', W.badUrl);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DavError('bad-url', W.badScheme);
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    throw new DavError('insecure', W.insecure, { host: url.host });
  }
  if (url.username || url.password) {
    throw new DavError('bad-url', W.credentialsInUrl);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop>' +
  '<d:resourcetype/><d:getetag/><d:getcontentlength/></d:prop></d:propfind>';

/** A listing larger than this is refused: a folder of Confnotes holds far less. */
export const MAX_LISTING_BYTES = 16 * 1024 * 1024;

const xml = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  isArray: (name) => name === 'response' || name === 'propstat',
});

type Node = Record<string, unknown>;

const str = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : '';

/**
 * The path below `base` that `href` names, decoded; undefined when it is not a plain path
 * inside `base` (undecodable, on another host, a dot segment, an encoded slash): such an
 * entry is not one Confnotes wrote, and is skipped rather than failing the whole listing.
 */
function pathBelow(href: string, base: URL): string | undefined {
  let abs: URL;
  try {
    abs = new URL(href, base);
  } catch {
    return undefined;
  }
  if (abs.origin !== base.origin || !abs.pathname.startsWith(base.pathname)) return undefined;
  const rest = abs.pathname.slice(base.pathname.length);
  if (rest === '') return '';
  const segments = rest.split('/');
  const decoded: string[] = [];
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    if (last && name === '') break;
    if (refusedSegment(name)) return undefined;
    decoded.push(name);
  }
  return decoded.join('/') + (rest.endsWith('/') ? '/' : '');
}

/** Reads a 207 Multi-Status body into entries, relative to `base`. */
export function parseMultistatus(body: string, base: URL): DavEntry[] {
  const doc = xml.parse(body) as Node;
  const status = doc.multistatus as Node | undefined;
  if (!status || typeof status !== 'object') throw new Error('not a multistatus');
  const entries: DavEntry[] = [];
  const responses = status.response;
  for (const response of Array.isArray(responses) ? (responses as Node[]) : []) {
    // An entry without a plain-text href names nothing we could use.
    if (!response || typeof response !== 'object' || !str(response.href)) continue;
    const path = pathBelow(str(response.href), base);
    if (path === undefined) continue;
    const propstats = Array.isArray(response.propstat) ? (response.propstat as Node[]) : [];
    const ok = propstats.find((p) => p && /\s2\d\d\s/.test(str(p.status)));
    const prop = (ok?.prop && typeof ok.prop === 'object' ? ok.prop : {}) as Node;
    const type = prop.resourcetype;
    const folder = !!type && typeof type === 'object' && 'collection' in (type as Node);
    const etag = str(prop.getetag) || undefined;
    const name = path.replace(/\/$/, '').split('/').pop() ?? '';
    const size = Number(str(prop.getcontentlength) || 0);
    entries.push({ path, name, folder, etag, size: Number.isFinite(size) ? size : 0 });
  }
  return entries;
}

/**
 * A segment no request may carry: empty, dots only (`.`, `..`, and what a server trimming
 * dots and spaces turns into them), a slash or backslash, or a control character. Checked
 * also once and twice percent-decoded, so `%2e%2e` and `%252e%252e` are refused too.
 */
function refusedSegment(segment: string): boolean {
  let s = segment;
  for (let round = 0; round < 3; round++) {
    // eslint-disable-next-line no-control-regex
    if (/^[.\s]*$/.test(s) || /[/\\\u0000-\u001f\u007f]/.test(s)) return true;
    let next: string;
    try {
      next = decodeURIComponent(s);
    } catch {
      return false;
    }
    if (next === s) return false;
    s = next;
  }
  return true;
}

/** Reads a body up to `max` bytes; undefined when it is larger. */
async function textUpTo(res: Response, max: number): Promise<string | undefined> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > max) {
    await res.body?.cancel();
    return undefined;
  }
  if (!res.body) return await res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

export class DavClient {
  readonly base: URL;
  private readonly auth: string;
  private readonly doFetch: typeof fetch;
  private readonly online: () => boolean;
  private readonly origin: string;

  constructor(account: DavAccount, options: DavOptions = {}) {
    this.base = accountUrl(account.url);
    // btoa takes Latin-1 only: encode the UTF-8 bytes so any password works.
    const pair = new TextEncoder().encode(`${account.username}:${account.password}`);
    this.auth = `Basic ${btoa(String.fromCharCode(...pair))}`;
    this.doFetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.online = options.online ?? (() => true);
    this.origin = options.origin ?? 'this app’s address';
  }

  /**
   * The URL of a path below the account URL, each segment encoded. Whatever the caller
   * passes, the URL stays inside the account folder: a path with an empty, dot or encoded-dot
   * segment, a backslash or a control character is refused with a SyncError.
   */
  url(path: string): URL {
    const refuse = () =>
      new DavError('outside', W.outside, { path: path.slice(0, 120), host: this.base.host });
    if (path === '') return new URL(this.base);
    const segments = path.split('/');
    const encoded: string[] = [];
    for (const [i, segment] of segments.entries()) {
      // Only the last segment may be empty: the trailing slash of a folder.
      if (segment === '' && i === segments.length - 1 && i > 0) {
        encoded.push('');
        continue;
      }
      if (refusedSegment(segment)) throw refuse();
      try {
        encoded.push(encodeURIComponent(segment));
      } catch {
        throw refuse(); // a lone surrogate cannot be encoded
      }
    }
    const url = new URL(encoded.join('/'), this.base);
    // The checks above should make this impossible; it is the last word, not the only one.
    if (
      url.origin !== this.base.origin ||
      !url.pathname.startsWith(this.base.pathname) ||
      url.pathname === this.base.pathname ||
      url.search ||
      url.hash
    ) {
      throw refuse();
    }
    return url;
  }

  private async request(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: BodyInit; signal?: AbortSignal } = {},
  ): Promise<Response> {
    const url = this.url(path);
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

  private async networkFailure(url: URL): Promise<DavError> {
    if (!this.online()) return new DavError('offline', W.offline);
    // A CORS refusal and an unreachable host look alike to fetch(); an opaque no-cors
    // request (no credentials, nothing read) succeeds whenever the server answers at all.
    try {
      await this.doFetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
    } catch {
      return new DavError('unreachable', W.unreachable, { host: url.host });
    }
    return new DavError('cors', W.cors, { host: url.host, origin: this.origin });
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

  /** PROPFIND; a missing folder gives null. */
  async list(path = '', depth: 0 | 1 = 1): Promise<DavEntry[] | null> {
    const res = await this.request('PROPFIND', path, {
      headers: { Depth: String(depth), 'Content-Type': 'application/xml; charset=utf-8' },
      body: PROPFIND_BODY,
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
