import { ScreenFinding, Screener, THREAT_DETAIL } from '../screener';
import type { AnalysedText } from '../text/analyse';
import { featuresOf } from './features';
import { probability } from './linear-model';
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
 * see train-screening.ts). Above a category's threshold it decides as a rule would; in the grey
 * band below it, a possible crisis or threat goes to a person at normal priority instead of
 * passing unseen.
 */
export class ModelScreener implements Screener {
  readonly name = 'classifier';

  constructor(private readonly model: ScreeningModel = screeningModel) {}

  scores(text: AnalysedText): Record<ModelCategory, number> {
    const features = featuresOf(text);
    return Object.fromEntries(
      MODEL_CATEGORIES.map((c) => [c, probability(this.model.categories[c], features)]),
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
