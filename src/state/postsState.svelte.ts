/**
 * The posts of the main run as the Posts page shows them: the run's own post board, or the engine's rescoring of
 * its last post run with other §12 parameters (sim's postBoard, in the engine). Latest wins: a slider moved while a
 * rescoring is in flight supersedes it.
 */
import type { PostScoringParams } from '../../sim/index.ts';
import type { EngineClient } from '../engine/engineClient.ts';
import type { PostBoard, SimPosts } from '../engine/engineTypes.ts';
import { sameParams } from './postsView.ts';

export class PostsState {
  board = $state.raw<PostBoard | null>(null);
  /** a rescoring is in flight */
  pending = $state(false);
  error = $state<string | null>(null);
  private generation = 0;
  /** what the board shows (or is being computed for), to skip asking again for the same */
  private shown: { posts: SimPosts | null; params: PostScoringParams } | null = null;

  /** Shows `posts` (a finished run's) scored with `params`, asking `client` (the run's engine) when they differ. */
  async show(posts: SimPosts | null, params: PostScoringParams, client: EngineClient): Promise<void> {
    if (this.shown && this.shown.posts === posts && sameParams(this.shown.params, params)) return;
    this.shown = { posts, params };
    const mine = ++this.generation;
    this.error = null;
    if (posts === null) {
      this.board = null;
      this.pending = false;
      return;
    }
    if (sameParams(posts.board.params, params)) {
      this.board = posts.board;
      this.pending = false;
      return;
    }
    this.pending = true;
    try {
      const board = await client.postBoard(params);
      if (mine !== this.generation) return;
      this.board = board;
    } catch (err) {
      if (mine !== this.generation) return;
      this.error = err instanceof Error ? err.message : String(err);
    } finally {
      if (mine === this.generation) this.pending = false;
    }
  }
}
