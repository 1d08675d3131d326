/**
 * Cross-check: scorePosts against a deliberately naive reading of §12 written here with plain objects,
 * string keys and BigInt ids, on many seeded random small worlds (edge values included).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POST_RULE_NAMES, type PostScoringParams } from './postRules.ts';
import { scorePosts } from './scorePosts.ts';
import type { ScoredPosts } from './scoredPosts.ts';
import { coreNote, scoreInputOf, type PlainLevel, type PlainPostWorld } from './testing/plainPostWorld.ts';

interface NaiveRow {
  actionTweetId: string;
  counts: number[]; // L_pos M_pos R_pos L_neg M_neg R_neg linger_L linger_M linger_R
  boostId: string | null;
  eligible: boolean | null;
  minPos: number;
  maxPos: number;
  maxNeg: number;
  minLingers: number;
  totalPos: number;
  active: boolean;
}

function naiveScore(w: PlainPostWorld, p: PostScoringParams): { rows: NaiveRow[]; totalCut: number; minCut: number } {
  // Step 1: factors.
  // the reference inner-joins ratings with the admitted rows of users: one copy of a rating per such row
  const admittedRows = (user: string) => w.users.filter((u) => u.isAdmitted && u.userId === user).length;
  const goodNotes = new Map<string, number>();
  for (const n of w.scoredNotes) {
    const okDecider = ['CoreModel (v1.1)', 'ExpansionModel (v1.1)', 'ExpansionPlusModel (v1.1)'].includes(
      n.decidedBy ?? '',
    );
    if (n.classification === 'MISINFORMED_OR_POTENTIALLY_MISLEADING' && n.noteTopic === null && okDecider) {
      goodNotes.set(n.noteId, n.coreNoteFactor1);
    }
  }
  const perUser = new Map<string, number[]>();
  for (const r of w.noteRatings) {
    const copies = admittedRows(r.rater);
    if (copies === 0 || r.level === '' || !goodNotes.has(r.noteId)) continue;
    const f = goodNotes.get(r.noteId)!;
    if (!perUser.has(r.rater)) perUser.set(r.rater, []);
    for (let c = 0; c < copies; c++) perUser.get(r.rater)!.push(r.level === 'NOT_HELPFUL' ? -f : f);
  }
  const factor = new Map<string, number>();
  for (const [user, values] of perUser) {
    let sum = 0;
    let c = 0;
    let n = 0;
    for (const v of values) {
      if (Number.isNaN(v)) continue;
      const y = v - c;
      const t = sum + y;
      c = t - sum - y;
      sum = t;
      n++;
    }
    let f = n > 0 ? sum / n : NaN;
    if (Number.isNaN(f)) f = w.raterFactors.find((x) => x.raterParticipantId === user)?.coreRaterFactor1 ?? NaN;
    if (!Number.isNaN(f)) factor.set(user, f);
  }
  const bucketOf = (user: string): number | null => {
    const f = factor.get(user);
    if (f === undefined) return null;
    if (f < -p.factorSplitPoint) return 0;
    if (f < p.factorSplitPoint) return 1;
    return 2;
  };

  // Post ratings: latest per (user, post).
  const latest = new Map<string, PlainPostWorld['postRatings'][number]>();
  for (const r of w.postRatings) {
    const key = `${r.userId}|${r.postId}`;
    const prev = latest.get(key);
    if (prev === undefined || (r.updatedAt ?? 0) >= (prev.updatedAt ?? 0)) latest.set(key, r);
  }
  const isEmpty = (tags: string) => tags === '[]' || tags === "['NOT_APPLICABLE']";
  const posts = new Map<string, NaiveRow>();
  const rowOf = (id: string): NaiveRow => {
    if (!posts.has(id)) {
      posts.set(id, {
        actionTweetId: id,
        counts: [0, 0, 0, 0, 0, 0, 0, 0, 0],
        boostId: null,
        eligible: null,
        minPos: 0,
        maxPos: 0,
        maxNeg: 0,
        minLingers: 0,
        totalPos: 0,
        active: false,
      });
    }
    return posts.get(id)!;
  };
  for (const r of latest.values()) {
    const b = bucketOf(r.userId);
    if (!isEmpty(r.dislikeTags)) {
      const row = rowOf(r.postId);
      if (b !== null) row.counts[3 + b]++;
    } else if (!isEmpty(r.likeTags)) {
      const row = rowOf(r.postId);
      if (b !== null) row.counts[b]++;
    }
  }

  // Lingers.
  const seen = new Set<string>();
  const best = new Map<string, { boost: bigint | null; eligible: boolean | null; boostId: string | null }>();
  for (const a of w.postActions) {
    if (!a.isAdmitted) continue;
    const key = `${a.actionTweetId}|${a.userId}|${a.boostId}|${a.eligibleForActiveState}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const b = bucketOf(a.userId);
    if (b === null) continue;
    rowOf(a.actionTweetId).counts[6 + b]++;
    const boost = a.boostId === null ? null : BigInt(a.boostId);
    const cur = best.get(a.actionTweetId);
    const higher = cur === undefined || (boost !== null && (cur.boost === null || boost > cur.boost));
    if (higher) best.set(a.actionTweetId, { boost, eligible: a.eligibleForActiveState, boostId: a.boostId });
  }

  const on = (name: string) => !p.disabledRules.includes(name);
  const rows = [...posts.values()].sort((x, y) => (BigInt(x.actionTweetId) < BigInt(y.actionTweetId) ? -1 : 1));
  const isCandidate = (r: NaiveRow) =>
    (!on('LingerGate') || r.minLingers > p.minLingers) &&
    (!on('DislikeVeto') || r.maxNeg === 0) &&
    (!on('EligibilityGate') || r.eligible === true);
  for (const r of rows) {
    const c = r.counts;
    const e = best.get(r.actionTweetId);
    r.boostId = e?.boostId ?? null;
    r.eligible = e === undefined ? null : e.eligible;
    r.minPos = Math.min(c[0], c[2]);
    r.maxPos = Math.max(c[0], c[2]);
    r.maxNeg = Math.max(c[3], c[5]);
    r.minLingers = Math.min(c[6], c[8]);
    r.totalPos = c[0] + c[1] + c[2];
  }
  const percentile = (values: number[]): number => {
    if (values.length === 0) return NaN;
    const s = [...values].sort((a, b) => a - b);
    const pos = (s.length - 1) * p.quantileThreshold;
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, s.length - 1);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  };
  const cands = rows.filter(isCandidate);
  const cut = (v: number) => (Number.isNaN(v) ? 1 : Math.max(1, v));
  const totalCut = cut(percentile(cands.map((r) => r.totalPos)));
  const minCut = cut(percentile(cands.map((r) => r.minPos)));
  for (const r of rows) {
    r.active =
      isCandidate(r) && ((on('TotalPosPath') && r.totalPos >= totalCut) || (on('MinPosPath') && r.minPos >= minCut));
  }
  return { rows, totalCut, minCut };
}

function expectSameRows(got: ScoredPosts, want: ReturnType<typeof naiveScore>): void {
  expect(got.actionTweetId).toEqual(want.rows.map((r) => r.actionTweetId));
  expect(got.totalPosCutoff).toBeCloseTo(want.totalCut, 12);
  expect(got.minPosCutoff).toBeCloseTo(want.minCut, 12);
  want.rows.forEach((r, k) => {
    const counts = [
      got.L_pos,
      got.M_pos,
      got.R_pos,
      got.L_neg,
      got.M_neg,
      got.R_neg,
      got.linger_L,
      got.linger_M,
      got.linger_R,
    ].map((c) => c[k]);
    const e = got.eligibleForActiveState[k];
    expect({
      id: got.actionTweetId[k],
      counts,
      boostId: got.boostId[k],
      eligible: e < 0 ? null : e === 1,
      minPos: got.minPos[k],
      maxPos: got.maxPos[k],
      maxNeg: got.maxNeg[k],
      minLingers: got.minLingers[k],
      totalPos: got.totalPos[k],
      active: got.active[k] === 1,
    }).toEqual({
      id: r.actionTweetId,
      counts: r.counts,
      boostId: r.boostId,
      eligible: r.eligible,
      minPos: r.minPos,
      maxPos: r.maxPos,
      maxNeg: r.maxNeg,
      minLingers: r.minLingers,
      totalPos: r.totalPos,
      active: r.active,
    });
  });
}

const USERS = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'];
const NOTE_IDS = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
const POSTS = ['1', '2', '3', '10', '9223372036854775807', '9007199254740993', '9007199254740992', '-5'];
const BOOSTS = [null, '1', '2', '10', '9', '9007199254740993', '9007199254740992', '18446744073709551'];
const TAGS = ['[]', "['NOT_APPLICABLE']", "['INFORMATIVE']", "['INFORMATIVE', 'FUNNY']"];
const FACTORS = [NaN, -0.15, 0.15, -0.1500000001, 0.1499999999, 0, 0.9, -0.7, 0.05, -0.3];
const LEVELS: PlainLevel[] = ['', 'HELPFUL', 'SOMEWHAT_HELPFUL', 'NOT_HELPFUL'];

const world = fc.record({
  users: fc.array(fc.record({ userId: fc.constantFrom(...USERS), isAdmitted: fc.boolean() }), { maxLength: 12 }),
  noteRatings: fc.array(
    fc.record({
      noteId: fc.constantFrom(...NOTE_IDS),
      rater: fc.constantFrom(...USERS),
      level: fc.constantFrom(...LEVELS),
    }),
    { maxLength: 30 },
  ),
  scoredNotes: fc.uniqueArray(
    fc.record({
      noteId: fc.constantFrom(...NOTE_IDS),
      classification: fc.constantFrom(
        'MISINFORMED_OR_POTENTIALLY_MISLEADING',
        'MISINFORMED_OR_POTENTIALLY_MISLEADING',
        'NOT_MISLEADING',
        null,
      ),
      noteTopic: fc.constantFrom(null, null, null, 'Scams'),
      decidedBy: fc.constantFrom(
        'CoreModel (v1.1)',
        'ExpansionModel (v1.1)',
        'ExpansionPlusModel (v1.1)',
        'GroupModel01 (v1.1)',
        null,
      ),
      coreNoteFactor1: fc.constantFrom(...FACTORS),
    }),
    { selector: (n) => n.noteId, maxLength: 6 },
  ),
  raterFactors: fc.uniqueArray(
    fc.record({ raterParticipantId: fc.constantFrom(...USERS), coreRaterFactor1: fc.constantFrom(...FACTORS) }),
    { selector: (r) => r.raterParticipantId, maxLength: 10 },
  ),
  postRatings: fc.array(
    fc.record({
      userId: fc.constantFrom(...USERS, 'stranger'),
      postId: fc.constantFrom(...POSTS),
      likeTags: fc.constantFrom(...TAGS),
      dislikeTags: fc.constantFrom(...TAGS, '[]', '[]'),
      boostId: fc.constantFrom(...BOOSTS),
      updatedAt: fc.integer({ min: 0, max: 3 }),
    }),
    { maxLength: 40 },
  ),
  postActions: fc.array(
    fc.record({
      actionTweetId: fc.constantFrom(...POSTS),
      userId: fc.constantFrom(...USERS, 'stranger'),
      boostId: fc.constantFrom(...BOOSTS),
      eligibleForActiveState: fc.constantFrom(true, true, false, null),
      isAdmitted: fc.constantFrom(true, true, true, false),
    }),
    { maxLength: 60 },
  ),
});

const params = fc.record({
  factorSplitPoint: fc.constantFrom(0.15, 0.15, 0.3, 0),
  minLingers: fc.constantFrom(0, 0, 1, 2, 29),
  quantileThreshold: fc.constantFrom(0.7, 0.7, 0, 0.5, 1, 0.33),
  disabledRules: fc.subarray([...POST_RULE_NAMES], { maxLength: 2 }),
});

describe('scorePosts agrees with a naive reading of §12', () => {
  it('row for row on seeded random small worlds', () => {
    fc.assert(
      fc.property(world, params, (w, p) => {
        const got = scorePosts(scoreInputOf(w, 77), p);
        const want = naiveScore(w, p);
        expectSameRows(got, want);
      }),
      { seed: 20261204, numRuns: 600 },
    );
  });

  it('row for row when posts are seen widely (many lingers, candidates and cut-offs in play)', () => {
    // every user admitted with a base factor (u0-u3 L, u4-u5 M, u6-u9 R), every action repeated by every user
    const base = (k: number) => (k < 4 ? 'b0' : k < 6 ? 'b1' : 'b2');
    const wide = world.map((w) => ({
      ...w,
      users: [...USERS.map((userId) => ({ userId, isAdmitted: true })), ...w.users],
      scoredNotes: [
        ...(['b0', 'b1', 'b2'] as const).map((noteId, k) => ({ ...coreNote(noteId, [-0.5, 0, 0.5][k]) })),
        ...w.scoredNotes,
      ],
      noteRatings: [
        ...USERS.map((rater, k) => ({ noteId: base(k), rater, level: 'HELPFUL' as const })),
        ...w.noteRatings,
      ],
      postActions: [...w.postActions, ...w.postActions.flatMap((a) => USERS.map((userId) => ({ ...a, userId })))],
      // like waves: ratings without dislikes copied to 1-10 users, newer than the originals
      postRatings: [
        ...w.postRatings,
        ...w.postRatings
          .filter((r) => r.dislikeTags === '[]')
          .flatMap((r) =>
            USERS.slice(0, 1 + r.updatedAt * 3).map((userId) => ({ ...r, userId, updatedAt: r.updatedAt + 10 })),
          ),
      ],
    }));
    const seen = { candidates: 0, active: 0, cutAboveOne: 0 };
    fc.assert(
      fc.property(wide, params, (w, p) => {
        const got = scorePosts(scoreInputOf(w, 1), p);
        const want = naiveScore(w, p);
        if (got.candidates > 0) seen.candidates++;
        if (got.active.includes(1)) seen.active++;
        if (got.totalPosCutoff > 1) seen.cutAboveOne++;
        expectSameRows(got, want);
      }),
      { seed: 7, numRuns: 300 },
    );
    // the generator must reach the interesting cases, not only empty outputs
    expect(seen.candidates).toBeGreaterThan(30);
    expect(seen.active).toBeGreaterThan(30);
    expect(seen.cutAboveOne).toBeGreaterThan(5);
  });
});
