/**
 * The classroom: a small grid of ratings the learner edits; every change refits in the engine (latest wins) and
 * the intercepts, factors and statuses update. The grid itself lives in the URL state.
 */
import { isCancelled, type EngineClient } from '../engine/engineClient.ts';
import type { ClassroomResult, ClassroomWorld } from '../engine/engineTypes.ts';

/** Cell values in the order a click cycles through them: none, Helpful, Somewhat, Not helpful. */
export const CELL_CYCLE = [-1, 2, 1, 0] as const;

/** The next value of a cell after a click. */
export const nextCell = (v: number): number =>
  CELL_CYCLE[(CELL_CYCLE.indexOf(v as -1 | 0 | 1 | 2) + 1) % CELL_CYCLE.length];

export class ClassroomState {
  result = $state.raw<ClassroomResult | null>(null);
  error = $state<string | null>(null);
  /** round trip of the last fit (UI to engine and back), ms */
  latency = $state(0);
  private generation = 0;
  private engineClient: EngineClient | null = null;

  constructor(private readonly engine: () => EngineClient) {}

  /** Fits `world`; results of older requests are dropped. */
  async fit(world: ClassroomWorld): Promise<void> {
    const mine = ++this.generation;
    const started = performance.now();
    this.engineClient ??= this.engine();
    try {
      const result = await this.engineClient.classroom({ ...world, cells: world.cells.slice() });
      if (mine !== this.generation) return;
      this.result = result;
      this.error = null;
      this.latency = performance.now() - started;
    } catch (err) {
      if (mine !== this.generation || isCancelled(err)) return;
      this.error = err instanceof Error ? err.message : String(err);
    }
  }

  dispose(): void {
    this.engineClient?.dispose();
    this.engineClient = null;
  }
}
