// The service worker: precaches the app shell (the list is injected at build time), serves
// index.html for every navigation, takes updates only when the page asks, and receives images
// shared to the installed app (the manifest's share_target), and runs Background Sync.
/// <reference lib="webworker" />
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import { SHARE_TARGET_PATH, receiveShare } from './share-target';
import { listenForBackgroundSync } from './background-sync';
import { READ_CACHE, READ_PATH } from '../lib/read/cache';

declare const self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Control the very first visit, so it already works offline. An update still waits: it only
// activates when the page posts SKIP_WAITING after the user tapped Reload.
clientsClaim();

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

registerRoute(
  ({ url, request }) => request.method === 'POST' && url.pathname === SHARE_TARGET_PATH,
  receiveShare,
  'POST',
);
// The files slide reading needs are too large for the precache (5 MB, wanted only with "Read
// slide text" on): the page stores them in a cache of their own, answered from here offline.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith(READ_PATH),
  async ({ request }) => (await caches.match(request, { cacheName: READ_CACHE })) ?? fetch(request),
);
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

listenForBackgroundSync();
