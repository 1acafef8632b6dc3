// "Search talks" on a conference's page: the schedule's fields, the text read from slides and
// the user's notes. The texts are folded when they change (a live query), never per keystroke;
// a keystroke only runs the substring tests and cuts the excerpts of the hits.
import type { Talk } from '../../lib/model/types';
import { appDb } from '../../lib/db/db';
import { SearchRepo } from '../../lib/db/search-repo';
import { buildIndex, queryWords } from '../../lib/schedule/search';
import {
  excerpt,
  searchAll,
  TextIndex,
  type Excerpt,
  type TalkText,
} from '../../lib/schedule/search-texts';
import type { ConferenceState } from './conference.svelte';
import { Live } from './live.svelte';

const repo = new SearchRepo(appDb());

/** A talk in a list; from a search, also where its words were found and the excerpt. */
export type Hit = {
  talk: Talk;
  found?: { kind: TalkText['kind']; ref: string; n?: number; excerpt: Excerpt };
};

/** Hits laid out at first: a short query matches most of a big schedule. */
const PAGE = 30;

export class TalkSearch {
  #query = $state('');
  /** How many hits are shown; "Show all" lifts it, a new query sets it back. */
  limit = $state(PAGE);
  readonly #view: ConferenceState;
  readonly #texts: Live<TalkText[]>;
  readonly #folder = new TextIndex();

  constructor(view: ConferenceState, query = '') {
    this.#view = view;
    this.#query = query;
    this.#texts = new Live(() => repo.watchTexts(view.id));
  }

  // Closures, so they read the fields the constructor sets; each runs when first read.
  #index = $derived.by(() => buildIndex(this.#view.talks));
  #folded = $derived.by(() => this.#folder.update(this.#texts.current ?? []));

  /**
   * Subscribes to the texts and folds them, so the first keystroke finds slides and notes too
   * and pays for no folding: the page calls it from an effect while it is open.
   */
  prepare(): void {
    void this.#folded;
  }

  get query(): string {
    return this.#query;
  }

  set query(value: string) {
    this.#query = value;
    this.limit = PAGE;
  }

  #hits = $derived.by(() =>
    this.#query.trim() ? searchAll(this.#index, this.#folded, this.#query) : undefined,
  );

  /** How many talks the query finds; undefined while there is no query. */
  count = $derived(this.#hits?.length);

  /** The hits shown, with the excerpts of those found on a slide or in notes. */
  results = $derived.by((): Hit[] | undefined => {
    if (!this.#hits) return undefined;
    const words = queryWords(this.#query);
    return this.#hits.slice(0, this.limit).map(({ talkId, found }) => ({
      talk: this.#view.talk(talkId)!,
      found: found && {
        kind: found.kind,
        ref: found.ref,
        n: found.n,
        excerpt: excerpt(found, words),
      },
    }));
  });

  showAll(): void {
    this.limit = Infinity;
  }
}

/** The text a search hit named, on the talk page it opened. */
export function watchFound(talkId: string, kind: TalkText['kind'], ref: string) {
  return new Live<TalkText | null>(() => repo.watchFound(talkId, kind, ref));
}
