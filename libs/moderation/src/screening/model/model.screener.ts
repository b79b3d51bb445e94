import { isThreat, ScreenFinding, Screener, THREAT_DETAIL } from '../screener';
import type { AnalysedText } from '../text/analyse';
import { featuresOf } from './features';
import { featureScale } from './linear-model';
import { NetworkScorer } from './neural-network';
import { MODEL_CATEGORIES, ModelCategory, ScreeningModel, screeningModel } from './screening-model';

const SURE: Record<
  ModelCategory,
  Omit<ScreenFinding, 'priority'> & { priority: 'urgent' | 'high' }
> = {
  crisis: { category: 'crisis', detail: 'signs of suicide or self-harm', priority: 'urgent' },
  threat: { category: 'abuse', detail: THREAT_DETAIL, priority: 'urgent' },
  abuse: { category: 'abuse', detail: 'abusive language', priority: 'high' },
  personal_details: {
    category: 'personal_details',
    detail: 'details that could identify someone',
    priority: 'high',
  },
};

/** What the classifier says it found is general; a rule names the kind of thing. */
export const GENERAL_DETAILS: ReadonlySet<string> = new Set(
  Object.values(SURE)
    .map((f) => f.detail)
    .filter((d) => d !== THREAT_DETAIL),
);

const UNSURE: Partial<Record<ModelCategory, ScreenFinding>> = {
  crisis: {
    category: 'possible_crisis',
    detail: 'may be a sign of suicide or self-harm',
    priority: 'normal',
  },
  threat: {
    category: 'possible_threat',
    detail: 'may be a threat of violence',
    priority: 'normal',
  },
};

/**
 * Below this score the classifier holds a rule's crisis or threat to be told of the past, quoted
 * or not meant ("I wanted to die when I found out; that was two years ago"). On the scored
 * holdouts as a stand-in (two halves, each left out of training in turn), the lowest score among
 * the 477 crises a rule found was 0.032, and among the 178 threats 0.023; 13 of the 3,294 clean
 * messages had a rule's urgent finding and a score below 0.01.
 */
const RULE_DOUBTED_BELOW = 0.01;

/**
 * The trained classifier (logistic regression per category over lemmas and character n-grams,
 * averaged with a small network over the same features; see train-model.ts). Above a category's
 * threshold it decides as a rule would; in the grey band below it, a possible crisis or threat
 * goes to a person at normal priority instead of passing unseen. After every screener has read
 * a message, it gives the rules a second opinion (`reconsider`).
 */
export class ModelScreener implements Screener {
  readonly name = 'classifier';

  /**
   * Every feature's weights, one number per category in MODEL_CATEGORIES order, side by side in
   * one array, and each feature's number, found by one lookup: its weights start at number ×
   * categories, and its network row (or -1) is at its number. A typed array per feature (some
   * 60,000) cost more memory reads per feature and an object each for the garbage collector to
   * walk: the classifier took a quarter longer. A second lookup for the network's row took the
   * network's share from about 0.03 to 0.06 ms a message.
   */
  private readonly rows: Float64Array;
  private readonly numberOf = new Map<string, number>();
  private readonly networkRows: Int32Array;
  private readonly network: NetworkScorer | null;
  /** `screen` and `reconsider` read the same message one after the other; it is scored once. */
  private readonly scored = new WeakMap<AnalysedText, Record<ModelCategory, number>>();

  constructor(private readonly model: ScreeningModel = screeningModel) {
    const stride = MODEL_CATEGORIES.length;
    const number = (feature: string) => {
      if (!this.numberOf.has(feature)) this.numberOf.set(feature, this.numberOf.size);
      return this.numberOf.get(feature)!;
    };
    for (const category of MODEL_CATEGORIES)
      for (const feature of Object.keys(model.categories[category].weights)) number(feature);
    model.network?.features.forEach(number);
    this.rows = new Float64Array(this.numberOf.size * stride);
    MODEL_CATEGORIES.forEach((category, c) => {
      for (const [feature, weight] of Object.entries(model.categories[category].weights))
        this.rows[this.numberOf.get(feature)! * stride + c] = weight;
    });
    this.networkRows = new Int32Array(this.numberOf.size).fill(-1);
    model.network?.features.forEach((f, row) => (this.networkRows[this.numberOf.get(f)!] = row));
    this.network = model.network ? new NetworkScorer(model.network) : null;
  }

  /**
   * The four logistic regressions of `probability`, scored in one pass over the features, each
   * averaged (before the sigmoid) with the network's output for its category.
   */
  scores(text: AnalysedText): Record<ModelCategory, number> {
    let scores = this.scored.get(text);
    if (!scores) this.scored.set(text, (scores = this.score(text)));
    return scores;
  }

  private score(text: AnalysedText): Record<ModelCategory, number> {
    const features = featuresOf(text);
    const scale = featureScale(features);
    const stride = MODEL_CATEGORIES.length;
    const z = MODEL_CATEGORIES.map((c) => this.model.categories[c].bias);
    const networkRows: number[] = [];
    const networkValues: number[] = [];
    for (let i = 0; i < features.length; i++) {
      const number = this.numberOf.get(features[i]);
      if (number === undefined) continue;
      for (let c = 0; c < stride; c++) z[c] += this.rows[number * stride + c] * scale[i];
      if (this.networkRows[number] >= 0) {
        networkRows.push(this.networkRows[number]);
        networkValues.push(scale[i]);
      }
    }
    if (this.network) {
      const logits = this.network.logitsOf(networkRows, networkValues);
      for (let c = 0; c < stride; c++) z[c] = (z[c] + logits[c]) / 2;
    }
    return Object.fromEntries(
      MODEL_CATEGORIES.map((category, c) => [category, 1 / (1 + Math.exp(-z[c]))]),
    ) as Record<ModelCategory, number>;
  }

  screen(text: AnalysedText): ScreenFinding[] {
    const scores = this.scores(text);
    return MODEL_CATEGORIES.flatMap((category) => {
      const { threshold, greyFrom } = this.model.categories[category];
      if (scores[category] >= threshold) return [SURE[category]];
      const unsure = UNSURE[category];
      return unsure && greyFrom !== null && scores[category] >= greyFrom ? [unsure] : [];
    });
  }

  /**
   * A rule's urgent crisis or threat that the classifier all but rules out still reaches a
   * person, as a possible one at normal priority: a rule cannot tell a story of the past or a
   * joke from the thing itself, but the author of a recovery story should not be sent crisis
   * resources, nor should moderators be paged for it.
   */
  reconsider(text: AnalysedText, findings: ScreenFinding[]): ScreenFinding[] {
    const scores = this.scores(text);
    return findings.map((f) => {
      if (f.category === 'crisis' && scores.crisis < RULE_DOUBTED_BELOW)
        return { ...UNSURE.crisis!, detail: doubted(f.detail) };
      if (isThreat(f) && scores.threat < RULE_DOUBTED_BELOW)
        return { ...UNSURE.threat!, detail: doubted(f.detail) };
      return f;
    });
  }
}

const doubted = (detail: string) =>
  `${detail}, which the classifier reads as past, quoted or not meant`;
