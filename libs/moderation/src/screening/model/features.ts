import type { AnalysedText } from '../text/analyse';

const WORD = /^[\p{L}\p{N}']+$/u;

/**
 * What the classifier sees of a message: lemmas (marked when a negation holds them, so "not
 * suicidal" and "suicidal" weigh apart), lemma pairs, and the character 3- to 5-grams of each
 * word, which carry misspellings, British and American spellings and unseen inflections to the
 * weights their usual forms learned. Each feature counts once per message.
 */
export function featuresOf(text: AnalysedText): string[] {
  const features = new Set<string>();
  const lemmas: string[] = [];
  for (const token of text.tokens) {
    if (!WORD.test(token.word)) {
      lemmas.push('|');
      continue;
    }
    lemmas.push(token.lemma);
    features.add(token.negatedBy >= 0 ? `n:${token.lemma}` : `w:${token.lemma}`);
    const padded = `<${token.word}>`;
    for (let n = 3; n <= 5; n++)
      for (let i = 0; i + n <= padded.length; i++) features.add(`c:${padded.slice(i, i + n)}`);
  }
  for (let i = 0; i + 1 < lemmas.length; i++)
    if (lemmas[i] !== '|' && lemmas[i + 1] !== '|') features.add(`b:${lemmas[i]} ${lemmas[i + 1]}`);
  return [...features];
}
