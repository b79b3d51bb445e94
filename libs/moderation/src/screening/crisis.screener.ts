import { ScreenFinding, Screener, uniqueFindings } from './screener';
import { STRONG_CUES, WEAK_CUES } from './crisis.lexicon';
import type { AnalysedText } from './text/analyse';
import { isNegatedAt } from './text/analyse';
import { allMatches, nextSentence, sentenceBefore } from './text-scan';

const COUNT = String.raw`(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eighteen|few|some|many|several|couple of)`;
const SPAN = String.raw`(?:years?|months?|winters?|summers?|springs?|autumns?)`;
const PAST_SEASON = String.raw`last (?:year|spring|summer|autumn|fall|winter|january|february|march|april|june|july|august|september|october|november|december)`;
// A memory ("I used to cut", "last spring I was saving my tablets") or someone else's question
// ("she asked if I'd thought of suicide") is not a present signal, unless the same message says
// it has come back.
const NOT_PRESENT = new RegExp(
  String.raw`\b(?:used to|asked (?:me )?(?:if|whether)|as a (?:teen(?:ager)?|kid|child)|when i was (?:\d+|young|a teen\w*|a kid)|back (?:in|then)|in (?:19|20)\d\d|${COUNT} ${SPAN} ago|${PAST_SEASON}|at the time)\b`,
  'i',
);
// ... or when the next sentence dates it: "I googled how many it would take. That was 2019."
const DATED_NEXT = new RegExp(
  String.raw`^\s*(?:that|this|it) was (?:in |back in |over )?(?:(?:19|20)\d\d|${COUNT} ${SPAN} ago|${PAST_SEASON})\b`,
  'i',
);
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
    const past = NOT_PRESENT.test(before) || DATED_NEXT.test(nextSentence(text, index));
    return (past && !RETURNED.test(text)) || AIMED_AT_OTHERS.test(before);
  }
}
