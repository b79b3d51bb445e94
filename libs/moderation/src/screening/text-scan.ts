/** Curly quotes and apostrophes arrive from phones; patterns are written with straight ones. */
export function normalizeQuotes(text: string): string {
  return text.replace(/[‘’ʼ`]/g, "'").replace(/[“”]/g, '"');
}

/** The words of the clause that ends at `index`, i.e. since the last comma or sentence end. */
export function clauseBefore(text: string, index: number, maxWords = 4): string {
  const clause =
    text
      .slice(0, index)
      .split(/[.!?;,:\n]/)
      .pop() ?? '';
  return clause.trim().split(/\s+/).slice(-maxWords).join(' ');
}

export function sentenceBefore(text: string, index: number): string {
  return (
    text
      .slice(0, index)
      .split(/[.!?\n]/)
      .pop() ?? ''
  );
}

// "can't stop thinking about" asserts the thought, and "why don't you" suggests; neither denies.
const NOT_A_NEGATION =
  /\b(?:can(?:'|no)?t|couldn't|could not|won't|don't|not) (?:stop|help|shake|get rid of)\b|\bwhy don't you\b/g;
const NEGATION = /\b(?:not|never|no|nor|without)\b|n't\b/;

/** True when the words just before a match deny it: "I'm not suicidal", "I would never hurt myself". */
export function isNegatedBefore(text: string, index: number, maxWords = 4): boolean {
  return NEGATION.test(
    clauseBefore(text, index, maxWords).toLowerCase().replace(NOT_A_NEGATION, ''),
  );
}

export function allMatches(text: string, pattern: RegExp): RegExpExecArray[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  return [...text.matchAll(new RegExp(pattern.source, flags))];
}
