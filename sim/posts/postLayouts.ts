import type { InputColumn, InputLayout } from '../data/inputColumns.ts';

const plain = (names: readonly string[]): InputColumn[] => names.map((name) => ({ name }));

/** postRatings-00000.tsv (§12 inputs): 9 columns, in this order. */
export const POST_RATINGS_LAYOUT: InputLayout = {
  kind: 'postRatings',
  columns: plain([
    'boostId',
    'userId',
    'createdAt',
    'negativeTimestamp',
    'contributorType',
    'likeTags',
    'dislikeTags',
    'postId',
    'updatedAt',
  ]),
  acceptedCounts: [9],
};

/** postActions-00000.tsv (§12 inputs, the "lingers"): 5 columns. */
export const POST_ACTIONS_LAYOUT: InputLayout = {
  kind: 'postActions',
  columns: plain(['actionTweetId', 'userId', 'boostId', 'eligibleForActiveState', 'isAdmitted']),
  acceptedCounts: [5],
};

/** users-00000.tsv (§12 inputs, the pilot participants): 2 columns. */
export const USERS_LAYOUT: InputLayout = {
  kind: 'users',
  columns: plain(['userId', 'isAdmitted']),
  acceptedCounts: [2],
};
