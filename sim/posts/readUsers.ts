import { ensureLength, trimmed } from '../data/growable.ts';
import { internDetached } from '../data/readRatings.ts';
import type { TsvRow } from '../data/tsvRow.ts';
import { booleanCell } from './postCells.ts';
import { USERS_LAYOUT } from './postLayouts.ts';
import { PostTableReader } from './postTableReader.ts';
import type { PostIds, UsersTable } from './postTables.ts';

/**
 * Streaming reader of users-00000.tsv (`userId`, `isAdmitted`) into a UsersTable; usage as PostTableReader.
 * A user listed twice is admitted when any of its rows says True (as the reference's join on admitted rows); an
 * empty `isAdmitted` reads as False.
 *
 * @example const r = new UsersReader(ids); r.startFile('users-00000.tsv'); pushTsvText(text, r); const users = r.finish();
 */
export class UsersReader extends PostTableReader<UsersTable> {
  private user = new Int32Array(0);
  private isAdmitted = new Uint8Array(0);

  constructor(ids: PostIds) {
    super(USERS_LAYOUT, ids);
  }

  protected readRow(r: TsvRow, i: number): void {
    if (i >= this.user.length) {
      this.user = ensureLength(this.user, i + 1);
      this.isAdmitted = ensureLength(this.isAdmitted, i + 1);
    }
    this.user[i] = internDetached(this.ids.participants, r.participant(0));
    this.isAdmitted[i] = booleanCell(r, 1, 0);
  }

  protected build(n: number): UsersTable {
    return { length: n, user: trimmed(this.user, n), isAdmitted: trimmed(this.isAdmitted, n) };
  }
}
