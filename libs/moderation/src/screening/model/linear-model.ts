/** One logistic regression: a bias and sparse feature weights. */
export interface LinearWeights {
  bias: number;
  weights: Record<string, number>;
}

/**
 * Features are binary and counted once, so the score is a sum of weights. Divided by the square
 * root of the feature count, as in training, so a long post is not more certain for its length.
 */
export function probability(model: LinearWeights, features: string[]): number {
  let sum = 0;
  for (const feature of features) sum += model.weights[feature] ?? 0;
  const z = model.bias + sum / Math.sqrt(Math.max(1, features.length));
  return 1 / (1 + Math.exp(-z));
}
