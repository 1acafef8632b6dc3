// What a conference's page showed (day, room, search, the row at the top of the screen), kept
// in its own history entry: Back from a talk, or a reload, opens the page as it was left, while
// a fresh visit starts at the top. The page lays its lists out after its data arrives, too late
// for the browser's own scroll restoration.
import type { RowAnchor } from './list-window.svelte';

export interface ViewMemory {
  day?: string;
  room?: string;
  query?: string;
  anchor?: RowAnchor;
}

const KEY = 'confnotesView';

/** What this history entry's page showed when it was left; nothing on a fresh visit. */
export function recall(): ViewMemory {
  const saved: unknown = (history.state as Record<string, unknown> | null)?.[KEY];
  if (!saved || typeof saved !== 'object') return {};
  const { day, room, query, anchor } = saved as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const a = anchor as Record<string, unknown> | undefined;
  return {
    day: text(day),
    room: text(room),
    query: text(query),
    anchor:
      a && typeof a.key === 'string' && typeof a.top === 'number'
        ? { key: a.key, top: a.top }
        : undefined,
  };
}

let pending: ViewMemory | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Updates this history entry's memory, once the changes settle: writing the history entry
 * costs a millisecond or two, too much for every keystroke of a search. `flush` writes it at
 * once (before the page is left); `drop` forgets what is pending (the entry is another's now).
 */
export function remember(patch: ViewMemory): void {
  pending = { ...pending, ...patch };
  clearTimeout(timer);
  timer = setTimeout(flush, 300);
}

export function flush(): void {
  clearTimeout(timer);
  if (!pending) return;
  const state = (history.state as Record<string, unknown> | null) ?? {};
  const old = (state[KEY] as ViewMemory | undefined) ?? {};
  history.replaceState({ ...state, [KEY]: { ...old, ...pending } }, '');
  pending = undefined;
}

export function drop(): void {
  clearTimeout(timer);
  pending = undefined;
}

/**
 * The list row at the top of the screen, under `below` pixels (the sticky header), with its
 * place; undefined at the top of the page, where there is nothing to come back to.
 */
export function topRow(below: number): RowAnchor | undefined {
  if (scrollY === 0) return undefined;
  const rows = document.querySelectorAll<HTMLElement>('main li[data-row]');
  for (const row of rows) {
    const box = row.getBoundingClientRect();
    if (box.bottom > below && box.height > 0) return { key: row.dataset.row!, top: box.top };
  }
  return undefined;
}
