// One sweep worker thread: exposes { run(job) } (runSweepJob) over comlink on its parent port.
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { parentPort } from 'node:worker_threads';
import { runSweepJob, type SweepJob } from './sweepJob.ts';

if (!parentPort) throw new Error('sweepWorker must run in a worker thread');
expose({ run: (job: SweepJob) => runSweepJob(job) }, nodeEndpoint(parentPort));
