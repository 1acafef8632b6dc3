// Outside signals the screens react to: network state and a clock that ticks each half minute.
import { createSubscriber } from 'svelte/reactivity';

class Online {
  #subscribe = createSubscriber((update) => {
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  });

  get current(): boolean {
    this.#subscribe();
    return navigator.onLine;
  }
}

class Clock {
  #subscribe = createSubscriber((update) => {
    const timer = setInterval(update, 30_000);
    return () => clearInterval(timer);
  });

  get now(): number {
    this.#subscribe();
    return Date.now();
  }
}

export const online = new Online();
export const clock = new Clock();
export const deviceTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
