import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScreenCategory } from '../screener';
import { screenMessage } from '../screen-message';

interface CorpusEntry {
  text: string;
  labels: ScreenCategory[];
  audience: 'betrayed' | 'unfaithful';
  note?: string;
}

const CATEGORIES: ScreenCategory[] = ['crisis', 'personal_details', 'abuse'];

// A missed crisis is a person nobody reached, so its recall target admits no miss at all.
const TARGETS: Record<ScreenCategory, { recall: number; precision: number }> = {
  crisis: { recall: 1.0, precision: 0.8 },
  personal_details: { recall: 0.95, precision: 0.9 },
  abuse: { recall: 0.9, precision: 0.85 },
};

const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);

/** Prints the figures and mistakes for one labelled file; true when every target is met. */
function evaluate(file: string): boolean {
  const corpus: CorpusEntry[] = JSON.parse(readFileSync(join(__dirname, file), 'utf8'));
  const counts = new Map(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const mistakes: string[] = [];
  for (const entry of corpus) {
    const found = new Set(screenMessage(entry.text).findings.map((f) => f.category));
    for (const category of CATEGORIES) {
      const expected = entry.labels.includes(category);
      const got = found.has(category);
      const count = counts.get(category)!;
      if (expected && got) count.tp++;
      if (!expected && got) count.fp++;
      if (expected && !got) count.fn++;
      if (expected !== got) {
        const kind = expected ? 'missed' : 'false ';
        mistakes.push(
          `  ${kind} ${category.padEnd(16)} ${JSON.stringify(entry.text)}${entry.note ? `  (${entry.note})` : ''}`,
        );
      }
    }
  }

  const unlabelled = corpus.filter((e) => e.labels.length === 0).length;
  console.log(`\n${file}: ${corpus.length} messages, ${unlabelled} without a label\n`);
  console.log('  category           n   TP   FP   FN  precision  recall  target P / R');
  let met = true;
  for (const category of CATEGORIES) {
    const { tp, fp, fn } = counts.get(category)!;
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const target = TARGETS[category];
    const ok = precision >= target.precision && recall >= target.recall;
    met &&= ok;
    const n = corpus.filter((e) => e.labels.includes(category)).length;
    console.log(
      `  ${category.padEnd(16)} ${[n, tp, fp, fn].map((v) => String(v).padStart(3)).join('  ')}` +
        `     ${precision.toFixed(3)}   ${recall.toFixed(3)}  ${target.precision.toFixed(2)} / ${target.recall.toFixed(2)}` +
        `  ${ok ? 'ok' : 'BELOW TARGET'}`,
    );
  }
  console.log(
    mistakes.length
      ? `\n  misclassified (${mistakes.length}):\n${mistakes.join('\n')}`
      : '\n  no misclassified messages',
  );
  return met;
}

const corpusMet = evaluate('corpus.json');
// The held-out set was written after the rules and is never tuned against: it estimates how the
// rules do on wording nobody anticipated, so it is reported but does not gate.
evaluate('holdout.json');
process.exit(corpusMet ? 0 : 1);
