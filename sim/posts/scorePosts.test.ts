import { describe, expect, it } from 'vitest';
import { applyPostRules } from './applyPostRules.ts';
import { explainPost } from './explainPost.ts';
import { scorePosts } from './scorePosts.ts';
import type { ScoredPosts } from './scoredPosts.ts';
import { scoreInputOf, type PlainPostWorld } from './testing/plainPostWorld.ts';
import { LIKE, NA, NONE, dislike, like, linger, side, worldWithFactors } from './testing/postScenario.ts';
import type { PostScoringParams } from './postRules.ts';

const L = -0.5;
const M = 0;
const R = 0.5;

/** Row of post `id` as a plain object (column names of scored_posts.tsv). */
function row(s: ScoredPosts, id: string) {
  const r = s.actionTweetId.indexOf(id);
  if (r < 0) return undefined;
  return {
    L_pos: s.L_pos[r],
    M_pos: s.M_pos[r],
    R_pos: s.R_pos[r],
    L_neg: s.L_neg[r],
    M_neg: s.M_neg[r],
    R_neg: s.R_neg[r],
    linger_L: s.linger_L[r],
    linger_M: s.linger_M[r],
    linger_R: s.linger_R[r],
    boostId: s.boostId[r],
    eligible: s.eligibleForActiveState[r],
    candidate: s.candidate[r] === 1,
    active: s.active[r] === 1,
  };
}

const score = (w: PlainPostWorld, params: Partial<PostScoringParams> = { minLingers: 0 }) =>
  scorePosts(scoreInputOf(w), params);

/** A post seen by one L and one R user (passes LingerGate with minLingers 0). */
function seenByBothSides(w: PlainPostWorld, post: string, boostId = '1'): void {
  linger(w, post, 'l0', { boostId });
  linger(w, post, 'r0', { boostId });
}

