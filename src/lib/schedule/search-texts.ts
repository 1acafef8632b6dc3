// Search beyond a talk's own fields: the text read from its slides and the user's notes. Each
// text is folded once, word by word, keeping where every word sits in the original, so a
// keystroke stays one pass of substring tests and an excerpt is cut without folding again.
import { normaliseTitle } from './materialise';
import { queryWords, searchTalks, type SearchIndex } from './search';

/** A text that belongs to a talk: a slide's words, a written note, or the opinion. */
export interface TalkText {
  talkId: string;
  kind: 'slide' | 'note' | 'opinion';
  /** The photo's or the note's id; the talk's id for its opinion. */
  ref: string;
  text: string;
  /** A slide's number in its talk (1 for the first photo). */
  n?: number;
}

export interface FoldedText extends TalkText {
  /** Folded words, each after a space, so ` word` matches at a word start. */
  folded: string;
  /** Per word: where it starts in `folded`, and where it starts and ends in `text`. */
  at: Uint32Array;
  from: Uint32Array;
  to: Uint32Array;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export function foldText(source: TalkText): FoldedText {
  const at: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let folded = '';
  for (const m of source.text.matchAll(WORD)) {
    // Most words on a slide are plain ASCII, which lower case folds; the rest take the full fold.
    const word = /^[A-Za-z0-9]+$/.test(m[0]) ? m[0].toLowerCase() : normaliseTitle(m[0]);
    if (!word) continue;
    at.push(folded.length + 1);
    from.push(m.index);
    to.push(m.index + m[0].length);
    folded += ` ${word}`;
  }
  return {
    ...source,
    folded,
    at: Uint32Array.from(at),
    from: Uint32Array.from(from),
    to: Uint32Array.from(to),
  };
}

/** Pieces of text in order; `mark` is set on the words that matched. */
export type Excerpt = { text: string; mark: boolean }[];

export interface TalkHit {
  talkId: string;
  /**
   * The text the words were found in, when not in the talk's own fields. Its excerpt is cut
   * by the caller for the hits it shows (`excerpt`), not for every hit of a short query.
   */
  found?: FoldedText;
}

/**
 * The folded texts of a conference, grouped by talk, slides first in their order, then notes,
 * then the opinion. `update` refolds only the texts that changed, so a new photo or an edited
 * note costs its own words, not the whole conference's.
 */
export class TextIndex {
  #byKey = new Map<string, FoldedText>();

  /** Takes the conference's texts as they are now; returns them folded, grouped by talk. */
  update(texts: readonly TalkText[]): ReadonlyMap<string, FoldedText[]> {
    const next = new Map<string, FoldedText>();
    const byTalk = new Map<string, FoldedText[]>();
    for (const t of texts) {
      const key = `${t.kind}:${t.ref}`;
      const old = this.#byKey.get(key);
      const f = old && old.text === t.text ? { ...old, n: t.n, talkId: t.talkId } : foldText(t);
      next.set(key, f);
      const list = byTalk.get(t.talkId);
      if (list) list.push(f);
      else byTalk.set(t.talkId, [f]);
    }
    const rank = { slide: 0, note: 1, opinion: 2 } as const;
    for (const list of byTalk.values())
      list.sort((a, b) => rank[a.kind] - rank[b.kind] || (a.n ?? 0) - (b.n ?? 0));
    this.#byKey = next;
    return byTalk;
  }
}

/**
 * Talks holding every word of the query: in their own fields first (title matches leading, as
 * `search` orders them), then those whose words are all on one slide, then all in one note.
 * The unsorted tray belongs to no talk, so its slides are not searched here.
 */
export function searchAll(
  index: SearchIndex,
  texts: ReadonlyMap<string, FoldedText[]>,
  query: string,
): TalkHit[] {
  const words = queryWords(query);
  if (!words.length) return index.ids.map((talkId) => ({ talkId }));
  const own = searchTalks(index, words);
  const hits: TalkHit[] = own.map((talkId) => ({ talkId }));
  const seen = new Set(own);
  const notes: TalkHit[] = [];
  for (const talkId of index.ids) {
    if (seen.has(talkId)) continue;
    const list = texts.get(talkId);
    if (!list) continue;
    const text = list.find((t) => words.every((w) => t.folded.includes(w)));
    if (!text) continue;
    (text.kind === 'slide' ? hits : notes).push({ talkId, found: text });
  }
  return hits.concat(notes);
}

/** The word holding folded position `p`: the last word starting at or before it. */
function wordAt(text: FoldedText, p: number): number {
  let lo = 0;
  let hi = text.at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (text.at[mid]! <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * About `size` characters of the original text around the first match, cut at word ends, with
 * every word that starts with a query word marked. `words` are as `queryWords` gives them.
 */
export function excerpt(text: FoldedText, words: string[], size = 90): Excerpt {
  const count = text.at.length;
  if (!count) return [];
  let first = text.folded.length;
  for (const w of words) {
    const p = text.folded.indexOf(w);
    if (p >= 0 && p < first) first = p;
  }
  const hit = first < text.folded.length ? wordAt(text, first + 1) : 0;
  // A few words of context before the match, the rest after it.
  let start = hit;
  while (start > 0 && text.from[hit]! - text.from[start - 1]! <= size * 0.4) start--;
  let end = hit;
  while (end + 1 < count && text.to[end + 1]! - text.from[start]! <= size) end++;

  const pieces: Excerpt = [];
  const push = (s: string, mark: boolean) => {
    const clean = s.replace(/\s+/g, ' ');
    if (!clean) return;
    const last = pieces.at(-1);
    if (last && last.mark === mark) last.text += clean;
    else pieces.push({ text: clean, mark });
  };
  if (start > 0) push('…', false);
  // Punctuation around the first and last words stays when the excerpt reaches them.
  let pos = start > 0 ? text.from[start]! : 0;
  for (let i = start; i <= end; i++) {
    const from = text.from[i]!;
    const to = text.to[i]!;
    push(text.text.slice(pos, from), false);
    const folded = text.folded.slice(
      text.at[i]! - 1,
      i + 1 < count ? text.at[i + 1]! - 1 : undefined,
    );
    push(
      text.text.slice(from, to),
      words.some((w) => folded.startsWith(w)),
    );
    pos = to;
  }
  if (end + 1 < count) push('…', false);
  else push(text.text.slice(pos), false);
  return pieces;
}
