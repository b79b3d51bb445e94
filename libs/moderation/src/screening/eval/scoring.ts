import { MODEL_CATEGORIES, type ModelCategory } from '../model/screening-model';
import type { ScreenVerdict } from '../screen-message';
import { isThreat } from '../screener';
import type { LabelledMessage } from './labelled-sets';

/**
 * What a verdict decided, in the labels' terms; `crisisSeen` also counts a possible crisis,
 * which reaches a moderator at normal priority instead of urgent.
 */
export type Decision = Record<ModelCategory, boolean> & { flagged: boolean; crisisSeen: boolean };

/** Threats are API.md's `abuse` at urgent priority; `abuse` here is every other abuse finding. */
export function decisionOf(verdict: ScreenVerdict): Decision {
  const has = (test: (f: ScreenVerdict['findings'][number]) => boolean) =>
    verdict.findings.some(test);
  return {
    crisis: has((f) => f.category === 'crisis'),
    threat: has(isThreat),
    abuse: has((f) => f.category === 'abuse' && !isThreat(f)),
    personal_details: has((f) => f.category === 'personal_details'),
    flagged: verdict.findings.length > 0,
    crisisSeen: has((f) => f.category === 'crisis' || f.category === 'possible_crisis'),
  };
}

export interface CategoryScore {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface SetScore {
  categories: Record<ModelCategory, CategoryScore>;
  indirectCrisis: { n: number; caught: number; recall: number };
  /** Crises in front of a moderator at all: sure ones (urgent) and possible ones (normal). */
  crisisSeen: { n: number; caught: number; recall: number };
  clean: { n: number; flagged: number; rate: number };
  hardNegatives: { n: number; flagged: number; rate: number };
}

const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);
const rate = (num: number, den: number) => (den === 0 ? 0 : num / den);
const caughtShare = (caught: boolean[]) => {
  const hits = caught.filter(Boolean).length;
  return { n: caught.length, caught: hits, recall: ratio(hits, caught.length) };
};

/**
 * Precision and recall per category. A message is judged only on the categories its labeller
 * decided: all four for the sets, those a moderator named for review labels. A threat that is
 * caught as abuse is neither a hit nor a false alarm for `abuse` (API.md files threats there).
 */
export function scoreSet(messages: LabelledMessage[], decisions: Decision[]): SetScore {
  const categories = Object.fromEntries(
    MODEL_CATEGORIES.map((category) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      messages.forEach((m, i) => {
        const expected = m.labels.includes(category);
        if (!expected && !m.absent.includes(category)) return;
        if (category === 'abuse' && !expected && m.labels.includes('threat')) return;
        const got = decisions[i][category];
        if (expected && got) tp++;
        else if (expected) fn++;
        else if (got) fp++;
      });
      return [
        category,
        { n: tp + fn, tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) },
      ];
    }),
  ) as Record<ModelCategory, CategoryScore>;

  const indirect = messages.flatMap((m, i) =>
    m.labels.includes('crisis') && m.tags.includes('indirect') ? [decisions[i].crisis] : [],
  );
  const seen = messages.flatMap((m, i) =>
    m.labels.includes('crisis') ? [decisions[i].crisisSeen] : [],
  );
  const clean = messages.flatMap((m, i) =>
    m.labels.length === 0 && m.absent.length === MODEL_CATEGORIES.length
      ? [{ flagged: decisions[i].flagged, hard: m.tags.includes('hard_negative') }]
      : [],
  );
  const hard = clean.filter((c) => c.hard);
  const count = (list: { flagged: boolean }[]) => list.filter((c) => c.flagged).length;
  return {
    categories,
    indirectCrisis: caughtShare(indirect),
    crisisSeen: caughtShare(seen),
    clean: { n: clean.length, flagged: count(clean), rate: rate(count(clean), clean.length) },
    hardNegatives: { n: hard.length, flagged: count(hard), rate: rate(count(hard), hard.length) },
  };
}
