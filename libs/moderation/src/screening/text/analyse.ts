import { english } from './english';
import { NormalizedText, normalizeText } from './normalize';
import { perWord } from './per-word';

export interface Token {
  /** As written in `plain`, lower case. */
  word: string;
  lemma: string;
  /** Where the word starts in `plain`, and where its lemma starts in `lemmas`. */
  start: number;
  lemmaStart: number;
  /** The negation ("not", "n't", "never", "no", "without") whose scope holds this word, or -1. */
  negatedBy: number;
}

/** A message as every screener reads it: normalized once, tokenized and lemmatized once. */
export interface AnalysedText extends NormalizedText {
  raw: string;
  tokens: Token[];
  /** The lemmas joined by spaces ("i give away my thing"), for cues that any inflection meets. */
  lemmas: string;
}

// "can't stop thinking about it", "why don't you": the negation denies the verb right after it,
// not what that verb is about. "I never thought I'd…", "I don't think I'll…" deny only the
// thought when a clause follows it; "I never thought about ending it" denies the rest too.
const DENIES_ONLY_ITS_VERB = new Set(['stop', 'help', 'shake', 'wait', 'care', 'you']);
const THOUGHT = new Set([
  'think',
  'thought',
  'imagine',
  'imagined',
  'expect',
  'expected',
  'believe',
  'know',
  'remember',
  'feel',
]);
const CLAUSE_START = new Set([
  'i',
  "i'd",
  "i'll",
  "i'm",
  'that',
  'he',
  'she',
  'it',
  'we',
  'they',
  'this',
  'there',
  'anyone',
  'anything',
]);
// A new clause ends a negation's reach: "I'm not okay and I want to die".
const CLAUSE_BREAK = new Set(['and', 'but', 'so', 'because', 'cause', 'then', 'or', 'if', 'when']);
const REACH = 4;

export function analyse(raw: string): AnalysedText {
  const normalized = normalizeText(raw);
  const nlp = english();
  const tokens = nlp.readDoc(normalized.plain).tokens();
  // wink's typings cannot express `out(its.x)` for every property; the values are as documented.
  const read = <T>(property: unknown) => tokens.out(property as typeof nlp.its.value) as T[];
  // wink gives no lemma for some words in some places ("cannot" before a comma): the word stands for itself.
  const { words, lemmas, spaces, flags } = possessivesApart({
    words: read<string>(nlp.its.value),
    lemmas: read<string | null>(nlp.its.lemma),
    spaces: read<string>(nlp.its.precedingSpaces),
    flags: read<boolean>(nlp.its.negationFlag),
  });

  const result: Token[] = [];
  let offset = 0;
  let lemmaOffset = 0;
  let trigger = -1;
  for (let i = 0; i < words.length; i++) {
    offset += spaces[i].length;
    if (!flags[i]) trigger = -1;
    else if (trigger === -1) trigger = i - 1;
    result.push({
      word: words[i],
      lemma: lemmas[i],
      start: offset,
      lemmaStart: lemmaOffset,
      negatedBy: denies(words, trigger, i) ? trigger : -1,
    });
    offset += words[i].length;
    lemmaOffset += lemmas[i].length + 1;
  }
  return { ...normalized, raw, tokens: result, lemmas: lemmas.join(' ') };
}

interface WinkTokens {
  words: string[];
  lemmas: (string | null)[];
  spaces: string[];
  flags: boolean[];
}

const POSSESSIVE = /^(\p{L}[\p{L}-]*)'s$/u;

/**
 * A possessive as two tokens, the noun's lemma read alone ("wife's" → "wife", "'s"). wink splits
 * a possessive it has not met before, keeps one whole once its cache holds it ("my wife's, car"
 * caches "wife's"), and lemmatizes a split noun by its context: the same message read
 * differently by what the process had read before (61 of dev's 1,899 messages, one of them a
 * crisis verdict). Contractions ("it's", "let's") keep wink's reading: their "'s" has a lemma of
 * its own.
 */
function possessivesApart(wink: WinkTokens): Omit<WinkTokens, 'lemmas'> & { lemmas: string[] } {
  const out = {
    words: [] as string[],
    lemmas: [] as string[],
    spaces: [] as string[],
    flags: [] as boolean[],
  };
  const push = (word: string, lemma: string, space: string, flag: boolean) => {
    out.words.push(word);
    out.lemmas.push(lemma);
    out.spaces.push(space);
    out.flags.push(flag);
  };
  wink.words.forEach((word, i) => {
    const lemma = wink.lemmas[i] ?? word;
    const whole = lemma === word ? POSSESSIVE.exec(word) : null;
    const splitNoun =
      wink.words[i + 1] === "'s" && wink.lemmas[i + 1] === "'s" && wink.spaces[i + 1] === '';
    if (whole) {
      push(whole[1], lemmaAlone(whole[1]), wink.spaces[i], wink.flags[i]);
      push("'s", "'s", '', wink.flags[i]);
    } else push(word, splitNoun ? lemmaAlone(word) : lemma, wink.spaces[i], wink.flags[i]);
  });
  return out;
}

const lemmaAlone = perWord((word: string): string => {
  const nlp = english();
  return (
    (
      nlp
        .readDoc(word)
        .tokens()
        .out(nlp.its.lemma as typeof nlp.its.value) as (string | null)[]
    )[0] ?? word
  );
});

function denies(words: string[], trigger: number, at: number): boolean {
  if (trigger < 0 || at - trigger > REACH) return false;
  const verb = words[trigger + 1];
  if (at > trigger + 1 && DENIES_ONLY_ITS_VERB.has(verb)) return false;
  if (at > trigger + 2 && THOUGHT.has(verb) && CLAUSE_START.has(words[trigger + 2])) return false;
  for (let i = trigger + 1; i < at; i++) if (CLAUSE_BREAK.has(words[i])) return false;
  return true;
}

/** True when the word at this offset of `plain` (or of `lemmas`) is denied by a negation just before it. */
export function isNegatedAt(
  text: AnalysedText,
  index: number,
  of: 'plain' | 'lemmas' = 'plain',
): boolean {
  let found: Token | null = null;
  for (const token of text.tokens) {
    if ((of === 'plain' ? token.start : token.lemmaStart) > index) break;
    found = token;
  }
  return found !== null && found.negatedBy >= 0;
}
