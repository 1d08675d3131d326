import { randomNormal, type RandomSource } from '../random/random.ts';
import { CLASS_MISLEADING, CLASS_NOT_MISLEADING } from '../data/tables.ts';
import type { WorldParams } from '../scenario/scenarioTypes.ts';
import { WORLD_TOPICS } from '../scenario/schema.ts';
import { ID_WORKER, snowflakeIds } from './ids.ts';
import type { ParticipantsBuilder } from './population.ts';
import { aliasSampler, clamp, randomExponential, randomInt, randomLogNormal } from './sampling.ts';
import { noteSummary } from './vocabulary.ts';
import {
  ROLE_AI_WRITER,
  WRITER_ADVERSARY,
  WRITER_AI,
  WRITER_HUMAN,
  type Posts,
  type WorldNotes,
} from './worldTypes.ts';

/**
 * Posts of the simulated period: creation uniform over [start − min(1 day, 2 × noteDelayHours), end), log-normal
 * virality, a uniform slant, a topic for `topicFraction` of them.
 */
export function generatePosts(p: WorldParams, start: number, end: number, random: RandomSource): Posts {
  const n = Math.max(1, Math.round(p.notes / p.notesPerPost));
  const from = start - Math.min(86_400_000, 2 * p.noteDelayHours * 3_600_000);
  const createdAt = new Float64Array(n);
  for (let i = 0; i < n; i++) createdAt[i] = Math.floor(from + random() * (end - from));
  createdAt.sort();
  const topic: string[] = [];
  const virality = new Float64Array(n);
  const slant = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    virality[i] = randomLogNormal(random, 0, p.viralitySigma);
    topic.push(random() < p.topicFraction ? WORLD_TOPICS[randomInt(random, WORLD_TOPICS.length)] : '');
    slant[2 * i] = 2 * random() - 1;
    slant[2 * i + 1] = p.perspectiveDims === 2 ? 2 * random() - 1 : 0;
  }
  return { length: n, tweetId: snowflakeIds(createdAt, ID_WORKER.post), createdAt, topic, slant, virality };
}

/** Tags a note can lean on (HELPFUL_TAGS / NOT_HELPFUL_TAGS indices): what raters most often say about it. */
export const TAG_TENDENCIES = {
  helpful: [1, 2, 4, 5, 6, 7, 8],
  notHelpful: [1, 2, 3, 4, 5, 6, 7, 11],
} as const;

/** One note as the builder takes it (no id yet). */
export interface NoteInput {
  post: number;
  author: number;
  createdAt: number;
  helpfulness: number;
  slant: [number, number];
  classification: number;
  summary: string;
  topic: string;
  homeGroup: number;
  abusive: boolean;
  helpfulTag: number;
  notHelpfulTag: number;
  writerKind: number;
  adversary: number;
  virality: number;
}

/** Collects notes, then sorts them by creation time and assigns ids (organic and adversary ids independently). */
export class NotesBuilder {
  readonly rows: NoteInput[] = [];

  add(note: NoteInput): void {
    this.rows.push(note);
  }

  build(): WorldNotes {
    const order = this.rows.map((_, i) => i).sort((a, b) => this.rows[a].createdAt - this.rows[b].createdAt || a - b);
    const rows = order.map((i) => this.rows[i]);
    const n = rows.length;
    const id = new Array<string>(n);
    for (const adversarial of [false, true]) {
      const idx = rows
        .map((r, i) => ((r.writerKind === WRITER_ADVERSARY) === adversarial ? i : -1))
        .filter((i) => i >= 0);
      const ids = snowflakeIds(
        idx.map((i) => rows[i].createdAt),
        adversarial ? ID_WORKER.adversaryNote : ID_WORKER.organicNote,
      );
      idx.forEach((i, k) => (id[i] = ids[k]));
    }
    const slant = new Float64Array(2 * n);
    rows.forEach((r, i) => {
      slant[2 * i] = r.slant[0];
      slant[2 * i + 1] = r.slant[1];
    });
    return {
      length: n,
      id,
      post: Int32Array.from(rows, (r) => r.post),
      author: Int32Array.from(rows, (r) => r.author),
      createdAt: Float64Array.from(rows, (r) => r.createdAt),
      helpfulness: Float64Array.from(rows, (r) => r.helpfulness),
      slant,
      classification: Uint8Array.from(rows, (r) => r.classification),
      summary: rows.map((r) => r.summary),
      topic: rows.map((r) => r.topic),
      homeGroup: Float64Array.from(rows, (r) => r.homeGroup),
      abusive: Uint8Array.from(rows, (r) => (r.abusive ? 1 : 0)),
      helpfulTag: Uint8Array.from(rows, (r) => r.helpfulTag),
      notHelpfulTag: Uint8Array.from(rows, (r) => r.notHelpfulTag),
      writerKind: Uint8Array.from(rows, (r) => r.writerKind),
      adversary: Int16Array.from(rows, (r) => r.adversary),
      virality: Float64Array.from(rows, (r) => r.virality),
    };
  }
}

