// One conference on screen: its talks and stars, with the derived views (days, rooms, now and
// next), and what its page changes (stars, name, time zone, deletion). Search is search.svelte.ts.
import type { Conference, Talk } from '../../lib/model/types';
import { compareTalks, groupByDay, nowAndNext, roomsOf } from '../../lib/schedule/agenda';
import { conferences, library, stars } from './repos';
import { clock, deviceTimeZone } from './env.svelte';
import { Live } from './live.svelte';

export class ConferenceState {
  readonly id: string;
  // The closures run on first read, after the constructor has set `id`.
  readonly conference = new Live<Conference | undefined>(() =>
    conferences.watchConference(this.id),
  );
  readonly #talks = new Live<Talk[]>(() => conferences.watchTalks(this.id));
  readonly #stars = new Live<string[]>(() => stars.watch(this.id));
  room = $state('');
  day = $state<string | undefined>(undefined);

  /** `shown` is the day and room the page showed when it was left (view-memory.ts). */
  constructor(id: string, shown: { day?: string; room?: string } = {}) {
    this.id = id;
    this.day = shown.day;
    this.room = shown.room ?? '';
  }

  get loaded(): boolean {
    return this.conference.current !== undefined || this.#talks.current !== undefined;
  }

  get zone(): string {
    return this.conference.current?.timeZone ?? deviceTimeZone();
  }

  talks = $derived.by(() => [...(this.#talks.current ?? [])].sort(compareTalks));
  // Set and Map below are rebuilt whole by $derived and never mutated, so plain ones suffice.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  starred = $derived(new Set(this.#stars.current ?? []));
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #byId = $derived(new Map(this.talks.map((t) => [t.id, t])));

  rooms = $derived(roomsOf(this.talks));
  days = $derived(groupByDay(this.talks, this.zone));

  /** Talks of the chosen day (first day by default) in the chosen room. */
  visible = $derived.by(() => {
    const day = this.days.find((d) => d.date === this.day) ?? this.days[0];
    const list = day?.talks ?? [];
    return this.room ? list.filter((t) => t.room === this.room) : list;
  });

  agenda = $derived(
    groupByDay(
      this.talks.filter((t) => this.starred.has(t.id)),
      this.zone,
    ),
  );

  get nowNext() {
    return nowAndNext(this.talks, clock.now);
  }

  /** Set when the phone is not in the conference's zone, so times are not misread. */
  get zoneDiffers(): boolean {
    return this.zone !== deviceTimeZone();
  }

  talk(id: string): Talk | undefined {
    return this.#byId.get(id);
  }

  isStarred(talkId: string): boolean {
    return this.starred.has(talkId);
  }

  toggleStar(talkId: string): Promise<void> {
    return stars.set(talkId, this.id, !this.starred.has(talkId));
  }

  rename(title: string): Promise<void> {
    return conferences.rename(this.id, title);
  }

  setTimeZone(zone: string): Promise<void> {
    return conferences.setTimeZone(this.id, zone);
  }

  /** Deletes the conference and all stored for it; a deleted demo is not added back. */
  delete(): Promise<void> {
    return library.delete(this.id);
  }
}
