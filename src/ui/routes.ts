// Hash routes: they work from any static host and from the service worker's single cached
// index.html, with no server rewrites. Plain functions, so Node tests reach them.
export type Route =
  | { name: 'home' }
  | { name: 'import' }
  | { name: 'settings' }
  | { name: 'conference'; id: string; tab: 'schedule' | 'now' | 'agenda' }
  | { name: 'talk'; id: string; talkId: string }
  | { name: 'now' }
  | { name: 'not-found' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [a, id, b, talkId] = parts;
  if (!a) return { name: 'home' };
  if (a === 'import' && !id) return { name: 'import' };
  if (a === 'settings' && !id) return { name: 'settings' };
  // The manifest's "Now & Next" shortcut: the app picks the conference.
  if (a === 'now' && !id) return { name: 'now' };
  if (a === 'c' && id) {
    if (!b) return { name: 'conference', id, tab: 'schedule' };
    if (b === 'now' || b === 'agenda') return { name: 'conference', id, tab: b };
    if (b === 't' && talkId) return { name: 'talk', id, talkId };
  }
  return { name: 'not-found' };
}

export const href = {
  home: '#/',
  import: '#/import',
  settings: '#/settings',
  conference: (id: string, tab: 'schedule' | 'now' | 'agenda' = 'schedule') =>
    `#/c/${encodeURIComponent(id)}${tab === 'schedule' ? '' : `/${tab}`}`,
  talk: (id: string, talkId: string) =>
    `#/c/${encodeURIComponent(id)}/t/${encodeURIComponent(talkId)}`,
};
