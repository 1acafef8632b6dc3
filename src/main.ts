import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { pwa } from './ui/state/pwa.svelte';

pwa.start();
mount(App, { target: document.getElementById('app')! });
