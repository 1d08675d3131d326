import { randomSeeded } from '../../random/random.ts';
import { xavierFactors, zeroParams } from '../../scoring/mf/init.ts';
import { fitSync } from '../../scoring/mf/typedEngine.ts';
import { DEFAULT_FIT_OPTIONS } from '../../scoring/mf/types.ts';
import { orderBy, scoreColumn, type PostRanking } from './postRanking.ts';

/** Posts need this many likes and dislikes before the bridging score ranks them. */
export const MF_MIN_RATINGS = 5;
/** Learning rate of the post fit (the note model's rate without warm start, scorerConfig noInitLearningRate). */
const LEARNING_RATE = 1.0;

/**
 * A bridging score fitted like the note model (scoring-core.md §6): matrix factorisation of post raters × posts on
 * like = 1 / dislike = 0 with the note model's regularisation; the post intercept (what is liked beyond what the
 * one-dimensional factor explains) is the score. Posts with at least MF_MIN_RATINGS ratings, by intercept.
 */
export const mfBridgingRanking: PostRanking = {
  name: 'mfBridging',
  describe: 'posts by the intercept of a matrix factorisation of likes (liked beyond what perspective explains)',
  rank(input) {
    const r = input.ratings;
    const postLocal = new Map<number, number>();
    const raterLocal = new Map<number, number>();
    const note = new Int32Array(r.rater.length);
    const rater = new Int32Array(r.rater.length);
    const counts = new Int32Array(input.likes.length);
    for (let k = 0; k < r.rater.length; k++) {
      if (!postLocal.has(r.post[k])) postLocal.set(r.post[k], postLocal.size);
      if (!raterLocal.has(r.rater[k])) raterLocal.set(r.rater[k], raterLocal.size);
      note[k] = postLocal.get(r.post[k])!;
      rater[k] = raterLocal.get(r.rater[k])!;
      counts[r.post[k]]++;
    }
    const intercept = new Float64Array(input.likes.length).fill(NaN);
    if (r.rater.length > 0) {
      const random = randomSeeded(input.seed);
      const init = zeroParams(postLocal.size, raterLocal.size);
      init.noteFactor = xavierFactors(postLocal.size, random);
      init.raterFactor = xavierFactors(raterLocal.size, random);
      const problem = {
        nNotes: postLocal.size,
        nRaters: raterLocal.size,
        note,
        rater,
        target: Float32Array.from(r.like),
      };
      const fit = fitSync(problem, init, { ...DEFAULT_FIT_OPTIONS, learningRate: LEARNING_RATE });
      for (const [post, local] of postLocal) intercept[post] = fit.params.noteIntercept[local];
    }
    const score = scoreColumn(input.likes.length, input.universe, (i) => intercept[i]);
    const keep = (i: number) => counts[i] >= MF_MIN_RATINGS && !Number.isNaN(intercept[i]);
    return { order: orderBy(input.universe, keep, intercept), score };
  },
};
