import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { pwa } from './ui/state/pwa.svelte';
import { start } from './ui/state/app.svelte';

pwa.start();
start();
mount(App, { target: document.getElementById('app')! });
