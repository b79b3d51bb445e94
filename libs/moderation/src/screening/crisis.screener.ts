import { ScreenFinding, Screener, uniqueFindings } from './screener';
import { STRONG_CUES, WEAK_CUES } from './crisis.lexicon';
import type { AnalysedText } from './text/analyse';
import { isNegatedAt } from './text/analyse';
import { allMatches, sentenceBefore } from './text-scan';

// A memory ("I used to cut") or someone else's question ("she asked if I'd thought of suicide")
// is not a present signal, unless the same message says it has come back.
const NOT_PRESENT =
  /\b(?:used to|asked (?:me )?(?:if|whether)|as a (?:teen(?:ager)?|kid|child)|back (?:in|then)|in (?:19|20)\d\d|(?:\d+|a|an|one|two|three|four|five|six|ten|few|some|many) (?:years?|months?) ago|at the time)\b/i;
// "Why don't you disappear for good" is aimed at someone else: abuse, not the author's crisis.
const AIMED_AT_OTHERS =
  /\b(?:why don'?t you|you should|you need to|do (?:us|everyone|everybody|the world) a favou?r)\b/i;
const RETURNED =
  /\b(?:again|(?:coming|came|come|creeping|is|are|it'?s|they'?re) back|relapsed?|started)\b/i;

/**
 * Crisis wording: explicit and indirect signs of suicide or self-harm. Recall matters more than
 * precision here: a missed signal is a person nobody reached, a false one costs a moderator a minute.
 */
export class CrisisScreener implements Screener {
  readonly name = 'crisis-rules';

  screen(input: AnalysedText): ScreenFinding[] {
    const text = input.plain;
    const findings: ScreenFinding[] = [];
    for (const { pattern, kind, negatable } of STRONG_CUES) {
      const asserted = allMatches(text, pattern).some(
        (m) => !(negatable && isNegatedAt(input, m.index)) && !this.isNotPresent(text, m.index),
      );
      if (asserted) findings.push({ category: 'crisis', detail: kind, priority: 'urgent' });
    }
    if (findings.length === 0 && WEAK_CUES.filter((p) => p.test(text)).length >= 2) {
      findings.push({ category: 'crisis', detail: 'suicidal wording', priority: 'urgent' });
    }
    return uniqueFindings(findings);
  }

  private isNotPresent(text: string, index: number): boolean {
    const before = sentenceBefore(text, index);
    return (NOT_PRESENT.test(before) && !RETURNED.test(text)) || AIMED_AT_OTHERS.test(before);
  }
}
