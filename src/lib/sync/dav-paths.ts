// Path confinement: the account URL checked, every request's URL kept inside the account
// folder, and the paths a listing names read back only when they are plain paths inside it.
import { DavError } from './dav-error';
import { SYNC_WORDS as W } from './words';

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

const refusal = (base: URL, path: string) => () =>
  new DavError('outside', W.outside, { path: path.slice(0, 120), host: base.host });

/** One segment of a path, encoded; one no request may carry throws `refuse()`. */
function encodedSegment(segment: string, refuse: () => DavError): string {
  if (refusedSegment(segment)) throw refuse();
  try {
    return encodeURIComponent(segment);
  } catch {
    throw refuse(); // a lone surrogate cannot be encoded
  }
}

/**
 * The URL of a path below `base`, each segment encoded. Whatever the caller passes, the URL
 * stays inside the account folder: a path with an empty, dot or encoded-dot segment, a
 * backslash or a control character is refused with a SyncError.
 */
export function urlBelow(base: URL, path: string): URL {
  const refuse = refusal(base, path);
  if (path === '') return new URL(base);
  const segments = path.split('/');
  const encoded: string[] = [];
  for (const [i, segment] of segments.entries()) {
    // Only the last segment may be empty: the trailing slash of a folder.
    if (segment === '' && i === segments.length - 1 && i > 0) {
      encoded.push('');
      continue;
    }
    encoded.push(encodedSegment(segment, refuse));
  }
  const url = new URL(encoded.join('/'), base);
  // The checks above should make this impossible; it is the last word, not the only one.
  if (
    url.origin !== base.origin ||
    !url.pathname.startsWith(base.pathname) ||
    url.pathname === base.pathname ||
    url.search ||
    url.hash
  ) {
    throw refuse();
  }
  return url;
}

/**
 * The addresses of paths below `base`, the same as urlBelow's: each folder's URL made and
 * checked once, then a file's name in it checked and encoded alone. A sync sends hundreds of
 * images into one folder, and a whole URL parsed and checked for each took the page's time.
 */
export class PathsBelow {
  readonly #folders = new Map<string, string>();

  constructor(private readonly base: URL) {}

  href(path: string): string {
    const slash = path.lastIndexOf('/');
    // A folder, or a name at the top: made whole.
    if (slash <= 0 || slash === path.length - 1) return urlBelow(this.base, path).href;
    const folder = path.slice(0, slash + 1);
    let href = this.#folders.get(folder);
    if (href === undefined) {
      href = urlBelow(this.base, folder).href;
      this.#folders.set(folder, href);
    }
    return href + encodedSegment(path.slice(slash + 1), refusal(this.base, path));
  }
}

/**
 * The path below `base` that `href` names, decoded; undefined when it is not a plain path
 * inside `base` (undecodable, on another host, a dot segment, an encoded slash): such an
 * entry is not one Confnotes wrote, and is skipped rather than failing the whole listing.
 */
export function pathBelow(href: string, base: URL): string | undefined {
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
