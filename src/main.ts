// Browser entry: builds the dashboard's state from the URL with the Web Worker engine and mounts the app.
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { createWorkerEngineClient } from './engine/workerEngineClient.ts';
import { warmUpChartsWhenIdle } from './charts/warmUpCharts.ts';
import { Session } from './state/session.svelte.ts';
import { decodeState } from './state/urlCodec.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element to mount the dashboard into');

const session = new Session(createWorkerEngineClient, decodeState(location.search));

// Reachable from the console and from browser tests / benchmarks: the session, and whether charts are warmed up.
const hook = { session, chartsWarm: false };
(window as unknown as { __bridgelab: typeof hook }).__bridgelab = hook;

const app = mount(App, { target, props: { session } });
void warmUpChartsWhenIdle().then(() => (hook.chartsWarm = true));

export default app;
