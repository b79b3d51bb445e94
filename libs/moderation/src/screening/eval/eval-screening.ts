/**
 * `npm run eval:screening`: precision and recall per category of the screeners the platform runs,
 * on each labelled set, and the share of clean messages they flag.
 *
 *   --sets=train,dev     only these sets (the default is all four: train, dev, holdout, everyday)
 *   --review-labels      also the labels moderators gave in the review queue (from DATABASE_URL)
 *   --mistakes           list the misjudged messages of every set but the holdout
 *
 * The holdout's mistakes are never listed: it estimates how the screeners do on wording nobody
 * tuned them for, which stays true only while nobody reads what they got wrong there.
 */
import { loadEnv } from '@kintsugi/platform';
import { MODEL_CATEGORIES } from '../model/screening-model';
import { screenMessage } from '../screen-message';
import {
  LabelledMessage,
  readReviewLabels,
  readSet,
  SET_NAMES,
  type SetName,
} from './labelled-sets';
import { decisionOf, Decision, scoreSet } from './scoring';

const option = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

async function main(): Promise<void> {
  const chosen = (option('sets')?.split(',') ?? [...SET_NAMES]) as (typeof SET_NAMES)[number][];
  const sets: [SetName, LabelledMessage[]][] = chosen.map((name) => [name, readSet(name)]);
  if (process.argv.includes('--review-labels'))
    sets.push(['review', await readReviewLabels(loadEnv(process.env).DATABASE_URL)]);

  console.log(
    '\nset       category          n    TP   FP   FN  precision  recall' + '\n' + '-'.repeat(66),
  );
  const summaries: string[] = [];
  for (const [name, messages] of sets) {
    const decisions = messages.map((m) => decisionOf(screenMessage(m.text)));
    const score = scoreSet(messages, decisions);
    for (const category of MODEL_CATEGORIES) {
      const s = score.categories[category];
      console.log(
        `${name.padEnd(9)} ${category.padEnd(16)} ${[s.n, s.tp, s.fp, s.fn].map((v) => String(v).padStart(4)).join(' ')}` +
          `      ${s.precision.toFixed(3)}   ${s.recall.toFixed(3)}`,
      );
    }
    summaries.push(
      `${name.padEnd(9)} ${String(messages.length).padStart(5)} messages  indirect crisis recall ` +
        `${score.indirectCrisis.recall.toFixed(3)} (${score.indirectCrisis.caught}/${score.indirectCrisis.n})` +
        `  crises before a moderator (urgent or possible) ${score.crisisSeen.recall.toFixed(3)}` +
        `  clean flagged ${(score.clean.rate * 100).toFixed(1)}% (${score.clean.flagged}/${score.clean.n})` +
        `  hard negatives flagged ${(score.hardNegatives.rate * 100).toFixed(1)}% (${score.hardNegatives.flagged}/${score.hardNegatives.n})`,
    );
    if (process.argv.includes('--mistakes') && name !== 'holdout')
      printMistakes(name, messages, decisions);
  }
  console.log(`\n${summaries.join('\n')}\n`);
}

function printMistakes(name: SetName, messages: LabelledMessage[], decisions: Decision[]): void {
  console.log(`\n${name}: misjudged`);
  messages.forEach((m, i) => {
    const wrong = MODEL_CATEGORIES.filter(
      (c) =>
        (m.labels.includes(c) && !decisions[i][c]) ||
        (m.absent.includes(c) &&
          decisions[i][c] &&
          !(c === 'abuse' && m.labels.includes('threat'))),
    );
    const cleanFlagged = m.labels.length === 0 && decisions[i].flagged && wrong.length === 0;
    if (wrong.length === 0 && !cleanFlagged) return;
    const what = wrong
      .map((c) => (m.labels.includes(c) ? `missed ${c}` : `false ${c}`))
      .concat(cleanFlagged ? ['clean sent to review'] : [])
      .join(', ');
    console.log(`  ${what.padEnd(28)} ${JSON.stringify(m.text)} [${m.tags.join(' ')}]`);
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
