import type { AnalysedText } from '../text/analyse';
import { perWord } from '../text/per-word';
import { ownWords } from '../text-scan';
import { conceptsOf } from './concepts';

const WORD = /^[\p{L}\p{N}']+$/u;

/**
 * What the classifier sees of a message: lemmas (marked when a negation holds them, so "not
 * suicidal" and "suicidal" weigh apart); lemma pairs side by side and one word apart, so that
 * "won't be here" and "won't even be here" share "won't _ here"; the character 4- and 5-grams of
 * each word, which carry misspellings, British and American spellings and unseen inflections to
 * the weights their usual forms learned; and the concepts of concepts.ts alone and in pairs (a
 * means beside an absence says more than either). Words inside quotation marks are someone
 * else's ("her words were 'you pathetic loser'"): they count as quoted lemmas of their own, with
 * no pairs or character n-grams, so a reported insult or threat weighs apart from one the author
 * makes. Each feature counts once per message.
 */
export function featuresOf(text: AnalysedText): string[] {
  const features = new Set<string>();
  const lemmas: string[] = [];
  const own = ownWords(text.plain);
  for (const token of text.tokens) {
    if (!WORD.test(token.word)) {
      lemmas.push('|');
      continue;
    }
    if (own[token.start] === ' ') {
      lemmas.push('|');
      features.add(`q:${token.lemma}`);
      continue;
    }
    lemmas.push(token.lemma);
    features.add(token.negatedBy >= 0 ? `n:${token.lemma}` : `w:${token.lemma}`);
    for (const gram of characterGrams(token.word)) features.add(gram);
  }
  for (let i = 0; i + 1 < lemmas.length; i++) {
    if (lemmas[i] === '|' || lemmas[i + 1] === '|') continue;
    features.add(`b:${lemmas[i]} ${lemmas[i + 1]}`);
    if (i + 2 < lemmas.length && lemmas[i + 2] !== '|')
      features.add(`b:${lemmas[i]} _ ${lemmas[i + 2]}`);
  }
  const concepts = conceptsOf(text);
  concepts.forEach((a, i) => {
    features.add(a);
    for (const b of concepts.slice(i + 1)) features.add(`${a}+${b}`);
  });
  return [...features];
}

const characterGrams = perWord((word: string): readonly string[] => {
  const padded = `<${word}>`;
  const grams: string[] = [];
  for (let n = 4; n <= 5; n++)
    for (let i = 0; i + n <= padded.length; i++) grams.push(`c:${padded.slice(i, i + n)}`);
  return grams;
});
