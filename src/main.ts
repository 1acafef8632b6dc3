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
// A French phone gets French from the first paint (its words load in parallel with the above).
await i18n.ready;
mount(App, { target: document.getElementById('app')! });
