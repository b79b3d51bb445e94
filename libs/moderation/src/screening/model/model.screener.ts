import { ScreenFinding, Screener, THREAT_DETAIL } from '../screener';
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
 * The trained classifier (logistic regression per category over lemmas and character n-grams,
 * averaged with a small network over the same features; see train-screening.ts). Above a category's threshold it decides as a rule would; in the grey
 * band below it, a possible crisis or threat goes to a person at normal priority instead of
 * passing unseen.
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
}
