import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let nlp: WinkMethods | null = null;
let lexiconSize = 0;

/**
 * wink-nlp with its English model, loaded once per process (about 170 ms) on first use.
 * Negation scope is read by the screeners; part of speech is what lets the lemmatizer tell
 * "giving" the verb (give) from the noun; sentence boundaries end a negation's scope.
 */
export function english(): WinkMethods {
  if (!nlp) {
    nlp = winkNLP(model, ['sbd', 'negation', 'pos']);
    // Words outside the model's lexicon are numbered after it, from its size upwards.
    lexiconSize = nlp.readDoc('qzxvkj').tokens().out(nlp.its.uniqueId)[0] as number;
  }
  return nlp;
}

/** True for a word in the English model's lexicon (about 87,000 words and their forms). */
export function isEnglishWord(word: string): boolean {
  const ids = english().readDoc(word).tokens().out(english().its.uniqueId) as number[];
  return ids.length === 1 && ids[0] < lexiconSize;
}
