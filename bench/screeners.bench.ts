/**
 * What screening one message costs in CPU, part by part: the analysis (normalization, wink-nlp
 * tokens, lemmas and negation), the rule screeners, and the classifier (features, four logistic
 * regressions and the network, then its second opinion on what was found). Run: node -r @swc-node/register -r tsconfig-paths/register bench/screeners.bench.ts
 * Over every message of the train and dev sets, three passes after a warm-up pass, in this
 * process only (no database, no network). Reports milliseconds per message.
 */
import { readSet } from '../libs/moderation/src/screening/eval/labelled-sets';
import { ModelScreener } from '../libs/moderation/src/screening/model/model.screener';
import { screeners } from '../libs/moderation/src/screening/screen-message';
import { analyse, type AnalysedText } from '../libs/moderation/src/screening/text/analyse';

const PASSES = 3;
const texts = [...readSet('train'), ...readSet('dev')].map((m) => m.text);
const model = screeners.find((s) => s instanceof ModelScreener)!;
const rules = screeners.filter((s) => s !== model);

function timed(run: (text: string) => void): number[] {
  const times: number[] = [];
  for (const text of texts) {
    const started = process.hrtime.bigint();
    run(text);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times;
}

function summary(name: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return `${name.padEnd(12)} mean ${mean.toFixed(3)} ms  p50 ${at(0.5).toFixed(3)}  p99 ${at(0.99).toFixed(3)}  max ${sorted[sorted.length - 1].toFixed(3)}`;
}

const runs = { analysis: [] as number[], rules: [] as number[], classifier: [] as number[] };
for (let pass = 0; pass <= PASSES; pass++) {
  // Each pass screens analyses of its own: the classifier remembers the scores of a message it
  // has read, so a second pass over the same ones would time a lookup.
  const analysed: AnalysedText[] = [];
  const analysis = timed((text) => analysed.push(analyse(text)));
  let i = 0;
  const ruleTimes = timed(() => {
    const text = analysed[i++];
    rules.forEach((s) => s.screen(text));
  });
  let j = 0;
  const modelTimes = timed(() => {
    const text = analysed[j++];
    model.reconsider!(text, model.screen(text));
  });
  if (pass === 0) continue;
  runs.analysis.push(...analysis);
  runs.rules.push(...ruleTimes);
  runs.classifier.push(...modelTimes);
}
const words = texts.reduce((n, t) => n + t.split(/\s+/).length, 0) / texts.length;
console.log(`${texts.length} messages (${words.toFixed(0)} words on average), ${PASSES} passes\n`);
for (const [name, samples] of Object.entries(runs)) console.log(summary(name, samples));
console.log(
  `\nclassifier with its share of the analysis: ${(
    (runs.classifier.reduce((a, b) => a + b, 0) + runs.analysis.reduce((a, b) => a + b, 0)) /
    runs.classifier.length
  ).toFixed(3)} ms per message`,
);
console.log(`memory: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB resident`);
