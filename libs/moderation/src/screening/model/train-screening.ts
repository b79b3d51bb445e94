/**
 * Trains the screening classifier: `npm run train:screening` (add `-- --review-labels` to learn
 * from moderators' decisions too, read from DATABASE_URL). Learns from `train.json` only,
 * chooses each category's thresholds on `dev.json`, never reads the holdout, and writes
 * weights.json (the regressions and thresholds) and network.json. Deterministic: the same sets
 * give the same files.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnv } from '@kintsugi/platform';
import { readReviewLabels, readSet } from '../eval/labelled-sets';
import { MODEL_CATEGORIES } from './screening-model';
import { trainModel } from './train-model';

async function main(): Promise<void> {
  const train = readSet('train');
  if (process.argv.includes('--review-labels'))
    train.push(...(await readReviewLabels(loadEnv(process.env).DATABASE_URL)));
  const { model, network } = trainModel(train, readSet('dev'));
  for (const category of MODEL_CATEGORIES) {
    const { threshold, greyFrom, weights } = model.categories[category];
    console.log(
      `${category.padEnd(16)} positives ${String(model.trainedOn[category]).padStart(4)}` +
        `  weights ${Object.keys(weights).length}` +
        `  threshold ${threshold.toFixed(3)}  grey from ${greyFrom === null ? '-' : greyFrom.toFixed(3)}`,
    );
  }
  const regressions = { categories: model.categories, trainedOn: model.trainedOn };
  writeFileSync(join(__dirname, 'weights.json'), `${JSON.stringify(regressions)}\n`);
  writeFileSync(join(__dirname, 'network.json'), `${JSON.stringify(network)}\n`);
  console.log(
    `\nwrote weights.json and network.json (${model.trainedOn.features} features in the vocabulary)`,
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
