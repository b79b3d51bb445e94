import { featureScale } from './linear-model';

export interface FitOptions {
  /** L2 penalty per weight. */
  l2: number;
  iterations?: number;
  learningRate?: number;
}

/**
 * Binary logistic regression over binary features, scaled as `probability` scores them, classes weighted to count equally, fitted by full-batch gradient
 * descent with AdaGrad step sizes: convex, so the same data always gives the same weights.
 * Written here rather than taken from a library because the JavaScript ones are dense (a row per
 * message of tens of thousands of zeros) or train online in arrival order.
 */
export function fitLogistic(
  vocabulary: string[],
  messages: string[][],
  positive: boolean[],
  { l2, iterations = 300, learningRate = 0.5 }: FitOptions,
): { bias: number; weights: Record<string, number> } {
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const rows = messages.map((features) => {
    const scale = featureScale(features);
    const known = features.flatMap((f, i) => (index.has(f) ? [i] : []));
    return {
      columns: known.map((i) => index.get(features[i])!),
      values: known.map((i) => scale[i]),
    };
  });
  const positives = positive.filter(Boolean).length;
  const n = positive.length;
  const classWeight = (y: boolean) =>
    y ? n / (2 * Math.max(1, positives)) : n / (2 * Math.max(1, n - positives));

  const w = new Float64Array(vocabulary.length);
  const history = new Float64Array(vocabulary.length + 1);
  let bias = 0;
  for (let step = 0; step < iterations; step++) {
    const gradient = new Float64Array(vocabulary.length);
    let biasGradient = 0;
    rows.forEach(({ columns, values }, i) => {
      let z = bias;
      columns.forEach((c, k) => (z += w[c] * values[k]));
      const error = (1 / (1 + Math.exp(-z)) - (positive[i] ? 1 : 0)) * classWeight(positive[i]);
      biasGradient += error;
      columns.forEach((c, k) => (gradient[c] += error * values[k]));
    });
    for (let c = 0; c < w.length; c++) {
      const g = gradient[c] / n + l2 * w[c];
      history[c] += g * g;
      if (history[c] > 0) w[c] -= (learningRate * g) / Math.sqrt(history[c]);
    }
    const gb = biasGradient / n;
    history[w.length] += gb * gb;
    if (history[w.length] > 0) bias -= (learningRate * gb) / Math.sqrt(history[w.length]);
  }
  return {
    bias,
    weights: Object.fromEntries(vocabulary.map((f, i) => [f, w[i]])),
  };
}
