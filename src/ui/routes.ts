// Hash routes: they work from any static host and from the service worker's single cached
// index.html, with no server rewrites. Plain functions, so Node tests reach them.
export type Route =
  | { name: 'home' }
  | { name: 'import' }
  | { name: 'settings' }
  | { name: 'conference'; id: string; tab: 'schedule' | 'now' | 'agenda' }
  | { name: 'talk'; id: string; talkId: string; found?: Found }
  | { name: 'now' }
  | { name: 'camera-shortcut' }
  | { name: 'shared'; count: number; error: boolean }
  | { name: 'camera'; id: string; talkId?: string }
  | { name: 'unsorted'; id: string }
  | { name: 'not-found' };

/** Where a search found its words in a talk: a slide (photo id), a note (entry id), the opinion. */
export interface Found {
  kind: 'slide' | 'note' | 'opinion';
  ref: string;
  q: string;
}

function parseFound(params: URLSearchParams, talkId: string): Found | undefined {
  const q = params.get('q') ?? '';
  for (const kind of ['slide', 'note', 'opinion'] as const) {
    const ref = params.get(kind);
    if (ref !== null) return { kind, ref: kind === 'opinion' ? talkId : ref, q };
  }
  return undefined;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [a, id, b, talkId] = parts;
  if (!a) return { name: 'home' };
  if (a === 'import' && !id) return { name: 'import' };
  if (a === 'settings' && !id) return { name: 'settings' };
  // The manifest's "Now & Next" shortcut: the app picks the conference.
  if (a === 'now' && !id) return { name: 'now' };
  if (a === 'camera' && !id) return { name: 'camera-shortcut' };
  if (a === 'shared' && !id) {
    const params = new URLSearchParams(query);
    return { name: 'shared', count: Number(params.get('count') ?? 0), error: params.has('error') };
  }
  if (a === 'c' && id) {
    if (!b) return { name: 'conference', id, tab: 'schedule' };
    if (b === 'now' || b === 'agenda') return { name: 'conference', id, tab: b };
    if (b === 't' && talkId && parts.length === 4) {
      const found = parseFound(new URLSearchParams(query), talkId);
      return found ? { name: 'talk', id, talkId, found } : { name: 'talk', id, talkId };
    }
    if (b === 'camera' && parts.length <= 4)
      return talkId ? { name: 'camera', id, talkId } : { name: 'camera', id };
    if (b === 'unsorted' && !talkId) return { name: 'unsorted', id };
  }
  return { name: 'not-found' };
}

export const href = {
  home: '#/',
  import: '#/import',
  settings: '#/settings',
  conference: (id: string, tab: 'schedule' | 'now' | 'agenda' = 'schedule') =>
    `#/c/${encodeURIComponent(id)}${tab === 'schedule' ? '' : `/${tab}`}`,
  camera: (id: string, talkId?: string) =>
    `#/c/${encodeURIComponent(id)}/camera${talkId ? `/${encodeURIComponent(talkId)}` : ''}`,
  unsorted: (id: string) => `#/c/${encodeURIComponent(id)}/unsorted`,
  talk: (id: string, talkId: string, found?: Found) =>
    `#/c/${encodeURIComponent(id)}/t/${encodeURIComponent(talkId)}${
      found
        ? `?${new URLSearchParams({ [found.kind]: found.kind === 'opinion' ? '' : found.ref, q: found.q })}`
        : ''
    }`,
};
