// Browser entry: mounts the dashboard's root component into #app (placeholder until the dashboard lands).
import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element to mount the dashboard into');

export default mount(App, { target });
