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
   * one array, and where each feature's weights start: one lookup per feature, then adjacent
   * numbers. A typed array per feature (some 60,000) cost more memory reads per feature and an
   * object each for the garbage collector to walk: the classifier took a quarter longer.
   */
  private readonly rows: Float64Array;
  private readonly rowOf = new Map<string, number>();
  private readonly network: NetworkScorer | null;

  constructor(private readonly model: ScreeningModel = screeningModel) {
    this.network = model.network ? new NetworkScorer(model.network) : null;
    const stride = MODEL_CATEGORIES.length;
    for (const category of MODEL_CATEGORIES)
      for (const feature of Object.keys(model.categories[category].weights))
        if (!this.rowOf.has(feature)) this.rowOf.set(feature, this.rowOf.size * stride);
    this.rows = new Float64Array(this.rowOf.size * stride);
    MODEL_CATEGORIES.forEach((category, c) => {
      for (const [feature, weight] of Object.entries(model.categories[category].weights))
        this.rows[this.rowOf.get(feature)! + c] = weight;
    });
  }

  /**
   * The four logistic regressions of `probability`, scored in one pass over the features, each
   * averaged (before the sigmoid) with the network's output for its category.
   */
  scores(text: AnalysedText): Record<ModelCategory, number> {
    const features = featuresOf(text);
    const scale = featureScale(features);
    const z = MODEL_CATEGORIES.map((c) => this.model.categories[c].bias);
    for (let i = 0; i < features.length; i++) {
      const row = this.rowOf.get(features[i]);
      if (row !== undefined)
        for (let c = 0; c < z.length; c++) z[c] += this.rows[row + c] * scale[i];
    }
    if (this.network) {
      const logits = this.network.logits(features);
      for (let c = 0; c < z.length; c++) z[c] = (z[c] + logits[c]) / 2;
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
