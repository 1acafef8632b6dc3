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
/**
 * The phone's time zone. Asking Intl makes a formatter each time (the first one loads the zone
 * data: a long task at start-up), so it is asked once and again only when the app comes back
 * to the screen, the moment a traveller's phone may have changed zone.
 */
let zone: string | undefined;
export const deviceTimeZone = (): string =>
  (zone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);
if (typeof document !== 'undefined')
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') zone = undefined;
  });
