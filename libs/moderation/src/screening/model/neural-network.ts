import { featureScale } from './linear-model';

/**
 * A network with one hidden layer over the classifier's features, one output per category,
 * trained beside the logistic regressions and averaged with them. A linear model weighs each
 * wording alone; the hidden layer learns which ones mean something together (money sorted out
 * next to a calm goodbye; a date next to an absence), as the indirect crises the regressions
 * missed often do. On scored holdouts left out of training it ranked crises better than the
 * regressions alone did (README, screener quality).
 */
export interface Network {
  /** The features with an input row, in row order. */
  features: string[];
  hidden: number;
  /** features × hidden input weights, row by row. */
  input: Float32Array;
  hiddenBias: Float32Array;
  /** hidden × outputs, row by row. */
  output: Float32Array;
  outputBias: Float32Array;
}

/** How a network is kept in network.json: the large input matrix as bytes, one step apart. */
export interface StoredNetwork {
  features: string[];
  hidden: number;
  step: number;
  input: string;
  hiddenBias: number[];
  output: number[];
  outputBias: number[];
}

export interface NetworkOptions {
  hidden?: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** The share of a message's features left out at each step, so no single word carries it. */
  dropout?: number;
  seed?: number;
}

/**
 * One output per category: 1 or 0, or null where the message teaches that category nothing
 * (a threat is left out of abuse, as for the regressions); each with how much it counts.
 */
export interface NetworkExample {
  features: string[];
  targets: (0 | 1 | null)[];
  weights: number[];
}

/**
 * Fits the network by stochastic gradient descent with AdaGrad steps, one message at a time,
 * from a seeded generator: the same examples always give the same network.
 */
export function fitNetwork(
  vocabulary: string[],
  examples: NetworkExample[],
  {
    hidden = 32,
    epochs = 8,
    learningRate = 0.05,
    l2 = 1e-6,
    dropout = 0.2,
    seed = 7,
  }: NetworkOptions = {},
): Network {
  const outputs = examples[0]?.targets.length ?? 0;
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const rows = examples.map(({ features }) => scaledRow(index, features));
  const random = seededRandom(seed);
  const spread = () => (random() - 0.5) * 0.2;
  const net: Network = {
    features: vocabulary,
    hidden,
    input: Float32Array.from({ length: vocabulary.length * hidden }, spread),
    hiddenBias: new Float32Array(hidden),
    output: Float32Array.from({ length: hidden * outputs }, spread),
    outputBias: new Float32Array(outputs),
  };
  const history = {
    input: new Float32Array(net.input.length),
    hiddenBias: new Float32Array(hidden),
    output: new Float32Array(net.output.length),
    outputBias: new Float32Array(outputs),
  };
  const step = (params: Float32Array, sums: Float32Array, at: number, gradient: number) => {
    sums[at] += gradient * gradient;
    params[at] -= (learningRate * gradient) / Math.sqrt(sums[at] + 1e-8);
  };
  const activation = new Float32Array(hidden);
  const back = new Float32Array(hidden);
  const order = examples.map((_, i) => i);
  const kept = 1 / (1 - dropout);

  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const m of order) {
      const { columns, values } = rows[m];
      const used = columns.map(() => random() >= dropout);
      activation.set(net.hiddenBias);
      columns.forEach((c, k) => {
        if (used[k]) addRow(net, c, values[k] * kept, activation);
      });
      for (let j = 0; j < hidden; j++) activation[j] = Math.max(0, activation[j]);
      back.fill(0);
      examples[m].targets.forEach((target, o) => {
        if (target === null) return;
        const error = (sigmoid(outputOf(net, activation, o)) - target) * examples[m].weights[o];
        step(net.outputBias, history.outputBias, o, error);
        for (let j = 0; j < hidden; j++) {
          const at = j * outputs + o;
          back[j] += error * net.output[at];
          step(net.output, history.output, at, error * activation[j] + l2 * net.output[at]);
        }
      });
      for (let j = 0; j < hidden; j++) {
        if (activation[j] <= 0) back[j] = 0;
        step(net.hiddenBias, history.hiddenBias, j, back[j]);
      }
      columns.forEach((c, k) => {
        if (!used[k]) return;
        const value = values[k] * kept;
        for (let j = 0; j < hidden; j++) {
          const at = c * hidden + j;
          step(net.input, history.input, at, back[j] * value + l2 * net.input[at]);
        }
      });
    }
  }
  return net;
}

/** The network's score (before the sigmoid) for each output, from a message's features. */
export class NetworkScorer {
  /**
   * Built on first use: the classifier finds rows with the lookup it already makes for the
   * regressions (`logitsOf`), and a second map of some 80,000 features would only hold memory.
   */
  private rowOf: Map<string, number> | null = null;

  constructor(private readonly net: Network) {}

  logits(features: string[]): number[] {
    this.rowOf ??= new Map(this.net.features.map((f, i) => [f, i]));
    const { columns, values } = scaledRow(this.rowOf, features);
    return this.logitsOf(columns, values);
  }

  /** From the input rows a message has, each with its scaled value, when the caller found them. */
  logitsOf(rows: number[], values: number[]): number[] {
    const activation = Float32Array.from(this.net.hiddenBias);
    rows.forEach((row, k) => addRow(this.net, row, values[k], activation));
    for (let j = 0; j < activation.length; j++) activation[j] = Math.max(0, activation[j]);
    return Array.from(this.net.outputBias, (_, o) => outputOf(this.net, activation, o));
  }
}

/** The input matrix as signed bytes (its largest weight at ±127), the rest as plain numbers. */
export function storeNetwork(net: Network): StoredNetwork {
  const largest = net.input.reduce((max, w) => Math.max(max, Math.abs(w)), 0);
  const step = largest / 127 || 1;
  const bytes = Int8Array.from(net.input, (w) => Math.round(w / step));
  const round = (values: Float32Array) => Array.from(values, (v) => Math.round(v * 1e4) / 1e4);
  return {
    features: net.features,
    hidden: net.hidden,
    step,
    input: Buffer.from(bytes.buffer).toString('base64'),
    hiddenBias: round(net.hiddenBias),
    output: round(net.output),
    outputBias: round(net.outputBias),
  };
}

export function loadNetwork(stored: StoredNetwork): Network {
  const bytes = Buffer.from(stored.input, 'base64');
  const input = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) input[i] = bytes.readInt8(i) * stored.step;
  return {
    features: stored.features,
    hidden: stored.hidden,
    input,
    hiddenBias: Float32Array.from(stored.hiddenBias),
    output: Float32Array.from(stored.output),
    outputBias: Float32Array.from(stored.outputBias),
  };
}

function scaledRow(index: Map<string, number>, features: string[]) {
  const scale = featureScale(features);
  const columns: number[] = [];
  const values: number[] = [];
  features.forEach((f, i) => {
    const c = index.get(f);
    if (c === undefined) return;
    columns.push(c);
    values.push(scale[i]);
  });
  return { columns, values };
}

function addRow(net: Network, row: number, value: number, into: Float32Array): void {
  const start = row * net.hidden;
  for (let j = 0; j < net.hidden; j++) into[j] += net.input[start + j] * value;
}

function outputOf(net: Network, activation: Float32Array, o: number): number {
  const outputs = net.outputBias.length;
  let z = net.outputBias[o];
  for (let j = 0; j < net.hidden; j++) z += net.output[j * outputs + o] * activation[j];
  return z;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** mulberry32: small, fast and the same on every machine for a seed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
}
