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
 * The phone's time zone. Asking Intl makes a formatter each time, and the first one loads the
 * locale data (55 ms on this machine, a long task at start-up); Temporal, where the browser
 * has it, answers at once. Asked once, and again when the app comes back to the screen, the
 * moment a traveller's phone may have changed zone.
 */
let zone: string | undefined;
const temporal = (globalThis as { Temporal?: { Now: { timeZoneId(): string } } }).Temporal;
export const deviceTimeZone = (): string =>
  (zone ??= temporal?.Now.timeZoneId() ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
if (typeof document !== 'undefined')
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') zone = undefined;
  });
