import type { NamedText } from '../data/datasetReader.ts';
import type { Dictionary } from '../data/tables.ts';
import { TsvLineSplitter } from '../data/tsvLines.ts';
import type { PostTableReader } from './postTableReader.ts';
import { emptyPostIds, type PostTables } from './postTables.ts';
import { PostActionsReader } from './readPostActions.ts';
import { PostRatingsReader } from './readPostRatings.ts';
import { UsersReader } from './readUsers.ts';

/** The texts of the three post files; a plain string gets the default file name. */
export interface PostTexts {
  users: string | NamedText;
  postRatings: string | NamedText;
  postActions: string | NamedText;
}

/** The three post readers sharing one PostIds; feed each file, then `finish()`. */
export class PostTablesReader {
  readonly users: UsersReader;
  readonly postRatings: PostRatingsReader;
  readonly postActions: PostActionsReader;

  /** `participants`: share the note dataset's participant dictionary (optional). */
  constructor(participants?: Dictionary) {
    const ids = emptyPostIds(participants);
    this.users = new UsersReader(ids);
    this.postRatings = new PostRatingsReader(ids);
    this.postActions = new PostActionsReader(ids);
  }

  finish(): PostTables {
    return {
      ids: this.users.ids,
      users: this.users.finish(),
      postRatings: this.postRatings.finish(),
      postActions: this.postActions.finish(),
    };
  }
}

/**
 * Reads the three post files from in-memory texts (tests, browser uploads). Throws DataFormatError (file,
 * line, column) on bad input.
 *
 * @example const tables = readPostTablesText({ users: usersTsv, postRatings: ratingsTsv, postActions: actionsTsv });
 */
export function readPostTablesText(texts: PostTexts, participants?: Dictionary): PostTables {
  const reader = new PostTablesReader(participants);
  feed(reader.users, texts.users, 'users-00000.tsv');
  feed(reader.postRatings, texts.postRatings, 'postRatings-00000.tsv');
  feed(reader.postActions, texts.postActions, 'postActions-00000.tsv');
  return reader.finish();
}

function feed<T>(sink: PostTableReader<T>, t: string | NamedText, name: string): void {
  const file = typeof t === 'string' ? { name, text: t } : t;
  sink.startFile(file.name);
  const split = new TsvLineSplitter(sink);
  split.write(file.text);
  split.end();
  sink.endFile();
}
