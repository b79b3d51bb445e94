import emojiKeywords from 'emojilib';
import emojiRegex from 'emoji-regex';
import { isEnglishWord } from './english';
import { perWord } from './per-word';

/** One message in the two forms the screeners read. */
export interface NormalizedText {
  /** Unicode folded, invisible characters gone, quotes straight; case kept, for the patterns of personal details. */
  clean: string;
  /** Lower case with the usual disguises undone (leetspeak, elongation, spacing, masks, emoji, text-speak), for wording. */
  plain: string;
}

const INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/g;

export function cleanText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-');
}

export function normalizeText(raw: string): NormalizedText {
  const clean = cleanText(raw);
  const words = joinSpacedLetters(emojiAsWords(clean).toLowerCase());
  const plain = words
    .replace(/[\p{L}\p{N}$@!|*']+/gu, (token) => expandToken(token))
    .replace(/\bsewer[\s-]+slide\b/g, 'suicide')
    .replace(/\b(?:not (?:gonna|going to) lie|no lie|not to lie)\b/g, 'honestly')
    .replace(/\b(want|wanna|going|gonna|need|have|got|trying|try|deserve) 2\b/g, '$1 to');
  return { clean, plain };
}

// An emoji says what it is in its first keyword: 💊 "pill", 🔪 "kitchen knife", 🪢 "knot".
function emojiAsWords(text: string): string {
  return text.replace(emojiRegex(), (emoji) => {
    const keywords = (emojiKeywords as Record<string, string[]>)[emoji] ??
      (emojiKeywords as Record<string, string[]>)[emoji.replace(/\uFE0F/g, '')] ?? [''];
    return ` ${keywords[0].replace(/_/g, ' ')} `;
  });
}

/** Phrases that matter when they arrive spelt out letter by letter ("k i l l m y s e l f"). */
const SPACED_PHRASES = [
  'kill myself',
  'kill yourself',
  'end my life',
  'end it all',
  'want to die',
  'self harm',
  'cut myself',
  'hang myself',
].map((phrase) => [phrase.replace(/ /g, ''), phrase] as const);

/**
 * Words that matter when three letters spell them apart with spaces ("i want to d i e"): other
 * spaced letters stay apart, since "u r a" is text-speak, three words.
 */
const SPACED_WORDS = new Set(['die', 'kms', 'kys', 'cut']);

/**
 * Three letters joined by a dot, dash or star ("d.i.e", "k-m-s", "r.i.p."). Two letters ("e.g.",
 * "i.e.") stay as they are.
 */
const THREE_LETTERS = /(?<![\p{L}.\-*])(\p{L})([.\-*])(\p{L})\2(\p{L})\2?(?![\p{L}.\-*])/gu;
const THREE_SPACED = /(?<![\p{L}\p{N}'])(\p{L}) (\p{L}) (\p{L})(?![\p{L}\p{N}'])/gu;

function joinSpacedLetters(text: string): string {
  return text
    .replace(/(?<!\p{L})(?:\p{L}[ .\-_*]{1,2}){3,}\p{L}(?!\p{L})/gu, (spaced) => {
      const joined = spaced.replace(/[^\p{L}]/gu, '');
      // A word before or after the phrase often runs into it: "i w a n t t o d i e".
      const found = SPACED_PHRASES.find(([compact]) => joined.includes(compact));
      if (!found) return joined;
      const [before, after] = joined.split(found[0]);
      return [before, found[1], after].filter(Boolean).join(' ');
    })
    .replace(THREE_LETTERS, '$1$3$4')
    .replace(THREE_SPACED, (letters, a: string, b: string, c: string) =>
      SPACED_WORDS.has(a + b + c) ? a + b + c : letters,
    );
}

/** Whole-word text-speak and algospeak, spelt as the lexicons and the model expect. */
const SPELLED_OUT: Record<string, string> = {
  u: 'you',
  ur: 'your',
  r: 'are',
  ya: 'you',
  im: "i'm",
  ive: "i've",
  dont: "don't",
  cant: "can't",
  wont: "won't",
  didnt: "didn't",
  doesnt: "doesn't",
  isnt: "isn't",
  wasnt: "wasn't",
  wouldnt: "wouldn't",
  couldnt: "couldn't",
  shouldnt: "shouldn't",
  havent: "haven't",
  idk: "i don't know",
  ppl: 'people',
  pls: 'please',
  plz: 'please',
  cuz: 'because',
  coz: 'because',
  cos: 'because',
  bc: 'because',
  rn: 'right now',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tonite: 'tonight',
  '2nite': 'tonight',
  '2day': 'today',
  '2morrow': 'tomorrow',
  b4: 'before',
  gr8: 'great',
  l8r: 'later',
  m8: 'mate',
  '4ever': 'forever',
  some1: 'someone',
  any1: 'anyone',
  every1: 'everyone',
  no1: 'no one',
  thx: 'thanks',
  luv: 'love',
  wat: 'what',
  // "Not gonna lie" says "honestly": read as a negation it would deny what follows ("ngl wanna die").
  ngl: 'honestly',
  tbh: 'honestly',
  kms: 'kill myself',
  kys: 'kill yourself',
  unalive: 'kill',
  unalived: 'killed',
  unaliving: 'killing',
  sewerslide: 'suicide',
  selfharm: 'self harm',
  selfharming: 'self harming',
  od: 'overdose',
  "od'd": 'overdosed',
  oded: 'overdosed',
};

// Words people mask with asterisks ("k*ll", "s**cide", "b*tch"); a mask is read as one of these.
const MASKABLE = [
  'kill',
  'killing',
  'myself',
  'yourself',
  'suicide',
  'suicidal',
  'die',
  'dead',
  'death',
  'hang',
  'fuck',
  'fucking',
  'fucked',
  'shit',
  'bitch',
  'bitches',
  'cunt',
  'whore',
  'slut',
  'bastard',
  'dick',
  'cock',
  'twat',
  'piss',
  'asshole',
  'arsehole',
  'wanker',
  'retard',
];

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  $: 's',
  '!': 'i',
  '|': 'l',
};
// Times, ordinals and units keep their digits: "2am", "3rd", "10mins", "5k".
const NUMBER_WITH_UNIT =
  /^\d+(?:st|nd|rd|th|am|pm|s|h|hr|hrs|m|min|mins|k|x|yo|yr|yrs|kg|lbs?|ft|cm|mm|km|mi|mph|gb|mb|p|ish)$/;

const expandToken = perWord((token: string): string => {
  const core = token.replace(/^['!|]+|['!|]+$/g, '');
  if (!core) return token;
  const prefix = token.slice(0, token.indexOf(core));
  const suffix = token.slice(prefix.length + core.length);
  return prefix + expandWord(core) + suffix;
});

function expandWord(word: string): string {
  if (word in SPELLED_OUT) return SPELLED_OUT[word];
  let result = word;
  if (/\*/.test(result) && /\p{L}/u.test(result)) result = unmask(result);
  if (isLeet(result)) result = [...result].map((c) => LEET[c] ?? c).join('');
  if (/(\p{L})\1\1/u.test(result)) result = unstretch(result);
  return SPELLED_OUT[result] ?? result;
}

function isLeet(word: string): boolean {
  if (NUMBER_WITH_UNIT.test(word) || !/[013457$!|]/.test(word)) return false;
  if (word.length < 3 || /\d{3}/.test(word) || !/^(?:[\p{L}$]|[013457]\p{L}{3})/u.test(word))
    return false;
  // A disguise sits inside a word ("k1ll", "$uicide", "d13"), not before or after a plain number.
  return /^[\p{L}013457$!|]+$/u.test(word) && /\p{L}[013457$!|]|[013457$!|]\p{L}/u.test(word);
}

function unmask(word: string): string {
  const pattern = new RegExp(`^${word.replace(/[^\p{L}*]/gu, '').replace(/\*/g, '\\p{L}')}$`, 'u');
  return MASKABLE.find((candidate) => pattern.test(candidate)) ?? word;
}

/**
 * "diiiie", "killlll", "soooo": a run of three or more letters is one or two of them; the
 * choice that makes an English word wins, and two letters otherwise (so "helllp" stays close).
 */
function unstretch(word: string): string {
  const runs = [...word.matchAll(/(\p{L})\1{2,}/gu)].slice(0, 4);
  const choices = 1 << runs.length;
  let fallback = word;
  for (let mask = choices - 1; mask >= 0; mask--) {
    let candidate = word;
    for (let i = runs.length - 1; i >= 0; i--) {
      const run = runs[i];
      const keep = mask & (1 << i) ? 2 : 1;
      candidate =
        candidate.slice(0, run.index) +
        run[1].repeat(keep) +
        candidate.slice(run.index! + run[0].length);
    }
    if (mask === choices - 1) fallback = candidate;
    if (isEnglishWord(candidate)) return candidate;
  }
  return fallback;
}
