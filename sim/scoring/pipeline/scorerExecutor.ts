import type { RatingsTable } from '../../data/tables.ts';
import type { MFEngine } from '../mf/types.ts';
import { scorerCatalogue } from '../scorers/catalogue.ts';
import type { ScorerConfig } from '../scorers/scorerConfig.ts';
import { finalScore, type ScorerOutput } from './finalScore.ts';
import { prescoreMF } from './prescoreMF.ts';
import type { PrescoringResult } from './prescoringResult.ts';
import type { ScorerContext, StageRatings } from './runContext.ts';
import type { SkippedScorer } from './scorerCheck.ts';

/** Everything a scorer task needs, as structured-cloneable data (it crosses to worker threads / Web Workers). */
export interface ScorerState {
  ctx: Omit<ScorerContext, 'engine' | 'disabledRules'> & { disabledRules: string[] };
  prescoringRatings: RatingsTable;
  runRatings: StageRatings;
  /** the notes final scoring emits rows for (all universe notes, or the incremental run's rescored ones) */
  finalUniverse: Int32Array;
}

/** One unit of work: prescoring or final scoring of one catalogue scorer. */
export type ScorerTask =
  { kind: 'prescore'; scorer: string } | { kind: 'final'; scorer: string; prescoring: PrescoringResult };

export type ScorerTaskResult = PrescoringResult | ScorerOutput | { skipped: SkippedScorer } | null;

/**
 * Runs scorer tasks. The in-process executor runs them one after another on this thread; sim/node has a
 * worker-thread pool. Results come back in task order whatever the scheduling, and every scorer draws from its
 * own seed, so the output does not depend on the executor.
 */
export interface ScorerExecutor {
  run(tasks: ScorerTask[], onDone?: (done: number, total: number) => void): Promise<ScorerTaskResult[]>;
  close(): Promise<void>;
}

const byName = new Map<string, ScorerConfig>(scorerCatalogue().map((c) => [c.name, c]));

/** The catalogue scorer called `name` (throws for an unknown name). */
export function scorerByName(name: string): ScorerConfig {
  const cfg = byName.get(name);
  if (!cfg) throw new Error(`unknown scorer ${name}; known: ${[...byName.keys()].join(', ')}`);
  return cfg;
}

/** Rebuild a scorer context from a cloned state and an engine. */
export function contextFromState(state: ScorerState, engine: MFEngine): ScorerContext {
  return { ...state.ctx, engine, disabledRules: new Set(state.ctx.disabledRules) };
}

/** Run one task against a context. */
export function runScorerTask(ctx: ScorerContext, state: ScorerState, task: ScorerTask): Promise<ScorerTaskResult> {
  const cfg = scorerByName(task.scorer);
  return task.kind === 'prescore'
    ? prescoreMF(cfg, ctx, state.prescoringRatings)
    : finalScore(cfg, { ...ctx, universe: state.finalUniverse }, state.runRatings, task.prescoring);
}

/** Runs every task on the calling thread, in order. */
export function inProcessExecutor(state: ScorerState, engine: MFEngine): ScorerExecutor {
  const ctx = contextFromState(state, engine);
  return {
    async run(tasks, onDone) {
      const out: ScorerTaskResult[] = [];
      for (const task of tasks) {
        out.push(await runScorerTask(ctx, state, task));
        onDone?.(out.length, tasks.length);
      }
      return out;
    },
    async close() {},
  };
}
