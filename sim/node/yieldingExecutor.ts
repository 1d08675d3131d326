import { setImmediate as nextTurn } from 'node:timers/promises';
import type { MFEngine } from '../scoring/mf/types.ts';
import { inProcessExecutor, type ScorerExecutor, type ScorerState } from '../scoring/pipeline/scorerExecutor.ts';

/**
 * The in-process executor with a turn of the event loop before each scorer task. Awaiting the tasks alone never
 * yields to it (each resolves in a microtask), so a signal handler would wait for the whole scoring run; with this
 * a Ctrl-C is handled after the scorer task in progress. Same tasks, same order, same output.
 *
 * @example scoreDataset(data, { ...options, executor: (state) => yieldingExecutor(state, engine) });
 */
export function yieldingExecutor(state: ScorerState, engine: MFEngine): ScorerExecutor {
  const inner = inProcessExecutor(state, engine);
  return {
    async run(tasks, onDone) {
      const out: Awaited<ReturnType<ScorerExecutor['run']>> = [];
      for (const task of tasks) {
        await nextTurn();
        out.push(...(await inner.run([task])));
        onDone?.(out.length, tasks.length);
      }
      return out;
    },
    close: () => inner.close(),
  };
}
