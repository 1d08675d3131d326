import { describe, expect, it } from 'vitest';
import { makeNoteInfo, type NoteRow } from '../clustering/testTables.ts';
import { balancedAccuracy, mergePredictions, predictNoteTopics, trainTopicModel } from './assignTopics.ts';
import { N_TOPICS, Topic } from './seedTopics.ts';

const row = (p: Partial<Record<number, number>>): number[] => {
  const r = new Array<number>(N_TOPICS).fill(0);
  for (const [k, v] of Object.entries(p)) r[Number(k)] = v!;
  return r;
};

describe('mergePredictions', () => {
  it('keeps a seed label unless the model is more than 99 % (98 % for InDimensionTwo) sure it is wrong', () => {
    const probs = Float64Array.from([
      ...row({ 0: 0.98, 4: 0.02 }), // seeded Scams, 1 − p = 0.98 ≤ 0.99: keeps Scams
      ...row({ 0: 0.995, 4: 0.005 }), // seeded Scams, 1 − p = 0.995: model wins (Unassigned)
      ...row({ 0: 0.985, 5: 0.015 }), // seeded InDimensionTwo, 1 − p = 0.985 > 0.98: Unassigned
      ...row({ 0: 0.3, 1: 0.7 }), // unseeded: argmax UkraineConflict
      ...row({ 0: 0.6, 1: 0.25, 2: 0.15 }), // conflicted {1, 2}: most probable 1 passes
      ...row({ 0: 0.996, 1: 0.002, 2: 0.002 }), // conflicted {1, 2}: tie, none passes: stays argmax
    ]);
    const labels = Int8Array.from([4, 4, 5, 0, 0, 0]);
    const conflicted = [null, null, null, null, [1, 2], [1, 2]];
    expect(Array.from(mergePredictions(probs, labels, conflicted))).toEqual([4, 0, 0, 1, 1, 0]);
  });
});

describe('balancedAccuracy', () => {
  it('averages recall over the classes present in the truth (scikit-learn example)', () => {
    expect(balancedAccuracy([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1])).toBeCloseTo(0.625, 12);
    expect(balancedAccuracy([2, 2], [3, 3])).toBe(0);
  });
});

/** 30 war posts seeded by "putin", 30 weather posts, and three test posts, one note each (post i = note i). */
function corpus(): NoteRow[] {
  const notes: NoteRow[] = [];
  const add = (summary: string) => notes.push({ author: 0, t: 0, tweet: String(1000 + notes.length), summary });
  for (let i = 0; i < 30; i++) add(`putin orders tanks to the front line village ${i}`);
  for (let i = 0; i < 30; i++) add(`sunny weather with light rain expected ${i}`);
  add('tanks reach the front line'); // 60: no seed, classifier says UkraineConflict
  add('putin blames gaza while tanks roll to the front line'); // 61: conflicted {1, 2}
  add('rain and sunny weather'); // 62: nothing
  notes.push({ author: 0, t: 0, tweet: '1060', summary: 'tanks front' }); // 63: same post as 60
  return notes;
}

describe('trainTopicModel / predictNoteTopics', () => {
  it('expands seed topics through the classifier and resolves conflicted posts', () => {
    const info = makeNoteInfo(corpus());
    const model = trainTopicModel(info);
    expect(model.classifier).not.toBeNull();
    expect(model.training).toMatchObject({ posts: 63, trainingPosts: 62, conflicted: 1 });
    expect(model.training.seedCounts[Topic.UkraineConflict]).toBe(30);
    const topics = predictNoteTopics(model, info, Int32Array.from([0, 30, 60, 61, 62]));
    expect(topics[0]).toBe(Topic.UkraineConflict);
    expect(topics[30]).toBe(Topic.Unassigned);
    expect(topics[60]).toBe(Topic.UkraineConflict);
    expect(topics[63]).toBe(Topic.UkraineConflict); // not requested, but on post 60
    expect(topics[61]).toBe(Topic.UkraineConflict);
    expect(topics[62]).toBe(Topic.Unassigned);
    expect(topics[1]).toBe(0); // not on a requested post
  });

  it('falls back to seed labels when training has fewer than 2 classes', () => {
    const info = makeNoteInfo([
      { author: 0, t: 0, tweet: '1', summary: 'a scam' },
      { author: 0, t: 0, tweet: '2', summary: 'spam again' },
      { author: 0, t: 0, tweet: '3', summary: 'putin and a scam' },
    ]);
    const model = trainTopicModel(info);
    expect(model.classifier).toBeNull();
    expect(model.fallbackReason).toMatch(/1 distinct seed label/);
    expect(Array.from(predictNoteTopics(model, info, Int32Array.from([0, 1, 2])))).toEqual([4, 4, 0]);
  });

  it('aborts, as the reference does, when the classifier disagrees with the seed labels', () => {
    const info = makeNoteInfo(corpus());
    const model = trainTopicModel(info);
    const broken = structuredClone(model);
    broken.classifier!.model.coef = broken.classifier!.model.coef.map((v) => -v);
    broken.classifier!.model.intercept = broken.classifier!.model.intercept.map((v) => -v);
    expect(() => predictNoteTopics(broken, info, Int32Array.from([0, 30]))).toThrow(
      /balanced accuracy .* not above 0.35/,
    );
  });

  it('names an out-of-range note index', () => {
    const info = makeNoteInfo(corpus());
    expect(() => predictNoteTopics(trainTopicModel(info), info, Int32Array.from([99]))).toThrow(/note index 99/);
  });
});
