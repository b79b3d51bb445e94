import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { ScreenFinding, Screener, uniqueFindings } from './screener';
import {
  DATASET_INSULTS,
  DIRECTED_INSULT,
  HARASSMENT,
  IMPERATIVE_HARASSMENT,
  SLURS,
  URGING_SELF_HARM,
} from './abuse.lexicon';
import { allMatches, clauseBefore, isNegatedBefore, normalizeQuotes } from './text-scan';

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

// Words that may open an order without softening it: "go kill yourself", "@Sam just shut up".
const ORDER_OPENER =
  /^(?:(?:@\S+|go|just|please|pls|then|so|and|honestly|seriously|now|lol|tbh|you should|you need to|why don'?t you|why not|maybe)\s*)*$/i;

/**
 * Slurs, abuse and harassment. Profanity on its own is not abuse here: "this is so fucking hard"
 * is a member coping. What flags is a slur, an insult aimed at a member, or harassment.
 */
export class AbuseScreener implements Screener {
  readonly name = 'abuse-rules';

  screen(raw: string): ScreenFinding[] {
    const findings: ScreenFinding[] = [];
    const { text, slur } = this.readDataset(normalizeQuotes(raw));
    // Quoted words are someone else's ("he told me 'nobody wants you'"), reported, not said.
    const ownWords = text.replace(/"[^"]*"|(^|\s)'[^']+'(?=[\s.,!?]|$)/g, '$1');
    if (this.isOrder(ownWords, URGING_SELF_HARM)) {
      findings.push({ category: 'abuse', detail: 'urging self-harm', priority: 'urgent' });
    }
    if (
      slur ||
      allMatches(ownWords, DIRECTED_INSULT).some((m) => !isNegatedBefore(ownWords, m.index, 2))
    ) {
      findings.push({ category: 'abuse', detail: 'slur or abusive language', priority: 'high' });
    }
    if (HARASSMENT.some((p) => p.test(ownWords)) || this.isOrder(ownWords, IMPERATIVE_HARASSMENT)) {
      findings.push({ category: 'abuse', detail: 'harassment', priority: 'high' });
    }
    return uniqueFindings(findings);
  }

  /** Finds slurs, and spells disguised insults ("wh0re", "b1tch") plainly for the patterns. */
  private readDataset(text: string): { text: string; slur: boolean } {
    let slur = false;
    let plain = text;
    const matches = matcher.getAllMatches(text, true).reverse();
    for (const match of matches) {
      const word =
        englishDataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord ?? '';
      if (SLURS.has(word)) slur = true;
      if (DATASET_INSULTS.has(word)) {
        plain = plain.slice(0, match.startIndex) + word + plain.slice(match.endIndex + 1);
      }
    }
    return { text: plain, slur };
  }

  private isOrder(text: string, pattern: RegExp): boolean {
    return allMatches(text, pattern).some(
      (m) => ORDER_OPENER.test(clauseBefore(text, m.index, 4)) && !isNegatedBefore(text, m.index),
    );
  }
}
