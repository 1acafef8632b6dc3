// PROPFIND listings: the request body, a size-capped read of the answer, and the 207
// Multi-Status parser (on util/xml-tree, no DOM, so the service worker can use it too).
import { readUpTo } from '../util/capped-read';
import { readXml, type XmlElement } from '../util/xml-tree';
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

/** An element's name without its namespace prefix: servers pick their own (D:, d:, lp1:). */
const local = (el: XmlElement) => el.name.slice(el.name.indexOf(':') + 1);

/** The children of `el` named `name`, whatever their prefix. */
const childrenNamed = (el: XmlElement | undefined, name: string) =>
  el ? el.children.filter((c) => local(c) === name) : [];

/** The text of `el`'s first child named `name`; '' when there is none or it holds elements. */
function textOf(el: XmlElement | undefined, name: string): string {
  const child = childrenNamed(el, name)[0];
  return child && child.children.length === 0 ? child.text : '';
}

/**
 * Reads a 207 Multi-Status body into entries, relative to `base`. An entry shaped wrong (no
 * plain href, a path outside `base`, no successful propstat) is skipped, never thrown; a body
 * that is not a multistatus document throws. Read with the app's own one-pass reader: the
 * images folder of a conference lists hundreds of files, and fast-xml-parser, which read them
 * before, held the page for about 100 ms on 600 names while the photos were going up.
 */
export function parseMultistatus(body: string, base: URL): DavEntry[] {
  const root = readXml(body);
  if (local(root) !== 'multistatus') throw new Error('not a multistatus');
  const entries: DavEntry[] = [];
  for (const response of childrenNamed(root, 'response')) {
    // An entry without a plain-text href names nothing we could use.
    const href = textOf(response, 'href');
    if (!href) continue;
    const path = pathBelow(href, base);
    if (path === undefined) continue;
    const ok = childrenNamed(response, 'propstat').find((p) =>
      /\s2\d\d\s/.test(textOf(p, 'status')),
    );
    const prop = childrenNamed(ok, 'prop')[0];
    const type = childrenNamed(prop, 'resourcetype')[0];
    const folder = childrenNamed(type, 'collection').length > 0;
    const etag = textOf(prop, 'getetag') || undefined;
    const name = path.replace(/\/$/, '').split('/').pop() ?? '';
    const size = Number(textOf(prop, 'getcontentlength') || 0);
    entries.push({ path, name, folder, etag, size: Number.isFinite(size) ? size : 0 });
  }
  return entries;
}

/** Reads a body up to `max` bytes; undefined when it is larger. */
export async function textUpTo(res: Response, max: number): Promise<string | undefined> {
  const bytes = await readUpTo(res, max);
  return bytes && new TextDecoder().decode(bytes);
}
