import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { pwa } from './ui/state/pwa.svelte';
import { start } from './ui/state/app.svelte';
import { i18n } from './ui/state/i18n.svelte';
import { startAutoSync } from './ui/state/sync-trigger.svelte';

pwa.start();
startAutoSync();
start();
// A French phone gets the app in French from its first frame (the words load in parallel with
// the above).
await i18n.ready;
// index.html drew the header before any script ran: the app takes its place in the same task,
// so no frame shows the page without it.
const target = document.getElementById('app')!;
target.replaceChildren();
mount(App, { target });
