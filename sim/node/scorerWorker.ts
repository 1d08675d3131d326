// One scorer worker thread: exposes a ScorerWorkerApi (scorerWorkerApi.ts) over comlink on its parent port.
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, type EngineName } from '../scoring/mf/engines.ts';
import { createScorerWorkerApi } from './scorerWorkerApi.ts';

if (!parentPort) throw new Error('scorerWorker must run in a worker thread');
expose(createScorerWorkerApi(await createEngine(workerData.engine as EngineName)), nodeEndpoint(parentPort));
