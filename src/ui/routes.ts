// Hash routes: they work from any static host and from the service worker's single cached
// index.html, with no server rewrites. Plain functions, so Node tests reach them.
export type Route =
  | { name: 'home' }
  | { name: 'import' }
  | { name: 'settings' }
  | { name: 'conference'; id: string; tab: 'schedule' | 'now' | 'agenda' }
  | { name: 'talk'; id: string; talkId: string }
  | { name: 'now' }
  | { name: 'camera-shortcut' }
  | { name: 'shared'; count: number; error: boolean }
  | { name: 'camera'; id: string; talkId?: string }
  | { name: 'unsorted'; id: string }
  | { name: 'not-found' };

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
    if (b === 't' && talkId && parts.length === 4) return { name: 'talk', id, talkId };
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
  talk: (id: string, talkId: string) =>
    `#/c/${encodeURIComponent(id)}/t/${encodeURIComponent(talkId)}`,
};
