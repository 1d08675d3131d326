import { ensureLength, trimmed } from '../data/growable.ts';
import { internDetached } from '../data/readRatings.ts';
import { detach, type TsvRow } from '../data/tsvRow.ts';
import { idCell, tagListCell } from './postCells.ts';
import { POST_RATINGS_LAYOUT } from './postLayouts.ts';
import { PostTableReader } from './postTableReader.ts';
import type { PostIds, PostRatingsTable } from './postTables.ts';

/**
 * Streaming reader of postRatings-00000.tsv (`boostId`, `userId`, `createdAt`, `negativeTimestamp`,
 * `contributorType`, `likeTags`, `dislikeTags`, `postId`, `updatedAt`) into a PostRatingsTable; usage as
 * PostTableReader. `postId` is required, `boostId` may be empty; timestamps are numbers (ms) or empty;
 * tags are Python list literals. Rows repeating a (userId, postId) pair are kept here and resolved by
 * `latestPostRatings` when scoring.
 *
 * @example const r = new PostRatingsReader(ids); r.startFile('postRatings-00000.tsv'); pushTsvText(text, r); r.finish();
 */
export class PostRatingsReader extends PostTableReader<PostRatingsTable> {
  private boost = new Int32Array(0);
  private user = new Int32Array(0);
  private createdAt = new Float64Array(0);
  private negativeTimestamp = new Float64Array(0);
  private likeTags = new Int32Array(0);
  private dislikeTags = new Int32Array(0);
  private post = new Int32Array(0);
  private updatedAt = new Float64Array(0);
  private readonly contributorType: (string | null)[] = [];
  private readonly contributorTypes = new Map<string, string>();

  constructor(ids: PostIds) {
    super(POST_RATINGS_LAYOUT, ids);
  }

  protected readRow(r: TsvRow, i: number): void {
    if (i >= this.post.length) this.grow(i + 1);
    const { ids } = this;
    this.boost[i] = idCell(r, 0, ids.boosts, true);
    this.user[i] = internDetached(ids.participants, r.participant(1));
    this.createdAt[i] = r.optionalNumber(2);
    this.negativeTimestamp[i] = r.optionalNumber(3);
    this.contributorType.push(r.isEmpty(4) ? null : this.label(r.text(4)));
    this.likeTags[i] = tagListCell(r, 5, ids.tagLists);
    this.dislikeTags[i] = tagListCell(r, 6, ids.tagLists);
    this.post[i] = idCell(r, 7, ids.posts, false);
    this.updatedAt[i] = r.optionalNumber(8);
  }

  protected build(n: number): PostRatingsTable {
    return {
      length: n,
      boost: trimmed(this.boost, n),
      user: trimmed(this.user, n),
      createdAt: trimmed(this.createdAt, n),
      negativeTimestamp: trimmed(this.negativeTimestamp, n),
      contributorType: this.contributorType,
      likeTags: trimmed(this.likeTags, n),
      dislikeTags: trimmed(this.dislikeTags, n),
      post: trimmed(this.post, n),
      updatedAt: trimmed(this.updatedAt, n),
    };
  }

  private label(s: string): string {
    let v = this.contributorTypes.get(s);
    if (v === undefined) {
      v = detach(s);
      this.contributorTypes.set(v, v);
    }
    return v;
  }

  private grow(length: number): void {
    this.boost = ensureLength(this.boost, length);
    this.user = ensureLength(this.user, length);
    this.createdAt = ensureLength(this.createdAt, length);
    this.negativeTimestamp = ensureLength(this.negativeTimestamp, length);
    this.likeTags = ensureLength(this.likeTags, length);
    this.dislikeTags = ensureLength(this.dislikeTags, length);
    this.post = ensureLength(this.post, length);
    this.updatedAt = ensureLength(this.updatedAt, length);
  }
}
