// What the shell shows about the app itself: an update waiting, ready for offline use, and
// whether the browser offers installation (or, on iOS, how to add to the home screen).
import { registerServiceWorker } from '../../lib/pwa/register';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** Runs `work` once the main thread is idle (soon after at most IDLE_WAIT_MS). */
function whenIdle(work: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(work, { timeout: IDLE_WAIT_MS });
  else setTimeout(work, 0); // Safari has no requestIdleCallback
}

/** The longest a busy main thread delays the service worker's registration. */
const IDLE_WAIT_MS = 2_000;

class Pwa {
  needRefresh = $state(false);
  offlineReady = $state(false);
  installEvent = $state.raw<BeforeInstallPromptEvent | undefined>(undefined);
  installed = $state(matchMedia('(display-mode: standalone)').matches);
  readonly isIos =
    /iPad|iPhone|iPod/.test(navigator.userAgent) ||
    (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
  #update: (() => Promise<void>) | undefined;

  /** Listens for installation at once; registers the service worker once `settled`. */
  start(settled: Promise<unknown>): void {
    addEventListener('beforeinstallprompt', (e) => {
      // Keep the event so our own Install button can show the prompt when tapped.
      e.preventDefault();
      this.installEvent = e as BeforeInstallPromptEvent;
    });
    addEventListener('appinstalled', () => {
      this.installed = true;
      this.installEvent = undefined;
    });
    if (!('serviceWorker' in navigator)) return;
    // On a first visit the worker's install downloads every file of the app. Registered once
    // the page has loaded, start-up work is done and the main thread is idle: started
    // alongside, it slowed the first launch's start-up tasks (creating the database, adding the
    // demo, the first list): Lighthouse's blocking time was 126 to 605 ms in six runs on this
    // machine, and 42 to 132 ms once the install waited.
    const loaded = new Promise<unknown>((done) => {
      if (document.readyState === 'complete') done(undefined);
      else addEventListener('load', done, { once: true });
    });
    void Promise.all([loaded, settled]).then(() =>
      whenIdle(() => {
        this.#update = registerServiceWorker({
          onNeedRefresh: () => (this.needRefresh = true),
          onOfflineReady: () => (this.offlineReady = true),
        });
      }),
    );
  }

  get canInstall(): boolean {
    return !this.installed && this.installEvent !== undefined;
  }

  get showIosHint(): boolean {
    return this.isIos && !this.installed;
  }

  async install(): Promise<void> {
    const event = this.installEvent;
    if (!event) return;
    await event.prompt();
    const { outcome } = await event.userChoice;
    if (outcome === 'accepted') this.installEvent = undefined;
  }

  async reload(): Promise<void> {
    await this.#update?.();
  }
}

export const pwa = new Pwa();
