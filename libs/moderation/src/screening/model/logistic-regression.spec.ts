import { probability } from './linear-model';
import { fitLogistic } from './logistic-regression';

describe('fitLogistic', () => {
  // Two positives and two negatives share the word "late"; each class also has a word of its own.
  const messages = [
    ['w:late', 'w:gone'],
    ['w:late', 'w:gone'],
    ['w:late', 'w:shift'],
    ['w:late', 'w:shift'],
  ];
  const positive = [true, true, false, false];
  const vocabulary = ['w:gone', 'w:late', 'w:shift'];
  const scoreOfLate = (messageWeights?: number[]) =>
    probability(fitLogistic(vocabulary, messages, positive, { l2: 1e-3, messageWeights }), [
      'w:late',
    ]);

  it('learns which side a word leans to', () => {
    const fitted = fitLogistic(vocabulary, messages, positive, { l2: 1e-3 });
    expect(probability(fitted, ['w:gone'])).toBeGreaterThan(0.9);
    expect(probability(fitted, ['w:shift'])).toBeLessThan(0.1);
  });

  it('leans a shared word towards the messages that count more', () => {
    const even = scoreOfLate();
    expect(scoreOfLate([1, 1, 3, 3])).toBeLessThan(even - 0.05);
    expect(scoreOfLate([3, 3, 1, 1])).toBeGreaterThan(even + 0.05);
  });

  it('is deterministic', () => {
    expect(fitLogistic(vocabulary, messages, positive, { l2: 1e-3 })).toEqual(
      fitLogistic(vocabulary, messages, positive, { l2: 1e-3 }),
    );
  });
});
