/**
 * What a scorer worker thread exposes over comlink (as src/engine/workerApi.ts does for the browser's engine
 * worker): the run's state once, then tasks, each result's typed arrays transferred (not copied) back. Separate
 * from scorerWorker.ts so tests can expose it over a MessageChannel.
 */
import { transfer } from 'comlink';
import { transferables } from '../data/transferables.ts';
import type { MFEngine } from '../scoring/mf/types.ts';
import type { ScorerContext } from '../scoring/pipeline/runContext.ts';
import {
  contextFromState,
  runScorerTask,
  type ScorerState,
  type ScorerTask,
  type ScorerTaskResult,
} from '../scoring/pipeline/scorerExecutor.ts';

/** The API object to `expose` in a scorer worker running `engine`. */
export function createScorerWorkerApi(engine: MFEngine) {
  let run: { state: ScorerState; ctx: ScorerContext; kept: Set<ArrayBuffer> } | null = null;
  return {
    /** Replaces the previous run's state (a structured clone: every worker holds its own). */
    setState(state: ScorerState): void {
      // A result may share a buffer with the state; the state serves later tasks, so those buffers never move.
      run = { state, ctx: contextFromState(state, engine), kept: new Set(transferables(state)) };
    },
    async runTask(task: ScorerTask): Promise<ScorerTaskResult> {
      if (run === null) throw new Error('scorer worker: a task arrived before the run’s state');
      const { ctx, state, kept } = run;
      const result = await runScorerTask(ctx, state, task);
      if (result === null) return null;
      const moved = transferables(result).filter((b) => !kept.has(b));
      return transfer(result, moved);
    },
  };
}
export type ScorerWorkerApi = ReturnType<typeof createScorerWorkerApi>;
