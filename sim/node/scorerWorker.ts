// One scorer worker thread: receives the scorer state once, then runs tasks until closed.
import { parentPort, workerData } from 'node:worker_threads';
import { createEngine, type EngineName } from '../scoring/mf/engines.ts';
import { contextFromState, runScorerTask, type ScorerState, type ScorerTask } from '../scoring/pipeline/scorerExecutor.ts';
import type { ScorerContext } from '../scoring/pipeline/runContext.ts';

type Message = { type: 'state'; state: ScorerState } | { type: 'task'; id: number; task: ScorerTask };

const port = parentPort;
if (!port) throw new Error('scorerWorker must run in a worker thread');
const engine = await createEngine(workerData.engine as EngineName);
let state: ScorerState | null = null;
let ctx: ScorerContext | null = null;

port.on('message', async (m: Message) => {
  if (m.type === 'state') {
    state = m.state;
    ctx = contextFromState(state, engine);
    return;
  }
  try {
    if (!state || !ctx) throw new Error('scorer worker: task before state');
    const result = await runScorerTask(ctx, state, m.task);
    port.postMessage({ id: m.id, result });
  } catch (err) {
    port.postMessage({ id: m.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
port.postMessage({ ready: true });
