// Stacks of re-shots as a list of photos shows them (issue 12): which photos stand for their
// stack, each stack's members, which stacks the user has opened, and "Keep this one" and
// "Unstack", whose errors the list's photo actions show.
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
  /**
   * Stacks opened to show every member, by stack id; kept while the face changes. A plain
   * record, replaced on change: SvelteSet's code would join the start-up chunk (vite.config.ts
   * puts all of Svelte there).
   */
  #opened = $state<Record<string, true>>({});

  isOpen(stack: string): boolean {
    return stack in this.#opened;
  }

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

  /**
   * What moving a photo earlier (-1) or later (1) does as the list shows it: it trades places
   * with the next photo shown that way, or, in an opened stack, with the stack's next shot.
   * Undefined at either end, so the button is disabled.
   */
  mover(photo: Photo, by: -1 | 1): (() => void) | undefined {
    const members = photo.stack && this.isOpen(photo.stack) ? this.membersOf(photo) : [];
    const line = members.length ? members : this.photos().filter((p) => this.shows(p));
    const at = line.findIndex((p) => p.id === photo.id);
    const other = at < 0 ? undefined : line[at + by];
    if (!other) return undefined;
    return () => {
      const ids = this.photos().map((p) => p.id);
      this.actions.swap(ids, ids.indexOf(photo.id), ids.indexOf(other.id));
    };
  }

  /** Opens a stack, e.g. to show a shot that a search found in it. */
  open(stack: string): void {
    if (!this.isOpen(stack)) this.#opened = { ...this.#opened, [stack]: true };
  }

  toggle(stack: string): void {
    const { [stack]: open, ...others } = this.#opened;
    this.#opened = open ? others : { ...others, [stack]: true };
  }

  keep(photo: Photo): void {
    void this.actions.act(() => keepThisOne(appDb(), photo.id));
  }

  /**
   * The face of a stack just undone: its item takes the focus once it shows on its own, so
   * that a keyboard or a screen reader is not left on the page's start with the button gone.
   */
  refocus = $state<string | undefined>();

  unstack(photo: Photo): void {
    if (photo.stack && this.isOpen(photo.stack)) this.toggle(photo.stack);
    this.refocus = photo.id;
    void this.actions
      .act(() => unstack(appDb(), photo.id))
      .then(() => {
        // Not undone (its error is shown): no later change should pull the focus there.
        if (this.actions.error) this.refocus = undefined;
      });
  }
}
