// Search as you type over titles, speakers and abstracts. The folded text of every talk is
// built once per schedule, so a keystroke is one pass of substring tests. Slide texts and
// notes join in search-texts.ts.
import { normaliseTitle } from './materialise';

export interface Searchable {
  id: string;
  title: string;
  subtitle?: string;
  abstract?: string;
  description?: string;
  track?: string;
  room?: string;
  speakers: { name: string }[];
}

export interface SearchIndex {
  ids: string[];
  titles: string[];
  texts: string[];
}

/** Lower case, no accents, no markup, punctuation as spaces. */
export const fold = (s: string): string => normaliseTitle(s.replace(/<[^>]*>/g, ' '));

export function buildIndex(talks: Searchable[]): SearchIndex {
  return {
    ids: talks.map((t) => t.id),
    titles: talks.map((t) => ` ${fold(`${t.title} ${t.subtitle ?? ''}`)}`),
    texts: talks.map(
      (t) =>
        ` ${fold(
          [t.speakers.map((s) => s.name).join(' '), t.track, t.room, t.abstract, t.description]
            .filter(Boolean)
            .join(' '),
        )}`,
    ),
  };
}

/** The query's folded words, each after a space so it matches at a word start only. */
export const queryWords = (query: string): string[] =>
  fold(query)
    .split(' ')
    .filter(Boolean)
    .map((w) => ` ${w}`);

/**
 * Ids of talks holding every word (as `queryWords` gives them, at least one), title matches
 * first. Words match at a word start (" kube" finds "Kubernetes" but "ube" does not), which is
 * what people type.
 */
export function searchTalks(index: SearchIndex, words: string[]): string[] {
  const inTitle: string[] = [];
  const elsewhere: string[] = [];
  for (let i = 0; i < index.ids.length; i++) {
    const title = index.titles[i]!;
    const text = index.texts[i]!;
    let all = true;
    let titleOnly = true;
    for (const w of words) {
      const t = title.includes(w);
      if (!t && !text.includes(w)) {
        all = false;
        break;
      }
      titleOnly &&= t;
    }
    if (all) (titleOnly ? inTitle : elsewhere).push(index.ids[i]!);
  }
  return inTitle.concat(elsewhere);
}
