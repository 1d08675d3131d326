import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NOTES_HEADER, RATINGS_HEADER, noteLine, ratingLine } from '../data/testing/inputLines.ts';
import { main } from './cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'bridgelab-score-posts-'));
const data = join(tmp, 'data');
const scored = join(tmp, 'scored');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const L_USERS = Array.from({ length: 31 }, (_, k) => `L${k}`);
const R_USERS = Array.from({ length: 31 }, (_, k) => `R${k}`);
const lines = (...rows: string[]) => rows.join('\n') + '\n';
const post = (user: string, postId: string, likes: string, dislikes: string) =>
  `1\t${user}\t1700000000000\t\tCONTRIBUTOR\t${likes}\t${dislikes}\t${postId}\t1700000000000`;
const action = (postId: string, user: string, boost: string, eligible = 'True') =>
  `${postId}\t${user}\t${boost}\t${eligible}\tTrue`;

/**
 * A hand-made data folder: 31 L users (note 1, factor -0.5) and 31 R users (note 2, factor 0.5) plus "M0" (factor
 * fallback 0.05 from helpfulness_scores, its note factor being missing). Post 100 is seen by all of L and R and liked
 * by 2 L, 1 R and M0; post 200 is seen by all and disliked by R0; post 300 is liked only by a stranger.
 */
beforeAll(() => {
  mkdirSync(data, { recursive: true });
  mkdirSync(scored, { recursive: true });
  const raters = [...L_USERS, ...R_USERS];
  writeFileSync(
    join(data, 'notes-00000.tsv'),
    lines(NOTES_HEADER, noteLine('1', 'a'), noteLine('2', 'a'), noteLine('3', 'a')),
  );
  writeFileSync(
    join(data, 'ratings-00000.tsv'),
    lines(
      RATINGS_HEADER,
      ...raters.map((u) => ratingLine(u.startsWith('L') ? '1' : '2', u, 'HELPFUL')),
      ratingLine('3', 'M0', 'HELPFUL'),
    ),
  );
  writeFileSync(
    join(data, 'users-00000.tsv'),
    lines('userId\tisAdmitted', ...[...raters, 'M0'].map((u) => `${u}\tTrue`)),
  );
  writeFileSync(
    join(data, 'postRatings-00000.tsv'),
    lines(
      'boostId\tuserId\tcreatedAt\tnegativeTimestamp\tcontributorType\tlikeTags\tdislikeTags\tpostId\tupdatedAt',
      post('L0', '100', "['INFORMATIVE']", '[]'),
      post('L1', '100', "['INFORMATIVE', 'FUNNY']", "['NOT_APPLICABLE']"),
      post('R0', '100', "['FUNNY']", '[]'),
      post('M0', '100', "['FUNNY']", '[]'),
      post('R0', '200', '[]', "['MISLEADING']"),
      post('stranger', '300', "['FUNNY']", '[]'),
    ),
  );
  writeFileSync(
    join(data, 'postActions-00000.tsv'),
    lines(
      'actionTweetId\tuserId\tboostId\teligibleForActiveState\tisAdmitted',
      ...raters.flatMap((u) => [action('100', u, '18446744073709551'), action('200', u, '5')]),
      action('100', 'L0', '9', 'False'),
    ),
  );
  const mis = 'MISINFORMED_OR_POTENTIALLY_MISLEADING';
  writeFileSync(
    join(scored, 'scored_notes.tsv'),
    lines(
      'noteId\tclassification\tnoteTopic\tdecidedBy\tcoreNoteFactor1\tfinalRatingStatus',
      `1\t${mis}\t\tCoreModel (v1.1)\t-0.5\tNEEDS_MORE_RATINGS`,
      `2\t${mis}\t\tExpansionModel (v1.1)\t0.5\tNEEDS_MORE_RATINGS`,
      `3\t${mis}\t\tCoreModel (v1.1)\t\tNEEDS_MORE_RATINGS`,
    ),
  );
  writeFileSync(
    join(scored, 'helpfulness_scores.tsv'),
    lines('raterParticipantId\tcoreRaterFactor1', 'M0\t0.05', 'L0\t0.9'),
  );
});

const HEADER =
  'actionTweetId\tL_pos\tM_pos\tR_pos\tL_neg\tM_neg\tR_neg\tlinger_L\tlinger_M\tlinger_R\tboostId\teligibleForActiveState\tminPos\tmaxPos\tmaxNeg\tminLingers\ttotalPos\tactive\tscoredAtMillis';

