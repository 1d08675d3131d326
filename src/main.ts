// Browser entry: builds the dashboard's state from the URL with the Web Worker engine and mounts the app.
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { createWorkerEngineClient } from './engine/workerEngineClient.ts';
import { Session } from './state/session.svelte.ts';
import { decodeState } from './state/urlCodec.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element to mount the dashboard into');

const session = new Session(createWorkerEngineClient, decodeState(location.search));

export default mount(App, { target, props: { session } });
