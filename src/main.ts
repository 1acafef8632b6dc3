import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { pwa } from './ui/state/pwa.svelte';
import { start } from './ui/state/app.svelte';
import { warmDates } from './lib/schedule/warm-dates';
import { i18n } from './ui/state/i18n.svelte';
import { startAutoSync } from './ui/state/sync-trigger.svelte';

// The first screen's dates need locale data whose loading is a long task: a worker loads it
// for the whole page meanwhile.
warmDates();
// The header index.html drew is painted before start-up work begins: the browser paints only
// between tasks, and opening the database and adding the demo keep it busy for several. (A page
// opened in the background gets no frame until shown, so it does not wait.)
if (!document.hidden)
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
const started = start();
pwa.start(started);
startAutoSync();
// A French phone gets the app in French from its first frame (the words load in parallel with
// the above). The app is drawn in a task of its own: one task for all of start-up would hold
// the page for long enough to be felt.
await Promise.all([i18n.ready, new Promise((next) => setTimeout(next))]);
// The app takes the place of index.html's header in one task, so no frame shows neither.
const target = document.getElementById('app')!;
target.replaceChildren();
mount(App, { target });
