// Post scoring benchmark (robustness spec §12), one process:
//   npx tsx bench/scorePosts.bench.ts [--ratings 1000000] [--lingers 1000000] [--users 100000] [--iterations 5]
// Builds a seeded synthetic pilot: 100 k users (90 % admitted) placed on a left-right axis, 20 k notes scored by the
// note model (factors, classifications, topics, deciders as scored_notes would give them), 5 note ratings per user,
// 20 k posts with skewed popularity and 1-3 boosts each (ids past 2^53; a quarter of them draw dislikes), then 1 M
// post ratings and 1 M lingers. Times scorePosts alone (the note outputs are already in memory, as after `bridgelab
// score`), several iterations, and prints one JSON line {bench, postRatings, lingers, users, posts, msMedian, msMin,
// msMax, cpuMsMedian, loadAverage, check}, also appended to bench/results/posts.jsonl. The check: identical results on every
// iteration; rows sorted by id; the bucket totals equal an independent count over the rows (latest rating per user
// and post by a Map); every active post passes the gates and reaches a cut-off; some posts active.
import { appendFileSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  Dictionary,
  FLAG,
  LEVEL_HELPFUL,
  LEVEL_NOT_HELPFUL,
  LEVEL_SOMEWHAT_HELPFUL,
  compareDecimalIds,
  emptyPostIds,
  participantFactors,
  randomNormal,
  randomSeeded,
  scorePosts,
  type ScorePostsInput,
  type ScoredPosts,
} from '../sim/index.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N_RATINGS = opt('ratings', 1_000_000);
const N_LINGERS = opt('lingers', 1_000_000);
const N_USERS = opt('users', 100_000);
const ITERATIONS = opt('iterations', 5);
const N_NOTES = 20_000;
const N_POSTS = 20_000;
const root = join(import.meta.dirname, '..');

