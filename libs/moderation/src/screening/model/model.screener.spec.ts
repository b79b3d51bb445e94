import { analyse } from '../text/analyse';
import { ModelScreener } from './model.screener';
import type { Network } from './neural-network';
import type { CategoryModel, ScreeningModel } from './screening-model';

const silent: CategoryModel = { bias: -8, weights: {}, threshold: 0.9, greyFrom: 0.5 };

/** A model that knows one word per category, strongly enough to decide alone or only to wonder. */
function modelWith(
  crisis: Record<string, number>,
  threat: Record<string, number> = {},
): ScreeningModel {
  return {
    categories: {
      crisis: { ...silent, bias: -2, weights: crisis },
      threat: { ...silent, bias: -2, weights: threat },
      abuse: { ...silent, greyFrom: null },
      personal_details: { ...silent, greyFrom: null },
    },
    trainedOn: {},
  };
}

describe('ModelScreener', () => {
  const screener = new ModelScreener(
    modelWith({ 'w:bridge': 3, 'w:tonight': 40 }, { 'w:park': 3 }),
  );
  const findings = (text: string) => screener.screen(analyse(text));

  it('decides alone above the threshold: an urgent crisis', () => {
    expect(findings('tonight')).toEqual([
      { category: 'crisis', detail: 'signs of suicide or self-harm', priority: 'urgent' },
    ]);
  });

  it('sends a score in the grey band to a person at normal priority', () => {
    expect(screener.scores(analyse('bridge')).crisis).toBeGreaterThanOrEqual(0.5);
    expect(screener.scores(analyse('bridge')).crisis).toBeLessThan(0.9);
    expect(findings('bridge')).toEqual([
      {
        category: 'possible_crisis',
        detail: 'may be a sign of suicide or self-harm',
        priority: 'normal',
      },
    ]);
    expect(findings('parks')).toEqual([
      { category: 'possible_threat', detail: 'may be a threat of violence', priority: 'normal' },
    ]);
  });

  it('passes what scores below the grey band', () => {
    expect(findings('a calm week')).toEqual([]);
  });

  it('averages the network with the regressions before the sigmoid', () => {
    const network: Network = {
      features: ['w:bridge'],
      hidden: 1,
      input: Float32Array.of(1),
      hiddenBias: Float32Array.of(0),
      output: Float32Array.of(10, 0, 0, 0),
      outputBias: Float32Array.of(0, -8, -8, -8),
    };
    const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
    const regressions = modelWith({ 'w:bridge': 3 });
    // The regression says -2 + 3 = 1 for "bridge", the network 10: together (1 + 10) / 2.
    expect(new ModelScreener(regressions).scores(analyse('bridge')).crisis).toBeCloseTo(
      sigmoid(1),
      5,
    );
    expect(
      new ModelScreener({ ...regressions, network }).scores(analyse('bridge')).crisis,
    ).toBeCloseTo(sigmoid(5.5), 5);
  });

  describe('second opinion on the rules', () => {
    const ruleCrisis = {
      category: 'crisis',
      detail: 'suicidal wording',
      priority: 'urgent',
    } as const;
    const ruleThreat = {
      category: 'abuse',
      detail: 'threat of violence',
      priority: 'urgent',
    } as const;
    const abuse = { category: 'abuse', detail: 'abusive language', priority: 'high' } as const;

    it("keeps a rule's crisis or threat at normal priority when the classifier all but rules it out", () => {
      // "a calm week" scores sigmoid(-2) for crisis and threat alone; a weight of -10 takes it to
      // sigmoid(-12), under 0.01.
      const doubting = new ModelScreener(modelWith({ 'w:calm': -10 }, { 'w:calm': -10 }));
      expect(doubting.reconsider(analyse('a calm week'), [ruleCrisis, ruleThreat, abuse])).toEqual([
        {
          category: 'possible_crisis',
          detail: 'suicidal wording, which the classifier reads as past, quoted or not meant',
          priority: 'normal',
        },
        {
          category: 'possible_threat',
          detail: 'threat of violence, which the classifier reads as past, quoted or not meant',
          priority: 'normal',
        },
        abuse,
      ]);
    });

    it("leaves a rule's finding alone when the classifier is merely unsure", () => {
      // sigmoid(-2) is 0.12: low, but not low enough to doubt a rule.
      expect(screener.reconsider(analyse('a calm week'), [ruleCrisis, ruleThreat])).toEqual([
        ruleCrisis,
        ruleThreat,
      ]);
    });
  });
});
