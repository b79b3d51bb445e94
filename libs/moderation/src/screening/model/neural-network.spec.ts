import { probability } from './linear-model';
import { fitLogistic } from './logistic-regression';
import {
  fitNetwork,
  loadNetwork,
  NetworkExample,
  NetworkScorer,
  storeNetwork,
} from './neural-network';

// Either word alone is a warning, both together are not (a plan, and the counsellor it is for):
// no weighing of words one by one can say that, a hidden layer can.
const cases: [string[], 0 | 1][] = [
  [['w:plan', 'w:today'], 1],
  [['w:counsellor', 'w:today'], 1],
  [['w:plan', 'w:counsellor', 'w:today'], 0],
  [['w:today'], 0],
];
const vocabulary = ['w:counsellor', 'w:plan', 'w:today'];
const examples: NetworkExample[] = Array.from({ length: 50 }, () =>
  cases.map(([features, target]) => ({ features, targets: [target, null], weights: [1, 1] })),
).flat();
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('fitNetwork', () => {
  const net = fitNetwork(vocabulary, examples, { hidden: 8, epochs: 60, dropout: 0 });
  const score = (features: string[]) => sigmoid(new NetworkScorer(net).logits(features)[0]);

  it('learns what words mean together, which a logistic regression cannot', () => {
    for (const [features, target] of cases) expect(Math.round(score(features))).toBe(target);
    const linear = fitLogistic(
      vocabulary,
      cases.map(([features]) => features),
      cases.map(([, target]) => target === 1),
      { l2: 1e-4 },
    );
    const wrong = cases.filter(
      ([features, target]) => Math.round(probability(linear, features)) !== target,
    );
    expect(wrong.length).toBeGreaterThan(0);
  });

  it('leaves an output untaught where no message has a target for it', () => {
    expect(new NetworkScorer(net).logits(['w:plan'])).toHaveLength(2);
    const untaught = fitNetwork(vocabulary, examples, { hidden: 8, epochs: 1, seed: 3 });
    expect(untaught.outputBias[1]).toBe(0);
  });

  it('is deterministic for a seed', () => {
    const again = fitNetwork(vocabulary, examples, { hidden: 8, epochs: 60, dropout: 0 });
    expect(Array.from(again.input)).toEqual(Array.from(net.input));
    expect(Array.from(again.output)).toEqual(Array.from(net.output));
  });

  it('scores about the same from its stored bytes', () => {
    const stored = JSON.parse(JSON.stringify(storeNetwork(net)));
    const loaded = new NetworkScorer(loadNetwork(stored));
    for (const [features] of cases) {
      const [original] = new NetworkScorer(net).logits(features);
      expect(Math.abs(loaded.logits(features)[0] - original)).toBeLessThan(
        0.05 * (1 + Math.abs(original)),
      );
    }
  });
});
