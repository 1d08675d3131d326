import { describe, expect, it } from 'vitest';
import { DataFormatError } from '../data/dataFormatError.ts';
import { readPostTablesText } from './readPostTables.ts';
import { postTablesOf } from './testing/plainPostWorld.ts';
import { NA, dislike, like, linger, worldWithFactors } from './testing/postScenario.ts';
import { writePostActionsTsv, writePostRatingsTsv, writeUsersTsv } from './writePostFiles.ts';

const USERS = 'userId\tisAdmitted\nu1\tTrue\nu2\tFalse\n';
const RATINGS_HEADER =
  'boostId\tuserId\tcreatedAt\tnegativeTimestamp\tcontributorType\tlikeTags\tdislikeTags\tpostId\tupdatedAt';
const ACTIONS_HEADER = 'actionTweetId\tuserId\tboostId\teligibleForActiveState\tisAdmitted';
const RATINGS = `${RATINGS_HEADER}\n7\tu1\t1700000000000\t\tCONTRIBUTOR\t['INFORMATIVE', 'FUNNY']\t[]\t18446744073709551\t1700000000001\n`;
const ACTIONS = `${ACTIONS_HEADER}\n18446744073709551\tu1\t9223372036854775807\tTrue\tTrue\n`;

function errorOf(f: () => unknown): DataFormatError {
  try {
    f();
  } catch (err) {
    if (err instanceof DataFormatError) return err;
    throw err;
  }
  throw new Error('expected a DataFormatError');
}