function synthetic(seed: number): ScorePostsInput {
  const random = randomSeeded(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const ids = emptyPostIds();
  const side = new Float64Array(N_USERS);
  for (let u = 0; u < N_USERS; u++) {
    ids.participants.intern((0x10000000 + u * 7919).toString(16).toUpperCase());
    side[u] = Math.max(-1, Math.min(1, randomNormal(random, 0, 0.45)));
  }
  const isAdmitted = Uint8Array.from({ length: N_USERS }, () => (random() < 0.9 ? 1 : 0));

  // Note model outputs: scored notes and rater factors.
  const noteIds = new Dictionary();
  const noteFactor = new Float64Array(N_NOTES);
  const scoredNotes = { length: N_NOTES, noteId: [] as string[], classification: [] as (string | null)[] };
  const noteTopic: (string | null)[] = [];
  const decidedBy: (string | null)[] = [];
  const deciders = ['CoreModel (v1.1)', 'ExpansionModel (v1.1)', 'ExpansionPlusModel (v1.1)', 'GroupModel01 (v1.1)'];
  for (let n = 0; n < N_NOTES; n++) {
    const id = String(1800000000000000000n + BigInt(n) * 104729n);
    noteIds.intern(id);
    scoredNotes.noteId.push(id);
    noteFactor[n] = random() < 0.04 ? NaN : Math.max(-1, Math.min(1, randomNormal(random, 0, 0.5)));
    scoredNotes.classification.push(random() < 0.8 ? 'MISINFORMED_OR_POTENTIALLY_MISLEADING' : 'NOT_MISLEADING');
    noteTopic.push(random() < 0.05 ? 'Scams' : null);
    decidedBy.push(random() < 0.1 ? null : deciders[pick(deciders.length)]);
  }
  const ratingsPerUser = 5;
  const nNoteRatings = N_USERS * ratingsPerUser;
  const note = new Int32Array(nNoteRatings);
  const rater = new Int32Array(nNoteRatings);
  const flags = new Uint32Array(nNoteRatings);
  for (let i = 0; i < nNoteRatings; i++) {
    const u = Math.floor(i / ratingsPerUser);
    const n = pick(N_NOTES);
    note[i] = n;
    rater[i] = u;
    const agree = (Number.isNaN(noteFactor[n]) ? 0 : noteFactor[n]) * side[u] + randomNormal(random, 0, 0.2);
    const level =
      random() < 0.03 ? 0 : agree > 0.05 ? LEVEL_HELPFUL : agree > -0.05 ? LEVEL_SOMEWHAT_HELPFUL : LEVEL_NOT_HELPFUL;
    flags[i] = level << FLAG.levelShift;
  }
  const coreRaterFactor1 = Float64Array.from(side, (s) => (random() < 0.05 ? NaN : s + randomNormal(random, 0, 0.1)));

  // Posts: skewed popularity, 1-3 boosts each with ids past 2^53.
  const boostsOf: number[][] = [];
  for (let p = 0; p < N_POSTS; p++) {
    ids.posts.intern(String(1850000000000000000n + BigInt(p) * 7777n));
    const k = 1 + pick(3);
    boostsOf.push(Array.from({ length: k }, () => ids.boosts.intern(String(1860000000000000000n + BigInt(pick(1e9))))));
  }
  const popularPost = () => Math.min(N_POSTS - 1, Math.floor(N_POSTS * random() ** 2));
  // a quarter of the posts draw dislikes (8 % of their ratings); the others none, so many posts reach candidacy
  const divisive = Uint8Array.from({ length: N_POSTS }, () => (random() < 0.25 ? 1 : 0));
  const tagLists = ["['INFORMATIVE']", "['INFORMATIVE', 'FUNNY']", "['THOUGHTFUL']", '[]', "['NOT_APPLICABLE']"];
  const dislikeLists = ["['MISLEADING']", "['SPAM', 'MISLEADING']"];
  const tag = tagLists.map((t) => ids.tagLists.intern(t));
  const disTag = dislikeLists.map((t) => ids.tagLists.intern(t));

  const r = {
    length: N_RATINGS,
    boost: new Int32Array(N_RATINGS),
    user: new Int32Array(N_RATINGS),
    createdAt: new Float64Array(N_RATINGS),
    negativeTimestamp: new Float64Array(N_RATINGS).fill(NaN),
    contributorType: new Array<string | null>(N_RATINGS).fill('CONTRIBUTOR'),
    likeTags: new Int32Array(N_RATINGS),
    dislikeTags: new Int32Array(N_RATINGS),
    post: new Int32Array(N_RATINGS),
    updatedAt: new Float64Array(N_RATINGS),
  };
  for (let i = 0; i < N_RATINGS; i++) {
    const p = popularPost();
    r.post[i] = p;
    r.user[i] = pick(N_USERS);
    r.boost[i] = boostsOf[p][pick(boostsOf[p].length)];
    r.createdAt[i] = 1750000000000 + i * 1000;
    r.updatedAt[i] = r.createdAt[i] + pick(1e6);
    const x = random();
    if (divisive[p] === 1 && x < 0.08) {
      r.likeTags[i] = tag[3];
      r.dislikeTags[i] = disTag[pick(2)];
      r.negativeTimestamp[i] = r.createdAt[i];
    } else {
      r.likeTags[i] = x < 0.9 ? tag[pick(3)] : tag[3 + pick(2)];
      r.dislikeTags[i] = random() < 0.5 ? tag[3] : tag[4];
    }
  }
  const a = {
    length: N_LINGERS,
    post: new Int32Array(N_LINGERS),
    user: new Int32Array(N_LINGERS),
    boost: new Int32Array(N_LINGERS),
    eligibleForActiveState: new Uint8Array(N_LINGERS),
    isAdmitted: new Uint8Array(N_LINGERS),
  };
  for (let i = 0; i < N_LINGERS; i++) {
    const p = popularPost();
    const u = pick(N_USERS);
    a.post[i] = p;
    a.user[i] = u;
    a.boost[i] = boostsOf[p][pick(boostsOf[p].length)];
    a.eligibleForActiveState[i] = random() < 0.85 ? 1 : 0;
    a.isAdmitted[i] = isAdmitted[u];
  }
  return {
    posts: {
      ids,
      users: { length: N_USERS, user: Int32Array.from({ length: N_USERS }, (_, u) => u), isAdmitted },
      postRatings: r,
      postActions: a,
    },
    noteRatings: {
      participants: ids.participants,
      noteIds,
      ratings: {
        length: nNoteRatings,
        note,
        rater,
        createdAt: new Float64Array(nNoteRatings),
        flags,
        helpful2: new Uint8Array(nNoteRatings),
      },
    },
    noteModel: {
      scoredNotes: { ...scoredNotes, noteTopic, decidedBy, coreNoteFactor1: noteFactor },
      raterFactors: { length: N_USERS, raterParticipantId: ids.participants.values, coreRaterFactor1 },
    },
    scoredAtMillis: 1751000000000,
  };
}

/** Problems found in `s` by independent means (see the header). */
function check(input: ScorePostsInput, s: ScoredPosts, first: ScoredPosts): string[] {
  const problems: string[] = [];
  const { ids, users, postRatings: r } = input.posts;
  for (let k = 1; k < s.length; k++) {
    if (compareDecimalIds(s.actionTweetId[k - 1], s.actionTweetId[k]) >= 0) {
      problems.push(`rows not sorted at ${k}`);
      break;
    }
  }
  if (
    s !== first &&
    (s.length !== first.length ||
      s.active.some((v, k) => v !== first.active[k]) ||
      s.totalPos.some((v, k) => v !== first.totalPos[k]))
  ) {
    problems.push('results differ between iterations');
  }
  const factor = participantFactors(users, ids.participants, input.noteRatings, input.noteModel);
  const latest = new Map<string, number>();
  for (let i = 0; i < r.length; i++) {
    const key = `${r.user[i]}:${r.post[i]}`;
    const prev = latest.get(key);
    if (prev === undefined || r.updatedAt[i] >= r.updatedAt[prev]) latest.set(key, i);
  }
  const empty = new Set(['[]', "['NOT_APPLICABLE']"]);
  let pos = 0;
  let neg = 0;
  for (const i of latest.values()) {
    if (Number.isNaN(factor[r.user[i]])) continue;
    if (!empty.has(ids.tagLists.values[r.dislikeTags[i]])) neg++;
    else if (!empty.has(ids.tagLists.values[r.likeTags[i]])) pos++;
  }
  const sum = (...cols: Int32Array[]) => cols.reduce((t, c) => t + c.reduce((a, b) => a + b, 0), 0);
  if (sum(s.L_pos, s.M_pos, s.R_pos) !== pos)
    problems.push(`positive total ${sum(s.L_pos, s.M_pos, s.R_pos)}, expected ${pos}`);
  if (sum(s.L_neg, s.M_neg, s.R_neg) !== neg)
    problems.push(`negative total ${sum(s.L_neg, s.M_neg, s.R_neg)}, expected ${neg}`);
  let active = 0;
  for (let k = 0; k < s.length; k++) {
    if (s.active[k] !== 1) continue;
    active++;
    const gates = s.minLingers[k] > s.params.minLingers && s.maxNeg[k] === 0 && s.eligibleForActiveState[k] === 1;
    const path = s.totalPos[k] >= s.totalPosCutoff || s.minPos[k] >= s.minPosCutoff;
    if (!gates || !path) problems.push(`post ${s.actionTweetId[k]} active without passing the rules`);
  }
  if (active === 0) problems.push('no post active');
  return problems.slice(0, 5);
}

const t0 = performance.now();
const input = synthetic(20261204);
const generateSeconds = (performance.now() - t0) / 1000;
const times: number[] = [];
const cpuTimes: number[] = [];
let first: ScoredPosts | null = null;
let last: ScoredPosts | null = null;
for (let it = 0; it < ITERATIONS; it++) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  last = scorePosts(input);
  times.push(performance.now() - t);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
  first ??= last;
}
const problems = check(input, last!, first!);
const sorted = [...times].sort((x, y) => x - y);
const cpuSorted = [...cpuTimes].sort((x, y) => x - y);
const line = {
  bench: 'scorePosts',
  date: new Date().toISOString(),
  postRatings: N_RATINGS,
  lingers: N_LINGERS,
  users: N_USERS,
  noteRatings: input.noteRatings.ratings.length,
  posts: last!.length,
  candidates: last!.candidates,
  active: last!.active.reduce((x, y) => x + y, 0),
  iterations: ITERATIONS,
  msMedian: Number(sorted[Math.floor(sorted.length / 2)].toFixed(1)),
  msMin: Number(sorted[0].toFixed(1)),
  msMax: Number(sorted[sorted.length - 1].toFixed(1)),
  // CPU time of the process during each call (GC threads included): less sensitive to a shared machine than wall time
  cpuMsMedian: Number(cpuSorted[Math.floor(cpuSorted.length / 2)].toFixed(1)),
  generateSeconds: Number(generateSeconds.toFixed(2)),
  loadAverage: Number(loadavg()[0].toFixed(2)),
  peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  check: problems.length === 0 ? 'ok' : `FAILED: ${problems.join('; ')}`,
};
console.log(JSON.stringify(line));
if (!args.includes('--no-record')) {
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  appendFileSync(join(root, 'bench', 'results', 'posts.jsonl'), JSON.stringify(line) + '\n');
}
if (problems.length > 0) process.exitCode = 1;
