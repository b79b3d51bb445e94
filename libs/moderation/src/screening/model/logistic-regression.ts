import { featureScale } from './linear-model';

export interface FitOptions {
  /** L2 penalty per weight. */
  l2: number;
  iterations?: number;
  learningRate?: number;
  /** How much each message counts, beside its class's weight; 1 for every message by default. */
  messageWeights?: number[];
}

/**
 * Binary logistic regression over binary features, scaled as `probability` scores them, classes
 * weighted to count equally (and each message by its own weight, when given), fitted by
 * full-batch gradient descent with AdaGrad step sizes: convex, so the same data always gives the
 * same weights. Each feature is first multiplied by one plus the size of its naive-Bayes
 * log-count ratio (as in Wang and Manning's NBSVM), so the penalty holds back rare, uninformative
 * features more than telling ones; on dev this ranked crises and threats better than the plain
 * fit. The factor is folded into the weights returned, so scoring needs nothing but them.
 * Written here rather than taken from a library because the JavaScript ones are dense (a row per
 * message of tens of thousands of zeros) or train online in arrival order.
 */
export function fitLogistic(
  vocabulary: string[],
  messages: string[][],
  positive: boolean[],
  { l2, iterations = 300, learningRate = 0.5, messageWeights }: FitOptions,
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
  const emphasis = naiveBayesEmphasis(vocabulary.length, rows, positive);
  for (const row of rows) row.values = row.values.map((v, k) => v * emphasis[row.columns[k]]);
  const classWeight = (y: boolean) =>
    y ? n / (2 * Math.max(1, positives)) : n / (2 * Math.max(1, n - positives));
  const weightOf = (i: number) => classWeight(positive[i]) * (messageWeights?.[i] ?? 1);

  const w = new Float64Array(vocabulary.length);
  const history = new Float64Array(vocabulary.length + 1);
  let bias = 0;
  for (let step = 0; step < iterations; step++) {
    const gradient = new Float64Array(vocabulary.length);
    let biasGradient = 0;
    rows.forEach(({ columns, values }, i) => {
      let z = bias;
      columns.forEach((c, k) => (z += w[c] * values[k]));
      const error = (1 / (1 + Math.exp(-z)) - (positive[i] ? 1 : 0)) * weightOf(i);
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
    weights: Object.fromEntries(vocabulary.map((f, i) => [f, w[i] * emphasis[i]])),
  };
}

/** One plus |log(share of positives having the feature / share of negatives having it)|, smoothed by one. */
function naiveBayesEmphasis(
  size: number,
  rows: { columns: number[] }[],
  positive: boolean[],
): Float64Array {
  const inPositives = new Float64Array(size).fill(1);
  const inNegatives = new Float64Array(size).fill(1);
  rows.forEach(({ columns }, i) => {
    for (const c of columns) (positive[i] ? inPositives : inNegatives)[c] += 1;
  });
  const sum = (counts: Float64Array) => counts.reduce((a, b) => a + b, 0);
  const [p, q] = [sum(inPositives), sum(inNegatives)];
  return inPositives.map((count, c) => 1 + Math.abs(Math.log(count / p / (inNegatives[c] / q))));
}
