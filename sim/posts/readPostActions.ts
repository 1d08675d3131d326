import { ensureLength, trimmed } from '../data/growable.ts';
import { internDetached } from '../data/readRatings.ts';
import type { TsvRow } from '../data/tsvRow.ts';
import { booleanCell, idCell } from './postCells.ts';
import { POST_ACTIONS_LAYOUT } from './postLayouts.ts';
import { PostTableReader } from './postTableReader.ts';
import type { PostActionsTable, PostIds } from './postTables.ts';

/**
 * Streaming reader of postActions-00000.tsv (`actionTweetId`, `userId`, `boostId`, `eligibleForActiveState`,
 * `isAdmitted`) into a PostActionsTable; usage as PostTableReader. Ids are integers (exact 64-bit), `boostId`
 * may be empty; the booleans are True/False, and may be empty as the reference reads a missing value: `isAdmitted`
 * then counts as False, `eligibleForActiveState` as missing (255, never eligible). Every row is kept (§12
 * deduplicates lingers when counting).
 *
 * @example const r = new PostActionsReader(ids); r.startFile('postActions-00000.tsv'); pushTsvText(text, r); r.finish();
 */
export class PostActionsReader extends PostTableReader<PostActionsTable> {
  private post = new Int32Array(0);
  private user = new Int32Array(0);
  private boost = new Int32Array(0);
  private eligible = new Uint8Array(0);
  private admitted = new Uint8Array(0);

  constructor(ids: PostIds) {
    super(POST_ACTIONS_LAYOUT, ids);
  }

  protected readRow(r: TsvRow, i: number): void {
    if (i >= this.post.length) {
      this.post = ensureLength(this.post, i + 1);
      this.user = ensureLength(this.user, i + 1);
      this.boost = ensureLength(this.boost, i + 1);
      this.eligible = ensureLength(this.eligible, i + 1);
      this.admitted = ensureLength(this.admitted, i + 1);
    }
    this.post[i] = idCell(r, 0, this.ids.posts, false);
    this.user[i] = internDetached(this.ids.participants, r.participant(1));
    this.boost[i] = idCell(r, 2, this.ids.boosts, true);
    this.eligible[i] = booleanCell(r, 3, 255);
    this.admitted[i] = booleanCell(r, 4, 0);
  }

  protected build(n: number): PostActionsTable {
    return {
      length: n,
      post: trimmed(this.post, n),
      user: trimmed(this.user, n),
      boost: trimmed(this.boost, n),
      eligibleForActiveState: trimmed(this.eligible, n),
      isAdmitted: trimmed(this.admitted, n),
    };
  }
}
