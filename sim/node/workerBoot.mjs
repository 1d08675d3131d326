// Worker-thread entry: lets the worker load TypeScript sources (tsx), then runs the module named in workerData.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
