// Wraps a Dexie liveQuery (any subscribable) so components read `.current` reactively; the
// subscription is open only while some effect reads it, and closed when none does.
import { createSubscriber } from 'svelte/reactivity';

interface Subscribable<T> {
  subscribe(observer: { next: (v: T) => void; error: (e: unknown) => void }): {
    unsubscribe(): void;
  };
}

export class Live<T> {
  #value: T | undefined;
  #error = $state<unknown>(undefined);
  #subscribe: () => void;

  constructor(source: () => Subscribable<T>) {
    this.#subscribe = createSubscriber((update) => {
      const sub = source().subscribe({
        next: (v) => {
          this.#value = v;
          update();
        },
        error: (e) => {
          this.#error = e;
        },
      });
      return () => sub.unsubscribe();
    });
  }

  /** undefined until the first result arrives. */
  get current(): T | undefined {
    this.#subscribe();
    return this.#value;
  }

  get error(): unknown {
    return this.#error;
  }
}