/**
 * The organic notes: each on a post drawn by virality, written `Exp(noteDelayHours)` after it (before `end`:
 * otherwise another post is drawn), by
 * a human writer (drawn by writing propensity) or, for `aiNoteShare` of notes, an AI writer. Helpfulness = the
 * writer's quality + N(0, noteNoiseSd) (AI: N(0, aiQualitySd)); slant leans against the post's and follows the
 * author's perspective by `slantFollowsAuthor`; abusive notes lose 1.5 helpfulness; each note has a helpful and a
 * not-helpful tag raters reach for more often (its tag tendencies).
 */
export function addOrganicNotes(
  out: NotesBuilder,
  p: WorldParams,
  people: ParticipantsBuilder,
  posts: Posts,
  end: number,
  random: RandomSource,
): void {
  const humans: number[] = [];
  const ais: number[] = [];
  for (let i = 0; i < people.length; i++) {
    const q = people.get(i);
    if (q.role === ROLE_AI_WRITER) ais.push(i);
    else if (q.writing > 0) humans.push(i);
  }
  if (humans.length === 0 && ais.length === 0) {
    throw new Error('world: nobody writes notes (world.authorFraction is 0 and there are no AI writers)');
  }
  const pickHuman = humans.length > 0 ? aliasSampler(humans.map((i) => people.get(i).writing)) : null;
  const pickPost = aliasSampler(posts.virality);
  const raterGroups: number[] = [];
  for (let i = 0; i < people.organicRaters; i++) {
    const g = people.get(i).modelingGroup;
    if (!Number.isNaN(g)) raterGroups.push(g);
  }
  const aiShare = ais.length === 0 ? 0 : pickHuman === null ? 1 : p.aiNoteShare;
  for (let k = 0; k < p.notes; k++) {
    // A note whose delay runs past the end goes to another post (late posts get fewer notes, as they would).
    let post = pickPost(random);
    let createdAt = posts.createdAt[post] + randomExponential(random, p.noteDelayHours * 3_600_000);
    for (let tries = 0; createdAt >= end && tries < 50; tries++) {
      post = pickPost(random);
      createdAt = posts.createdAt[post] + randomExponential(random, p.noteDelayHours * 3_600_000);
    }
    if (createdAt >= end) createdAt = posts.createdAt[post] + random() * (end - posts.createdAt[post]);
    createdAt = Math.min(Math.floor(createdAt), end - 1);
    const ai = random() < aiShare;
    const author = ai ? ais[randomInt(random, ais.length)] : humans[pickHuman!(random)];
    const writer = people.get(author);
    const noise = randomNormal(random, 0, ai ? p.aiQualitySd : p.noteNoiseSd);
    const abusive = random() < p.abusiveFraction;
    // A note leans against the post's claim, and towards its author's perspective by slantFollowsAuthor.
    const a = p.slantFollowsAuthor;
    const lean = (k: number) =>
      clamp(a * writer.perspective[k] + (1 - a) * (-0.8 * posts.slant[2 * post + k] + 0.4 * (random() - 0.5)), -1, 1);
    const slant: [number, number] = [lean(0), p.perspectiveDims === 2 ? lean(1) : 0];
    const homeGroup = Number.isNaN(writer.modelingGroup)
      ? raterGroups.length > 0
        ? raterGroups[randomInt(random, raterGroups.length)]
        : NaN
      : writer.modelingGroup;
    const topic = posts.topic[post];
    out.add({
      post,
      author,
      createdAt,
      helpfulness: writer.writerQuality + noise - (abusive ? 1.5 : 0),
      slant,
      classification: random() < p.notMisleadingFraction ? CLASS_NOT_MISLEADING : CLASS_MISLEADING,
      summary: noteSummary(random, topic),
      topic,
      homeGroup,
      abusive,
      helpfulTag: TAG_TENDENCIES.helpful[randomInt(random, TAG_TENDENCIES.helpful.length)],
      notHelpfulTag: TAG_TENDENCIES.notHelpful[randomInt(random, TAG_TENDENCIES.notHelpful.length)],
      writerKind: ai ? WRITER_AI : WRITER_HUMAN,
      adversary: -1,
      virality: posts.virality[post],
    });
  }
}
