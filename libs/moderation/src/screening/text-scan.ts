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

/** The sentence after the one that `index` is in ("" when there is none). */
export function nextSentence(text: string, index: number): string {
  return text.slice(index).split(/[.!?\n]+/)[1] ?? '';
}

/** The global form of each pattern, compiled once: screening runs for every message. */
const globalForms = new WeakMap<RegExp, RegExp>();

/**
 * Every match of the pattern in the text. An `exec` loop on the one global form rather than
 * `matchAll`, which copies its pattern into a new RegExp on every call: for the screeners' large
 * patterns that copy cost more than the matching.
 */
export function allMatches(text: string, pattern: RegExp): RegExpExecArray[] {
  let global = globalForms.get(pattern);
  if (!global) {
    const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
    global = new RegExp(pattern.source, flags);
    globalForms.set(pattern, global);
  }
  const matches: RegExpExecArray[] = [];
  global.lastIndex = 0;
  for (let match = global.exec(text); match; match = global.exec(text)) {
    matches.push(match);
    // An empty match would be found again at the same place.
    if (match[0] === '')
      global.lastIndex += (text.codePointAt(global.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  return matches;
}

/**
 * The text with quoted words blanked: what someone else said ("he told me 'nobody wants you'")
 * is reported, not said. Blanked rather than cut so that offsets still point into the text.
 */
export function ownWords(text: string): string {
  return text.replace(
    /"[^"]*"|(^|\s)'(?:[^']|(?<=\w)'(?=\w))+'(?=[\s.,!?]|$)/g,
    (quote, before = '') => before + ' '.repeat(quote.length - before.length),
  );
}
