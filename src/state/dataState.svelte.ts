/**
 * "Your data": the user's download files parsed and scored in the engine, with progress and cancel. Latest wins.
 */
import { isCancelled, type EngineClient } from '../engine/engineClient.ts';
import type { DataFile, Progress, ScoredDataset, ScoreRequest } from '../engine/engineTypes.ts';

export type DataPhase = 'idle' | 'working' | 'done' | 'cancelled' | 'error';

export class DataState {
  phase = $state<DataPhase>('idle');
  progress = $state.raw<Progress | null>(null);
  result = $state.raw<ScoredDataset | null>(null);
  error = $state<string | null>(null);
  files = $state.raw<string[]>([]);

  private generation = 0;
  private engineClient: EngineClient | null = null;

  constructor(private readonly engine: () => EngineClient) {}

  /** The engine client holding the scored dataset (for note details). */
  get client(): EngineClient {
    this.engineClient ??= this.engine();
    return this.engineClient;
  }

  /** Parses and scores `files`; replaces any previous result. */
  async score(files: DataFile[], request: ScoreRequest): Promise<void> {
    const mine = ++this.generation;
    this.phase = 'working';
    this.error = null;
    this.result = null;
    this.progress = { stage: 'starting', done: 0, total: 1 };
    this.files = files.map((f) => f.name);
    try {
      const result = await this.client.scoreFiles(files, request, (p) => {
        if (mine === this.generation) this.progress = p;
      });
      if (mine !== this.generation) return;
      this.result = result;
      this.phase = 'done';
    } catch (err) {
      if (mine !== this.generation) return;
      if (isCancelled(err)) this.phase = 'cancelled';
      else {
        this.error = err instanceof Error ? err.message : String(err);
        this.phase = 'error';
      }
    }
  }

  /** Abandons the work in progress (stops the worker). */
  cancel(): void {
    if (this.phase !== 'working') return;
    this.generation++;
    this.engineClient?.cancel();
    this.phase = 'cancelled';
  }

  dispose(): void {
    this.engineClient?.dispose();
    this.engineClient = null;
  }
}
