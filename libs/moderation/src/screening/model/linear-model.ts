/** One logistic regression: a bias and sparse feature weights. */
export interface LinearWeights {
  bias: number;
  weights: Record<string, number>;
}

/**
 * A feature's kind is its one-letter prefix (`w:` lemma, `n:` negated lemma, `q:` quoted lemma,
 * `b:` lemma pair, `c:` character n-gram, `k:` concept), read as a character code: no string to
 * make per feature.
 */
const kindOf = (feature: string) => feature.charCodeAt(0);

/**
 * How much each of a message's features counts: one over the square root of how many features
 * of its kind the message has. Each kind then weighs the same whatever the message's length, so
 * the hundreds of character n-grams of a long post neither drown its few telling words nor
 * make it more certain for its length. Training and scoring share it.
 */
export function featureScale(features: string[]): number[] {
  const counts = new Map<number, number>();
  for (const f of features) counts.set(kindOf(f), (counts.get(kindOf(f)) ?? 0) + 1);
  return features.map((f) => 1 / Math.sqrt(counts.get(kindOf(f))!));
}

/** Features are binary and counted once, so the score is a scaled sum of weights. */
export function probability(model: LinearWeights, features: string[]): number {
  const scale = featureScale(features);
  let z = model.bias;
  features.forEach((feature, i) => (z += (model.weights[feature] ?? 0) * scale[i]));
  return 1 / (1 + Math.exp(-z));
}
