import type { LbfgsOptions } from './lbfgs.ts';
import { fitLogisticRegression, predictProbabilities, type LogisticModel } from './logisticRegression.ts';
import { N_TOPICS } from './seedTopics.ts';
import { fitTfidf, transformTfidf, type TfidfVocabulary } from './tfidf.ts';
import { tokenize } from './topicTokenizer.ts';

/** The fitted topic pipeline: TF-IDF vocabulary and logistic regression (plain data, safe to post to a worker). */
export interface TopicClassifier {
  vocab: TfidfVocabulary;
  model: LogisticModel;
}

/** `min_df` and `max_df` of the reference's vectorizer for a run with `nPosts` posts (absolute counts). */
export function documentFrequencyLimits(nPosts: number): { minDf: number; maxDf: number } {
  return { minDf: nPosts < 2000 ? 1 : 25, maxDf: Math.max(1000, Math.floor(0.25 * nPosts)) };
}

/**
 * Fits the topic classifier (§4 step 3) on training texts and their seed labels. `nPosts` is the number of all
 * posts of the run (conflicted ones included), which sets min_df / max_df. Returns the classifier, or a reason
 * string when the reference's scikit-learn pipeline would fail (empty vocabulary, fewer than 2 classes).
 */
export function fitTopicClassifier(
  texts: readonly string[],
  labels: ArrayLike<number>,
  nPosts: number,
  options: LbfgsOptions = {},
): TopicClassifier | string {
  const classes = new Set(Array.from(labels));
  if (classes.size < 2) return `training posts carry ${classes.size} distinct seed label(s); the classifier needs 2`;
  const { minDf, maxDf } = documentFrequencyLimits(nPosts);
  const { vocab, X } = fitTfidf(texts.map(tokenize), minDf, maxDf);
  if (vocab.terms.length === 0) return 'no vocabulary term survives the stop words and document-frequency limits';
  const model = fitLogisticRegression(X, labels, 1, { maxIterations: 1000, gtol: 1e-4, ...options });
  return { vocab, model };
}

/** Topic probabilities of texts: n × N_TOPICS, row-major; column c = P(topic c). */
export function topicProbabilities(classifier: TopicClassifier, texts: readonly string[]): Float64Array {
  const X = transformTfidf(classifier.vocab, texts.map(tokenize));
  return predictProbabilities(classifier.model, X, N_TOPICS);
}
