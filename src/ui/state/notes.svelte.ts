// Typing that is never lost: each draft saves at most half a second after the last keystroke,
// and every open draft is flushed when the page is hidden or closed (a phone may kill a
// background tab without warning), and when its component goes away.
import { NotesRepo } from '../../lib/db/notes-repo';

export type { TimelineRow } from '../../lib/db/notes-repo';
import { appDb } from '../../lib/db/db';
import { explain, t } from './i18n.svelte';

export const notes = new NotesRepo(appDb());

const DEBOUNCE_MS = 400;
// Bookkeeping, not state any view shows: a plain Set.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const open = new Set<Draft>();

function flushAll() {
  for (const draft of open) void draft.flush();
}
addEventListener('pagehide', flushAll);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flushAll();
});

export class Draft {
  text = $state('');
  error = $state('');
  /** True once what is shown is stored; typing clears it until the next save. */
  saved = $state(false);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #dirty = false;
  #saving: Promise<void> = Promise.resolve();

  constructor(
    text: string,
    private readonly save: (text: string) => Promise<void>,
  ) {
    this.text = text;
    open.add(this);
  }

  get dirty(): boolean {
    return this.#dirty;
  }

  input(text: string): void {
    this.text = text;
    this.#dirty = true;
    this.saved = false;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
  }

  /** Saves now if anything changed; saves run one after another, in typing order. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    if (!this.#dirty) return this.#saving;
    this.#dirty = false;
    const text = this.text;
    this.#saving = this.#saving.then(async () => {
      try {
        await this.save(text);
        this.error = '';
        this.saved = !this.#dirty;
      } catch (e) {
        this.#dirty = true;
        this.error = t('Not saved: {reason}', { reason: explain(e) });
      }
    });
    return this.#saving;
  }

  close(): void {
    void this.flush().finally(() => open.delete(this));
  }
}
