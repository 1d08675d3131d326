/** The note inspector's detail requests: one note's ratings (and, for simulations, its history). Latest wins. */
import type { EngineClient } from '../engine/engineClient.ts';
import type { NoteHistory, NoteRatings } from '../engine/engineTypes.ts';

export class InspectorState {
  ratings = $state.raw<NoteRatings | null>(null);
  history = $state.raw<NoteHistory | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  private generation = 0;

  /** Asks `client` (the engine holding the result) about `noteId`; `withHistory` for simulation results. */
  async load(client: EngineClient, noteId: string, withHistory: boolean): Promise<void> {
    const mine = ++this.generation;
    this.loading = true;
    this.error = null;
    try {
      const [ratings, history] = await Promise.all([
        client.noteRatings(noteId),
        withHistory ? client.noteHistory(noteId) : Promise.resolve(null),
      ]);
      if (mine !== this.generation) return;
      this.ratings = ratings;
      this.history = history;
    } catch (err) {
      if (mine !== this.generation) return;
      this.ratings = null;
      this.history = null;
      this.error = err instanceof Error ? err.message : String(err);
    } finally {
      if (mine === this.generation) this.loading = false;
    }
  }

  clear(): void {
    this.generation++;
    this.ratings = null;
    this.history = null;
    this.error = null;
    this.loading = false;
  }
}
