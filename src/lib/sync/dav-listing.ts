// PROPFIND listings: the request body, a size-capped read of the answer, and the 207
// Multi-Status parser (fast-xml-parser, no DOM, so the service worker can use it too).
import { readUpTo } from '../util/capped-read';
import { XMLParser } from 'fast-xml-parser';
import { pathBelow } from './dav-paths';

export interface DavEntry {
  /** Path below the account URL, decoded, folders ending in "/". */
  path: string;
  name: string;
  folder: boolean;
  etag?: string;
  size: number;
}

export const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop>' +
  '<d:resourcetype/><d:getetag/><d:getcontentlength/></d:prop></d:propfind>';

/**
 * A listing of names alone, for a folder of images: a server may read every file to answer
 * `getetag` (Apache with `FileETag Digest` hashes each one: 0.7 s for 600 photos here).
 */
export const PROPFIND_NAMES_BODY =
  '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop>' +
  '<d:resourcetype/></d:prop></d:propfind>';

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

/** Reads a body up to `max` bytes; undefined when it is larger. */
export async function textUpTo(res: Response, max: number): Promise<string | undefined> {
  const bytes = await readUpTo(res, max);
  return bytes && new TextDecoder().decode(bytes);
}
