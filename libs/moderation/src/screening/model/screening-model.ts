import type { LinearWeights } from './linear-model';
import trained from './weights.json';

/** The categories the classifier scores; a threat is API.md's `abuse` with a threat detail. */
export const MODEL_CATEGORIES = ['crisis', 'threat', 'abuse', 'personal_details'] as const;
export type ModelCategory = (typeof MODEL_CATEGORIES)[number];

export interface CategoryModel extends LinearWeights {
  /** At or above it the classifier decides alone. */
  threshold: number;
  /** From it up to `threshold`, a crisis or a threat is possible: a person reads it. */
  greyFrom: number | null;
}

/** Written by `npm run train:screening` (train-screening.ts) as weights.json; read once at start. */
export interface ScreeningModel {
  categories: Record<ModelCategory, CategoryModel>;
  trainedOn: Record<string, number>;
}

export const screeningModel = trained as ScreeningModel;
