import type { LinearWeights } from './linear-model';
import { loadNetwork, type Network, type StoredNetwork } from './neural-network';
import trainedNetwork from './network.json';
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

/**
 * Written by `npm run train:screening` (train-screening.ts) as weights.json and network.json;
 * read once at start. The thresholds are for the regressions and the network together.
 */
export interface ScreeningModel {
  categories: Record<ModelCategory, CategoryModel>;
  /** One output per category, in MODEL_CATEGORIES order; without it the regressions score alone. */
  network?: Network;
  trainedOn: Record<string, number>;
}

export const screeningModel: ScreeningModel = {
  ...(trained as Omit<ScreeningModel, 'network'>),
  network: loadNetwork(trainedNetwork as StoredNetwork),
};
