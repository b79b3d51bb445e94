import { DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { ScreenFinding, Screener, uniqueFindings } from './screener';
import {
  DATASET_INSULTS,
  DIRECTED_INSULT,
  HARASSMENT,
  IMPERATIVE_HARASSMENT,
  SLURS,
  URGING_SELF_HARM,
} from './abuse.lexicon';
import { type AnalysedText, isNegatedAt } from './text/analyse';
import { allMatches, clauseBefore, ownWords } from './text-scan';

/**
 * Only the dataset's slurs and insults decide anything here, so the matcher looks for nothing
 * else: matching its other words (fuck, shit…) too made the rules take 0.103 ms a message
 * instead of 0.074 (bench/screeners.bench.ts, every finding the same).
 */
const dataset = new DataSet<{ originalWord?: string }>()
  .addAll(englishDataset)
  .removePhrasesIf(
    (phrase) =>
      !SLURS.has(phrase.metadata?.originalWord ?? '') &&
      !DATASET_INSULTS.has(phrase.metadata?.originalWord ?? ''),
  );
const matcher = new RegExpMatcher({ ...dataset.build(), ...englishRecommendedTransformers });

// Words that may open an order without softening it: "go kill yourself", "@Sam just shut up".
const ORDER_OPENER =
  /^(?:(?:@\S+|go|just|please|pls|then|so|and|honestly|seriously|now|lol|tbh|you should|you need to|why don'?t you|why not|maybe)\s*)*$/i;

/**
 * Slurs, abuse and harassment. Profanity on its own is not abuse here: "this is so fucking hard"
 * is a member coping. What flags is a slur, an insult aimed at a member, or harassment.
 */
export class AbuseScreener implements Screener {
  readonly name = 'abuse-rules';

  screen(input: AnalysedText): ScreenFinding[] {
    const findings: ScreenFinding[] = [];
    const { text, slur } = this.readDataset(input.plain);
    const own = ownWords(text);
    const denied = (index: number) => isNegatedAt(input, index);
    if (this.isOrder(own, URGING_SELF_HARM, denied)) {
      findings.push({ category: 'abuse', detail: 'urging self-harm', priority: 'urgent' });
    }
    if (slur || allMatches(own, DIRECTED_INSULT).some((m) => !denied(m.index))) {
      findings.push({ category: 'abuse', detail: 'slur or abusive language', priority: 'high' });
    }
    if (HARASSMENT.some((p) => p.test(own)) || this.isOrder(own, IMPERATIVE_HARASSMENT, denied)) {
      findings.push({ category: 'abuse', detail: 'harassment', priority: 'high' });
    }
    return uniqueFindings(findings);
  }

  /**
   * Finds slurs, and spells disguised insults plainly for the patterns where the plain word is as
   * long as its disguise (offsets must keep pointing into the analysed text).
   */
  private readDataset(text: string): { text: string; slur: boolean } {
    let slur = false;
    let plain = text;
    const matches = matcher.getAllMatches(text, true).reverse();
    for (const match of matches) {
      const word = dataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord ?? '';
      if (SLURS.has(word)) slur = true;
      if (DATASET_INSULTS.has(word) && word.length === match.endIndex + 1 - match.startIndex) {
        plain = plain.slice(0, match.startIndex) + word + plain.slice(match.endIndex + 1);
      }
    }
    return { text: plain, slur };
  }

  private isOrder(text: string, pattern: RegExp, denied: (index: number) => boolean): boolean {
    return allMatches(text, pattern).some(
      (m) => ORDER_OPENER.test(clauseBefore(text, m.index, 4)) && !denied(m.index),
    );
  }
}