describe('post file readers', () => {
  it('read the three files: exact 64-bit ids, list-literal tags, True/False, empty boostId and timestamps', () => {
    const t = readPostTablesText({
      users: USERS,
      postRatings: RATINGS + `\tu2\t1\t2\t\t[]\t['NOT_APPLICABLE']\t5\t3\n`,
      postActions: ACTIONS + `5\tu2\t\tFalse\tFalse\n`,
    });
    expect(t.ids.participants.values).toEqual(['u1', 'u2']);
    expect(Array.from(t.users.isAdmitted)).toEqual([1, 0]);
    expect(t.ids.posts.values).toEqual(['18446744073709551', '5']);
    expect(t.ids.boosts.values).toEqual(['7', '9223372036854775807']);
    expect(Array.from(t.postRatings.boost)).toEqual([0, -1]);
    expect(t.ids.tagLists.values).toEqual(["['INFORMATIVE', 'FUNNY']", '[]', "['NOT_APPLICABLE']"]);
    expect(t.postRatings.contributorType).toEqual(['CONTRIBUTOR', null]);
    expect(Array.from(t.postRatings.negativeTimestamp)).toEqual([NaN, 2]);
    expect(Array.from(t.postActions.boost)).toEqual([1, -1]);
    expect(Array.from(t.postActions.eligibleForActiveState)).toEqual([1, 0]);
  });

  it('round-trip through the writers', () => {
    const w = worldWithFactors({ a: -0.5, b: 0.5 });
    like(w, '12', 'a', NA);
    dislike(w, '13', 'b');
    linger(w, '12', 'a', { boostId: null, eligible: false });
    linger(w, '99999999999999999', 'b', { boostId: '123456789012345678', admitted: false });
    const tables = postTablesOf(w);
    const text = {
      users: [...writeUsersTsv(tables)].join(''),
      postRatings: [...writePostRatingsTsv(tables)].join(''),
      postActions: [...writePostActionsTsv(tables)].join(''),
    };
    expect(text.users).toBe('userId\tisAdmitted\na\tTrue\nb\tTrue\n');
    expect(text.postRatings.split('\n')[1]).toBe(`\ta\t1700000000000\t\tCONTRIBUTOR\t${NA}\t[]\t12\t1700000000000`);
    expect(text.postActions.split('\n').slice(1, 3)).toEqual([
      '12\ta\t\tFalse\tTrue',
      '99999999999999999\tb\t123456789012345678\tTrue\tFalse',
    ]);
    const back = readPostTablesText(text);
    expect(back.users).toEqual(tables.users);
    expect(back.postRatings).toEqual(tables.postRatings);
    expect(back.postActions).toEqual(tables.postActions);
    expect(back.ids.tagLists.values).toEqual(tables.ids.tagLists.values);
  });

  it('accept what pandas writes for missing values: empty booleans, ids as whole floats', () => {
    const t = readPostTablesText({
      users: 'userId\tisAdmitted\nu1\t\n',
      postRatings: `${RATINGS_HEADER}\n7.0\tu1\t1.7e12\t\t\t[]\t[]\t1.86e+18\t1\n`,
      postActions: `${ACTIONS_HEADER}\n0012.000\tu1\t\t\t\n`,
    });
    expect(Array.from(t.users.isAdmitted)).toEqual([0]);
    expect(t.ids.boosts.values).toEqual(['7']);
    expect(t.ids.posts.values).toEqual(['1860000000000000000', '12']);
    expect(Array.from(t.postActions.eligibleForActiveState)).toEqual([255]);
    expect(Array.from(t.postActions.isAdmitted)).toEqual([0]);
    expect(t.postRatings.createdAt[0]).toBe(1.7e12);
  });

  it('name file, line and column for a bad boolean, tag list, id or number', () => {
    const read = (over: { users?: string; postRatings?: string; postActions?: string }) => () =>
      readPostTablesText({ users: USERS, postRatings: RATINGS, postActions: ACTIONS, ...over });
    const bool = errorOf(read({ users: 'userId\tisAdmitted\nu1\tTrue\nu2\tyes\n' }));
    expect([bool.file, bool.line, bool.column, bool.columnName]).toEqual(['users-00000.tsv', 3, 2, 'isAdmitted']);
    expect(bool.message).toBe('users-00000.tsv:3: column 2 (isAdmitted): expected True or False, got "yes"');

    const tags = errorOf(read({ postRatings: `${RATINGS_HEADER}\n\tu1\t1\t\t\tINFORMATIVE\t[]\t5\t1\n` }));
    expect([tags.file, tags.line, tags.column, tags.columnName]).toEqual(['postRatings-00000.tsv', 2, 6, 'likeTags']);
    const emptyTags = errorOf(read({ postRatings: `${RATINGS_HEADER}\n\tu1\t1\t\t\t[]\t\t5\t1\n` }));
    expect([emptyTags.column, emptyTags.reason]).toEqual([
      7,
      "empty cell; expected a tag list such as [] or ['NOT_APPLICABLE']",
    ]);

    const id = errorOf(read({ postActions: `${ACTIONS_HEADER}\n12x\tu1\t1\tTrue\tTrue\n` }));
    expect([id.file, id.line, id.column, id.columnName]).toEqual(['postActions-00000.tsv', 2, 1, 'actionTweetId']);
    const eligible = errorOf(read({ postActions: `${ACTIONS_HEADER}\n12\tu1\t1\tyes\tTrue\n` }));
    expect([eligible.line, eligible.column, eligible.reason]).toEqual([2, 4, 'expected True or False, got "yes"']);
    const fraction = errorOf(read({ postActions: `${ACTIONS_HEADER}\n12.5\tu1\t1\tTrue\tTrue\n` }));
    expect([fraction.line, fraction.column, fraction.columnName]).toEqual([2, 1, 'actionTweetId']);
    const time = errorOf(read({ postRatings: `${RATINGS_HEADER}\n\tu1\tsoon\t\t\t[]\t[]\t5\t1\n` }));
    expect([time.line, time.column, time.columnName]).toEqual([2, 3, 'createdAt']);
    const post = errorOf(read({ postRatings: `${RATINGS_HEADER}\n\tu1\t1\t\t\t[]\t[]\t\t1\n` }));
    expect([post.column, post.columnName]).toEqual([8, 'postId']);
  });

  it('name the header problem, a wrong field count and an empty file', () => {
    const read = (over: { users?: string; postRatings?: string; postActions?: string }) => () =>
      readPostTablesText({ users: USERS, postRatings: RATINGS, postActions: ACTIONS, ...over });
    const header = errorOf(read({ postActions: ACTIONS.replace('boostId', 'boost') }));
    expect([header.line, header.column, header.columnName]).toEqual([1, 3, 'boostId']);
    const short = errorOf(read({ postActions: `${ACTIONS_HEADER}\n12\tu1\t1\tTrue\n` }));
    expect([short.line, short.column, short.columnName]).toEqual([2, 5, 'isAdmitted']);
    const empty = errorOf(read({ users: '' }));
    expect([empty.file, empty.line]).toEqual(['users-00000.tsv', 1]);
    expect(empty.reason).toMatch(/empty file/);
  });
});
