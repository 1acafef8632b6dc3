// Stacks of re-shots as a list of photos shows them (issue 12): which photos stand for their
// stack, each stack's members, which stacks the user has opened, and "Keep this one" and
// "Unstack", whose errors the list's photo actions show.
import { SvelteSet } from 'svelte/reactivity';
import type { Photo } from '../../lib/model/types';
import { faces, stacksOf } from '../../lib/read/stacks';
import { appDb } from '../../lib/db/db';
import { keepThisOne, unstack } from '../../lib/db/photo-stacks';
import type { PhotoActions } from './photo-actions.svelte';

/** What an opened stack gives each shot: "Keep this one", and whether it is the face. */
export interface KeepOffer {
  keep: () => void;
  face: boolean;
}

export class StackView {
  /** Stacks opened to show every member, by stack id; kept while the face changes. */
  readonly opened = new SvelteSet<string>();
  readonly #stacks = $derived.by(() => stacksOf(this.photos()));
  readonly #faces = $derived.by(() => faces(this.photos()).map((p) => p.id));

  constructor(
    private readonly photos: () => readonly Photo[],
    private readonly actions: PhotoActions,
  ) {}

  /** Whether the photo shows in the list: on its own, or as its stack's face. */
  shows(photo: Photo): boolean {
    return this.#faces.includes(photo.id);
  }

  /** The members of the photo's stack in the list's order; empty for a photo on its own. */
  membersOf(photo: Photo): Photo[] {
    const members = photo.stack ? this.#stacks.get(photo.stack) : undefined;
    return members && members.length > 1 ? members : [];
  }

  toggle(stack: string): void {
    if (!this.opened.delete(stack)) this.opened.add(stack);
  }

  keep(photo: Photo): void {
    void this.actions.act(() => keepThisOne(appDb(), photo.id));
  }

  unstack(photo: Photo): void {
    if (photo.stack) this.opened.delete(photo.stack);
    void this.actions.act(() => unstack(appDb(), photo.id));
  }
}
