export interface FitOptions {
  /** L2 penalty per weight. */
  l2: number;
  iterations?: number;
  learningRate?: number;
}

/**
 * Binary logistic regression over binary features, each message's vector scaled to unit length
 * (as `probability` scores it), classes weighted to count equally, fitted by full-batch gradient
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
  const rows = messages.map((features) => ({
    columns: features.flatMap((f) => (index.has(f) ? [index.get(f)!] : [])),
    scale: 1 / Math.sqrt(Math.max(1, features.length)),
  }));
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
    rows.forEach(({ columns, scale }, i) => {
      let z = bias;
      for (const c of columns) z += w[c] * scale;
      const error = (1 / (1 + Math.exp(-z)) - (positive[i] ? 1 : 0)) * classWeight(positive[i]);
      biasGradient += error;
      for (const c of columns) gradient[c] += error * scale;
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
