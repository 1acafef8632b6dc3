// What the shell shows about the app itself: an update waiting, ready for offline use, and
// whether the browser offers installation (or, on iOS, how to add to the home screen).
import { registerServiceWorker } from '../../lib/pwa/register';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

class Pwa {
  needRefresh = $state(false);
  offlineReady = $state(false);
  installEvent = $state.raw<BeforeInstallPromptEvent | undefined>(undefined);
  installed = $state(matchMedia('(display-mode: standalone)').matches);
  readonly isIos =
    /iPad|iPhone|iPod/.test(navigator.userAgent) ||
    (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
  #update: (() => Promise<void>) | undefined;

  start(): void {
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
    // Registered once the page has loaded: on a first visit the worker's install downloads
    // every file of the app, which should not compete with the first screen's own.
    const register = () => {
      this.#update = registerServiceWorker({
        onNeedRefresh: () => (this.needRefresh = true),
        onOfflineReady: () => (this.offlineReady = true),
      });
    };
    if (document.readyState === 'complete') register();
    else addEventListener('load', register, { once: true });
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
