// "Search talks" on a conference's page: the schedule's fields, the text read from slides and
// the user's notes. The texts are folded when they change (a live query), never per keystroke;
// a keystroke only runs the substring tests and cuts the excerpts of the hits.
import type { Talk } from '../../lib/model/types';
import { appDb } from '../../lib/db/db';
import { SearchRepo } from '../../lib/db/search-repo';
import { buildIndex } from '../../lib/schedule/search';
import { searchAll, TextIndex, type TalkHit, type TalkText } from '../../lib/schedule/search-texts';
import type { ConferenceState } from './conference.svelte';
import { Live } from './live.svelte';

const repo = new SearchRepo(appDb());

export type Hit = { talk: Talk; found?: NonNullable<TalkHit['found']> };

export class TalkSearch {
  query = $state('');
  readonly #view: ConferenceState;
  readonly #texts: Live<TalkText[]>;
  readonly #folder = new TextIndex();

  constructor(view: ConferenceState) {
    this.#view = view;
    this.#texts = new Live(() => repo.watchTexts(view.id));
  }

  // Closures, so they read the fields the constructor sets; each runs when first read.
  #index = $derived.by(() => buildIndex(this.#view.talks));
  #folded = $derived.by(() => this.#folder.update(this.#texts.current ?? []));

  results = $derived.by((): Hit[] | undefined => {
    if (!this.query.trim()) return undefined;
    return searchAll(this.#index, this.#folded, this.query).map((h) => ({
      talk: this.#view.talk(h.talkId)!,
      found: h.found,
    }));
  });
}

/** The text a search hit named, on the talk page it opened. */
export function watchFound(talkId: string, kind: TalkText['kind'], ref: string) {
  return new Live<TalkText | null>(() => repo.watchFound(talkId, kind, ref));
}
