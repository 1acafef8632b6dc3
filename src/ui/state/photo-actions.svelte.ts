// What a list of photos lets the user do (caption, reorder, move, delete with undo), shared by
// a talk's timeline and the Unsorted tray. Errors and the undo offer are state the list shows.
import { explain, t } from './i18n.svelte';
import { photoRepo as photos } from './photos.svelte';

export class PhotoActions {
  undo = $state<{ label: string; run: () => Promise<void> }>();
  error = $state('');

  constructor(private readonly talkId: () => string) {}

  async act(job: () => Promise<unknown>): Promise<void> {
    this.error = '';
    try {
      await job();
    } catch (e) {
      this.error = explain(e);
    }
  }

  /** Swaps the photos at i and j of `ids` (the list's photos in order). */
  swap(ids: readonly string[], i: number, j: number): void {
    const order = [...ids];
    [order[i], order[j]] = [order[j]!, order[i]!];
    void this.act(() => photos.reorder(this.talkId(), order));
  }

  caption(id: string, text: string): void {
    void this.act(() => photos.setCaption(id, text));
  }

  move(id: string, talkId: string): void {
    void this.act(() => photos.move(id, talkId));
  }

  remove(id: string, label: string): void {
    void this.act(async () => {
      const token = await photos.delete(id);
      this.undo = {
        label: t('{name} deleted.', { name: label }),
        run: () => photos.restore(token),
      };
    });
  }

  runUndo(): void {
    const offer = this.undo;
    this.undo = undefined;
    if (offer) void this.act(offer.run);
  }
}