describe('scorePosts (§12)', () => {
  it('puts factors into L / M / R at ±0.15 (L < −0.15 ≤ M < 0.15 ≤ R)', () => {
    const w = worldWithFactors({ a: -0.1500001, b: -0.15, c: 0.1499999, d: 0.15, none: NaN });
    for (const u of ['a', 'b', 'c', 'd', 'none']) like(w, '7', u);
    expect(row(score(w), '7')).toMatchObject({ L_pos: 1, M_pos: 2, R_pos: 1 });
  });

  it('positive = likes not empty and dislikes empty; negative = dislikes not empty; [] and NOT_APPLICABLE are empty', () => {
    const w = worldWithFactors({ ...side('l', 6, L), ...side('r', 1, R) });
    like(w, '1', 'l0');
    like(w, '1', 'l1', NA);
    dislike(w, '1', 'l2', NA);
    w.postRatings.push({ userId: 'l3', postId: '1', likeTags: LIKE, dislikeTags: "['BIASED']" });
    w.postRatings.push({ userId: 'l4', postId: '1', likeTags: "['INFORMATIVE', 'FUNNY']", dislikeTags: NA });
    dislike(w, '1', 'r0');
    expect(row(score(w), '1')).toMatchObject({ L_pos: 2, L_neg: 1, R_neg: 1, R_pos: 0 });
  });

  it('a post whose only rating has empty likes and dislikes is not in the output (the reference drops it)', () => {
    const w = worldWithFactors({ l0: L });
    w.postRatings.push({ userId: 'l0', postId: '5', likeTags: NA, dislikeTags: NONE });
    expect(score(w).length).toBe(0);
  });

  it('ignores M dislikes in maxNeg: one L or R dislike vetoes, M dislikes never do', () => {
    const w = worldWithFactors({ l0: L, r0: R, m0: M, m1: M });
    seenByBothSides(w, '1');
    seenByBothSides(w, '2');
    like(w, '1', 'l0');
    like(w, '1', 'r0');
    dislike(w, '1', 'm0');
    dislike(w, '1', 'm1');
    like(w, '2', 'l0');
    dislike(w, '2', 'r0');
    const s = score(w);
    expect(row(s, '1')).toMatchObject({ M_neg: 2, candidate: true, active: true });
    expect(s.maxNeg[s.actionTweetId.indexOf('1')]).toBe(0);
    expect(row(s, '2')).toMatchObject({ R_neg: 1, candidate: false, active: false });
    expect(explainPost(s, s.actionTweetId.indexOf('2')).reasons.join(' ')).toContain('vetoes');
  });

  it('keeps posts rated only by users without a factor, with all counts 0 and no eligibility', () => {
    const w = worldWithFactors({ l0: L });
    like(w, '3', 'stranger');
    dislike(w, '4', 'stranger');
    linger(w, '5', 'stranger');
    const s = score(w);
    expect(s.actionTweetId).toEqual(['3', '4']);
    expect(row(s, '3')).toMatchObject({ L_pos: 0, M_pos: 0, R_pos: 0, boostId: null, eligible: -1, candidate: false });
  });

  it('counts admitted lingers once per (post, user, boost, eligibility), twice for two boosts, only for users with a factor', () => {
    const w = worldWithFactors({ l0: L, r0: R, m0: M });
    linger(w, '1', 'l0');
    linger(w, '1', 'l0');
    linger(w, '1', 'l0', { boostId: '2' });
    linger(w, '1', 'l0', { boostId: '2', eligible: false });
    linger(w, '1', 'r0', { admitted: false });
    linger(w, '1', 'm0', { boostId: null });
    linger(w, '1', 'm0', { boostId: null });
    linger(w, '1', 'nobody');
    expect(row(score(w), '1')).toMatchObject({ linger_L: 3, linger_R: 0, linger_M: 1 });
  });

  it('takes eligibility from the highest boostId, compared as numbers beyond 2^53; ties go to the first row', () => {
    const w = worldWithFactors({ l0: L, r0: R });
    linger(w, '1', 'l0', { boostId: '9', eligible: false });
    linger(w, '1', 'r0', { boostId: '10', eligible: true });
    linger(w, '2', 'l0', { boostId: '9007199254740993', eligible: true });
    linger(w, '2', 'r0', { boostId: '9007199254740992', eligible: false });
    linger(w, '3', 'l0', { boostId: '5', eligible: false });
    linger(w, '3', 'r0', { boostId: '5', eligible: true });
    linger(w, '4', 'l0', { boostId: null, eligible: true });
    linger(w, '4', 'r0', { boostId: '1', eligible: false });
    linger(w, '5', 'l0', { boostId: null, eligible: true });
    linger(w, '6', 'l0', { boostId: '3', eligible: null });
    const s = score(w);
    expect(row(s, '1')).toMatchObject({ boostId: '10', eligible: 1 });
    expect(row(s, '2')).toMatchObject({ boostId: '9007199254740993', eligible: 1 });
    expect(row(s, '3')).toMatchObject({ boostId: '5', eligible: 0 });
    expect(row(s, '4')).toMatchObject({ boostId: '1', eligible: 0 });
    expect(row(s, '5')).toMatchObject({ boostId: null, eligible: 1 });
    expect(row(s, '6')).toMatchObject({ boostId: '3', eligible: -1, candidate: false });
  });

  it('requires more than MIN_LINGERS (29) lingers on each of L and R by default', () => {
    const w = worldWithFactors({ ...side('l', 30, L), ...side('r', 30, R) });
    for (let k = 0; k < 30; k++) {
      linger(w, '1', `l${k}`);
      linger(w, '1', `r${k}`);
      linger(w, '2', `l${k}`);
      if (k < 29) linger(w, '2', `r${k}`);
    }
    like(w, '1', 'l0');
    like(w, '2', 'l0');
    const s = scorePosts(scoreInputOf(w));
    expect(row(s, '1')).toMatchObject({ candidate: true, active: true });
    expect(row(s, '2')).toMatchObject({ linger_R: 29, candidate: false, active: false });
    expect(explainPost(s, s.actionTweetId.indexOf('2')).reasons[0]).toContain('29 from R');
  });

  it('cut-offs: max(1, numpy-linear 70th percentile) over candidates; activation at ≥ the cut-off', () => {
    const likers = side('x', 5, L);
    const w = worldWithFactors({ ...likers, l0: L, r0: R });
    // candidates 1..5 with totalPos 1..5 (all L likes, minPos 0); the 70th percentile is 3.8.
    for (let p = 1; p <= 5; p++) {
      seenByBothSides(w, String(p));
      for (let k = 0; k < p; k++) like(w, String(p), `x${k}`);
    }
    const s = score(w);
    expect(s.candidates).toBe(5);
    expect(s.totalPosCutoff).toBeCloseTo(3.8, 12);
    expect(s.minPosCutoff).toBe(1);
    expect(['1', '2', '3', '4', '5'].map((id) => row(s, id)?.active)).toEqual([false, false, false, true, true]);
  });

  it('a value equal to the cut-off activates (ties), and no candidates gives cut-offs of 1', () => {
    const w = worldWithFactors({ l0: L, r0: R, l1: L, r1: R });
    for (const p of ['1', '2', '3']) {
      seenByBothSides(w, p);
      like(w, p, 'l1');
      like(w, p, 'r1');
    }
    const s = score(w);
    expect(s.totalPosCutoff).toBe(2);
    expect(s.minPosCutoff).toBe(1);
    expect(Array.from(s.active)).toEqual([1, 1, 1]);

    const none = worldWithFactors({ l0: L });
    like(none, '9', 'l0');
    const t = score(none);
    expect([t.candidates, t.totalPosCutoff, t.minPosCutoff, t.active[0]]).toEqual([0, 1, 1, 0]);
  });

  it('the totalPos path activates a one-sided post; the minPos path a two-sided one; disabling a path drops it', () => {
    const w = worldWithFactors({ ...side('x', 4, L), ...side('y', 2, R), l0: L, r0: R });
    seenByBothSides(w, '1');
    seenByBothSides(w, '2');
    seenByBothSides(w, '3');
    for (let k = 0; k < 4; k++) like(w, '1', `x${k}`); // one-sided wave: totalPos 4, minPos 0
    like(w, '2', 'x0');
    like(w, '2', 'y0'); // minPos 1
    const both = score(w);
    expect([row(both, '1')?.active, row(both, '2')?.active, row(both, '3')?.active]).toEqual([true, true, false]);
    const minOnly = score(w, { minLingers: 0, disabledRules: ['TotalPosPath'] });
    expect([row(minOnly, '1')?.active, row(minOnly, '2')?.active]).toEqual([false, true]);
    expect(minOnly.rules).toEqual(['LingerGate', 'DislikeVeto', 'EligibilityGate', 'MinPosPath']);
    const none = score(w, { minLingers: 0, disabledRules: ['TotalPosPath', 'MinPosPath'] });
    expect(Array.from(none.active)).toEqual([0, 0, 0]);
  });

  it('applyPostRules recomputes the decisions from the counts as scorePosts would with those parameters', () => {
    const w = worldWithFactors({ ...side('x', 4, L), ...side('y', 2, R), l0: L, r0: R });
    for (const p of ['1', '2', '3']) seenByBothSides(w, p);
    for (let k = 0; k < 4; k++) like(w, '1', `x${k}`);
    like(w, '2', 'x0');
    like(w, '2', 'y0');
    const base = score(w);
    const changed = { minLingers: 0, quantileThreshold: 0.2, disabledRules: ['MinPosPath'] };
    const again = applyPostRules(base, base.length, { ...base.params, ...changed });
    const direct = score(w, changed);
    expect(again.active).toEqual(direct.active);
    expect([again.totalPosCutoff, again.minPosCutoff, again.rules]).toEqual([
      direct.totalPosCutoff,
      direct.minPosCutoff,
      direct.rules,
    ]);
  });

  it('disabling a gate drops it from candidacy and activation', () => {
    const w = worldWithFactors({ l0: L, r0: R, l1: L });
    linger(w, '1', 'l0', { eligible: false });
    linger(w, '1', 'r0', { eligible: false });
    like(w, '1', 'l1');
    dislike(w, '1', 'r0');
    like(w, '2', 'l1'); // never lingered
    expect(row(score(w), '1')?.active).toBe(false);
    const open = score(w, { minLingers: 0, disabledRules: ['DislikeVeto', 'EligibilityGate'] });
    expect(row(open, '1')).toMatchObject({ candidate: true, active: true });
    expect(row(open, '2')).toMatchObject({ candidate: false });
    const all = score(w, { minLingers: 0, disabledRules: ['DislikeVeto', 'EligibilityGate', 'LingerGate'] });
    expect(row(all, '2')).toMatchObject({ candidate: true, active: true });
  });

  it('rejects unknown rule names, listing the known ones', () => {
    expect(() => score(worldWithFactors({}), { disabledRules: ['DislikeVeto', 'Nope'] })).toThrow(
      /unknown post rule\(s\) Nope; known: LingerGate, DislikeVeto, EligibilityGate, TotalPosPath, MinPosPath/,
    );
  });

  it('rejects thresholds outside their range', () => {
    expect(() => score(worldWithFactors({}), { quantileThreshold: 1.5 })).toThrow(
      /quantileThreshold 1.5 \(expected 0..1\)/,
    );
    expect(() => score(worldWithFactors({}), { factorSplitPoint: NaN, minLingers: -1 })).toThrow(
      /factorSplitPoint NaN.*minLingers -1/,
    );
  });

  it('resolves a repeated (userId, postId) to its latest updatedAt and warns with a count', () => {
    const w = worldWithFactors({ l0: L, r0: R });
    w.postRatings.push({ userId: 'l0', postId: '1', likeTags: NONE, dislikeTags: "['X']", updatedAt: 5 });
    w.postRatings.push({ userId: 'l0', postId: '1', likeTags: LIKE, dislikeTags: NONE, updatedAt: 9 });
    w.postRatings.push({ userId: 'l0', postId: '1', likeTags: NONE, dislikeTags: "['X']", updatedAt: 7 });
    like(w, '1', 'r0');
    const s = score(w);
    expect(row(s, '1')).toMatchObject({ L_pos: 1, L_neg: 0, R_pos: 1 });
    expect(s.warnings).toEqual([expect.stringMatching(/^2 postRatings row\(s\) repeat a \(userId, postId\) pair/)]);
  });

  it('sorts rows by actionTweetId as numbers and stamps scoredAtMillis', () => {
    const w = worldWithFactors({ l0: L });
    for (const id of ['10', '9', '18446744073709551', '-4', '100']) like(w, id, 'l0');
    const s = scorePosts(scoreInputOf(w, 1234), { minLingers: 0 });
    expect(s.actionTweetId).toEqual(['-4', '9', '10', '100', '18446744073709551']);
    expect(s.scoredAtMillis).toBe(1234);
  });

  it('explains an active post by the path it took and a candidate below both cut-offs', () => {
    const w = worldWithFactors({ l0: L, r0: R, l1: L, r1: R });
    for (const p of ['1', '2', '3', '4']) seenByBothSides(w, p);
    like(w, '1', 'l1');
    like(w, '1', 'r1');
    const s = score(w);
    expect(explainPost(s, 0).summary).toMatch(/^Active: .*minPos/);
    expect(explainPost(s, 1).summary).toMatch(/^Not active: a candidate, but below both cut-offs/);
  });
});