describe('bridgelab score-posts', () => {
  it('writes scored_posts.tsv with §12 columns, one row per post, sorted by id', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const out = join(tmp, 'out');
    expect(await main(['score-posts', data, '--scored', scored, '--out', out, '--epoch-millis', '1750000000000'])).toBe(
      0,
    );
    expect(readFileSync(join(out, 'scored_posts.tsv'), 'utf8')).toBe(
      lines(
        HEADER,
        '100\t2\t1\t1\t0\t0\t0\t32\t0\t31\t18446744073709551\tTrue\t1\t2\t0\t31\t4\tTrue\t1750000000000',
        '200\t0\t0\t0\t0\t0\t1\t31\t0\t31\t5\tTrue\t0\t0\t1\t31\t0\tFalse\t1750000000000',
        '300\t0\t0\t0\t0\t0\t0\t0\t0\t0\t\t\t0\t0\t0\t0\t0\tFalse\t1750000000000',
      ),
    );
    expect(err.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/3 posts, 1 candidates, 1 active/);
    const again = join(tmp, 'again');
    expect(
      await main(['score-posts', data, '--scored', scored, '--out', again, '--epoch-millis', '1750000000000']),
    ).toBe(0);
    expect(readFileSync(join(again, 'scored_posts.tsv'))).toEqual(readFileSync(join(out, 'scored_posts.tsv')));
    err.mockRestore();
  });

  it('applies --disable-post-rules, --min-lingers, --quantile and --factor-split-point', async () => {
    const out = join(tmp, 'out2');
    const args = [
      '--disable-post-rules',
      'DislikeVeto',
      '--min-lingers',
      '31',
      '--quantile',
      '0.5',
      '--factor-split-point',
      '0.6',
    ];
    expect(
      await main(['score-posts', data, '--scored', scored, '--out', out, '--epoch-millis', '1', '--quiet', ...args]),
    ).toBe(0);
    const rows = readFileSync(join(out, 'scored_posts.tsv'), 'utf8').trim().split('\n');
    // split 0.6: everyone is M; no L or R lingers, so no candidate
    expect(rows[1]).toBe('100\t0\t4\t0\t0\t0\t0\t0\t63\t0\t18446744073709551\tTrue\t0\t0\t0\t0\t4\tFalse\t1');
  });

  it('exits 2 with a located message on a bad post file, an unknown rule or a missing input', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const badData = join(tmp, 'bad');
    mkdirSync(badData, { recursive: true });
    for (const f of ['notes-00000.tsv', 'ratings-00000.tsv', 'users-00000.tsv', 'postRatings-00000.tsv']) {
      writeFileSync(join(badData, f), readFileSync(join(data, f)));
    }
    writeFileSync(
      join(badData, 'postActions-00000.tsv'),
      lines('actionTweetId\tuserId\tboostId\teligibleForActiveState\tisAdmitted', '1\tL0\t1\tmaybe\tTrue'),
    );
    const out = join(tmp, 'out3');
    expect(await main(['score-posts', badData, '--scored', scored, '--out', out])).toBe(2);
    expect(String(err.mock.calls.at(-1)?.[0])).toBe(
      'bridgelab: postActions-00000.tsv:2: column 4 (eligibleForActiveState): expected True or False, got "maybe"',
    );
    expect(await main(['score-posts', data, '--scored', scored, '--out', out, '--disable-post-rules', 'Nope'])).toBe(2);
    expect(String(err.mock.calls.at(-1)?.[0])).toMatch(/unknown post rule\(s\) Nope; known: LingerGate, DislikeVeto/);
    expect(await main(['score-posts', data, '--scored', data, '--out', out])).toBe(2);
    expect(String(err.mock.calls.at(-1)?.[0])).toMatch(/has no scored_notes.tsv/);
    expect(await main(['score-posts', data, '--out', out])).toBe(2);
    expect(await main(['score-posts', data, '--scored', scored, '--out', out, '--quantile', '2'])).toBe(2);
    err.mockRestore();
  });

  it('prints its help with exit code 0', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await main(['score-posts', '--help'])).toBe(0);
    expect(String(log.mock.calls[0][0])).toMatch(/^usage: bridgelab score-posts <dataDir> --scored <dir> --out <dir>/);
    log.mockRestore();
  });
});
