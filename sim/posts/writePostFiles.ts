import { writeTsv, type OutputColumn } from '../data/writeTsv.ts';
import type { PostTables } from './postTables.ts';

/**
 * Writers of the three §12 input files (postRatings-00000.tsv, postActions-00000.tsv, users-00000.tsv), in the
 * layouts the readers check (postLayouts.ts): ids as decimal text, booleans True/False, tags as the list
 * literals stored, empty cells for missing values. Each yields text chunks (see writeTsv).
 *
 * @example for (const chunk of writePostRatingsTsv(tables)) out.write(chunk);
 */
export function writePostRatingsTsv(t: PostTables): Generator<string> {
  const r = t.postRatings;
  const { ids } = t;
  const cols: OutputColumn[] = [
    { name: 'boostId', kind: 'string', values: r.boost, dictionary: ids.boosts.values },
    { name: 'userId', kind: 'string', values: r.user, dictionary: ids.participants.values },
    { name: 'createdAt', kind: 'int', values: r.createdAt },
    { name: 'negativeTimestamp', kind: 'int', values: r.negativeTimestamp },
    { name: 'contributorType', kind: 'string', values: r.contributorType },
    { name: 'likeTags', kind: 'string', values: r.likeTags, dictionary: ids.tagLists.values },
    { name: 'dislikeTags', kind: 'string', values: r.dislikeTags, dictionary: ids.tagLists.values },
    { name: 'postId', kind: 'string', values: r.post, dictionary: ids.posts.values },
    { name: 'updatedAt', kind: 'int', values: r.updatedAt },
  ];
  return writeTsv(cols, { rows: r.length });
}

/** postActions-00000.tsv; see writePostRatingsTsv. */
export function writePostActionsTsv(t: PostTables): Generator<string> {
  const a = t.postActions;
  const { ids } = t;
  const cols: OutputColumn[] = [
    { name: 'actionTweetId', kind: 'string', values: a.post, dictionary: ids.posts.values },
    { name: 'userId', kind: 'string', values: a.user, dictionary: ids.participants.values },
    { name: 'boostId', kind: 'string', values: a.boost, dictionary: ids.boosts.values },
    { name: 'eligibleForActiveState', kind: 'bool', values: a.eligibleForActiveState },
    { name: 'isAdmitted', kind: 'bool', values: a.isAdmitted },
  ];
  return writeTsv(cols, { rows: a.length });
}

/** users-00000.tsv; see writePostRatingsTsv. */
export function writeUsersTsv(t: PostTables): Generator<string> {
  const u = t.users;
  const cols: OutputColumn[] = [
    { name: 'userId', kind: 'string', values: u.user, dictionary: t.ids.participants.values },
    { name: 'isAdmitted', kind: 'bool', values: u.isAdmitted },
  ];
  return writeTsv(cols, { rows: u.length });
}
