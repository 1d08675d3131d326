import type { NoteInfo } from '../noteInfo.ts';
import { buildPostTexts } from './postText.ts';
import { N_TOPICS, seedLabels, Topic, UNASSIGNED_THRESHOLD, type SeedLabelCache } from './seedTopics.ts';
import { fitTopicClassifier, topicProbabilities, type TopicClassifier } from './topicClassifier.ts';

/** Minimum balanced accuracy of the classifier's argmax against the seed labels; the reference aborts below. */
export const MIN_BALANCED_ACCURACY = 0.35;

/**
 * A trained topic model. `classifier` is null when training was impossible (fewer than 2 seed classes among the
 * non-conflicted posts, or an empty vocabulary: cases where the reference's scikit-learn pipeline raises); the
 * model then assigns seed labels only and `fallbackReason` says why.
 */
export interface TopicModel {
  classifier: TopicClassifier | null;
  fallbackReason: string | null;
  /** posts seen in training, training posts (non-conflicted), and seed label counts by topic code */
  training: { posts: number; trainingPosts: number; seedCounts: number[]; conflicted: number };
}

/**
 * Trains the topic classifier in prescoring (scoring-core.md §4 steps 1–3) on the posts of `notesToUse`
 * (default: every note with a known post id), each post's text made of those notes' summaries. Trains on the
 * non-conflicted posts with their seed labels (Unassigned is a class).
 *
 * `cache` (also a parameter of predictNoteTopics) spares labelling a post text twice.
 *
 * @example const model = trainTopicModel(noteInfo); const topics = predictNoteTopics(model, noteInfo, universe);
 */
export function trainTopicModel(noteInfo: NoteInfo, notesToUse?: Int32Array, cache?: SeedLabelCache): TopicModel {
  const posts = buildPostTexts(noteInfo, notesToUse);
  const { labels, conflicted } = seedLabels(posts.texts, cache);
  const seedCounts = new Array<number>(N_TOPICS).fill(0);
  const trainTexts: string[] = [];
  const trainLabels: number[] = [];
  labels.forEach((label, i) => {
    if (conflicted[i] !== null) return;
    seedCounts[label]++;
    trainTexts.push(posts.texts[i]);
    trainLabels.push(label);
  });
  const training = {
    posts: posts.texts.length,
    trainingPosts: trainTexts.length,
    seedCounts,
    conflicted: posts.texts.length - trainTexts.length,
  };
  const fitted = fitTopicClassifier(trainTexts, trainLabels, posts.texts.length);
  if (typeof fitted === 'string') return { classifier: null, fallbackReason: fitted, training };
  return { classifier: fitted, fallbackReason: null, training };
}

/**
 * Topic of every note on the posts of `notes` (§4 steps 1, 2, 4, 5): each such post's text is built from ALL
 * notes on it (as the reference does in final scoring), seed-labelled, scored by the classifier and merged with
 * the seed labels. Returns one code per global note index (0 = Unassigned / not on one of these posts). Throws
 * when the classifier's balanced accuracy on the non-conflicted posts is ≤ 0.35, as the reference aborts.
 */
export function predictNoteTopics(
  model: TopicModel,
  noteInfo: NoteInfo,
  notes: Int32Array,
  cache?: SeedLabelCache,
): Int8Array {
  const tweets = new Set<string>();
  for (const k of notes) {
    if (k < 0 || k >= noteInfo.size)
      throw new Error(`predictNoteTopics: note index ${k} outside [0, ${noteInfo.size})`);
    const t = noteInfo.tweetId[k];
    if (t !== null && t !== undefined) tweets.add(t);
  }
  const onPosts: number[] = [];
  for (let k = 0; k < noteInfo.size; k++) if (tweets.has(noteInfo.tweetId[k] as string)) onPosts.push(k);
  const posts = buildPostTexts(noteInfo, Int32Array.from(onPosts));
  const seeds = seedLabels(posts.texts, cache);
  let postTopics: Int8Array;
  if (model.classifier === null) {
    postTopics = Int8Array.from(seeds.labels);
  } else {
    const probs = topicProbabilities(model.classifier, posts.texts);
    checkBalancedAccuracy(probs, seeds.labels, seeds.conflicted);
    postTopics = mergePredictions(probs, seeds.labels, seeds.conflicted);
  }
  const out = new Int8Array(noteInfo.size);
  for (let p = 0; p < posts.postIds.length; p++) {
    for (let q = posts.start[p]; q < posts.start[p + 1]; q++) out[posts.notes[q]] = postTopics[p];
  }
  return out;
}

/**
 * Merges class probabilities (n × N_TOPICS) with seed labels (§4 step 4): argmax; a seeded post keeps its label
 * L when 1 − p_L ≤ threshold(L); a conflicted post takes its most probable matched topic when that topic passes
 * the same test (equal probabilities: the lower topic code).
 */
export function mergePredictions(
  probs: Float64Array,
  labels: Int8Array,
  conflicted: readonly (number[] | null)[],
): Int8Array {
  const n = labels.length;
  const out = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const row = i * N_TOPICS;
    let best = 0;
    for (let c = 1; c < N_TOPICS; c++) if (probs[row + c] > probs[row + best]) best = c;
    out[i] = best;
    const L = labels[i];
    if (L !== Topic.Unassigned && 1 - probs[row + L] <= UNASSIGNED_THRESHOLD[L]) out[i] = L;
    const set = conflicted[i];
    if (set !== null) {
      let top = -1;
      for (const c of set) if (top < 0 || probs[row + c] > probs[row + top]) top = c;
      if (top > 0 && 1 - probs[row + top] <= UNASSIGNED_THRESHOLD[top]) out[i] = top;
    }
  }
  return out;
}

/** Mean per-class recall over the classes present in `truth` (scikit-learn's balanced_accuracy_score). */
export function balancedAccuracy(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const support = new Map<number, number>();
  const hits = new Map<number, number>();
  for (let i = 0; i < truth.length; i++) {
    support.set(truth[i], (support.get(truth[i]) ?? 0) + 1);
    if (truth[i] === predicted[i]) hits.set(truth[i], (hits.get(truth[i]) ?? 0) + 1);
  }
  if (support.size === 0) return NaN;
  let sum = 0;
  for (const [c, s] of support) sum += (hits.get(c) ?? 0) / s;
  return sum / support.size;
}

function checkBalancedAccuracy(probs: Float64Array, labels: Int8Array, conflicted: readonly (number[] | null)[]): void {
  const truth: number[] = [];
  const predicted: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (conflicted[i] !== null) continue;
    let best = 0;
    for (let c = 1; c < N_TOPICS; c++) if (probs[i * N_TOPICS + c] > probs[i * N_TOPICS + best]) best = c;
    truth.push(labels[i]);
    predicted.push(best);
  }
  const accuracy = balancedAccuracy(truth, predicted);
  if (accuracy <= MIN_BALANCED_ACCURACY) {
    throw new Error(
      `topic classifier: balanced accuracy ${accuracy.toFixed(3)} against the seed labels is not above ${MIN_BALANCED_ACCURACY} (the reference aborts the run here)`,
    );
  }
}
