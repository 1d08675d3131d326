/// <reference lib="webworker" />
// The engine's Web Worker: exposes an EngineService over comlink (see workerApi.ts).
import { expose } from 'comlink';
import { EngineService } from './engineService.ts';
import { createWorkerApi } from './workerApi.ts';

expose(createWorkerApi(new EngineService()));
