// Top-level domains people actually paste. A closed list keeps a missing space after a full stop
// ("I asked him.He lied") from reading as a domain.
const TLD = String.raw`(?:com|net|org|edu|gov|io|co|uk|me|ly|gl|be|tv|info|biz|app|dev|blog|page|site|online|xyz|us|ca|au|nz|ie|de|fr|es|nl|se|no|in)`;

export const EMAIL = new RegExp(String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.${TLD}\b`, 'i');

/** Undo the usual disguises: "(at)", "[dot]", " at ", " dot ", "lisa @ yahoo . co . uk". */
export function undisguiseEmail(text: string): string {
  return text
    .replace(/\s*[([{<]\s*at\s*[)\]}>]\s*/gi, '@')
    .replace(/\s*[([{<]\s*dot\s*[)\]}>]\s*/gi, '.')
    .replace(/\s+dot\s+/gi, '.')
    .replace(/\s+at\s+(?=[\w-]+(?:\s*(?:\.|dot)\s*[\w-]+)*\s*(?:\.|dot)\s*[a-z]{2,})/gi, '@')
    .replace(/\s*@\s*/g, '@')
    .replace(/(\w)\s*\.\s*(?=\w)/g, '$1.');
}

export const URL = new RegExp(
  String.raw`\bhttps?:\/\/\S+|\bwww\.\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.${TLD}(?![\w@])(?:\/\S*)?`,
  'i',
);
/** The TLD must be written in lower case, so "the truth.It was" never reads as a domain. */
export const BARE_DOMAIN_TLD = new RegExp(String.raw`\.${TLD}(?![\w@])`);

// Separators people use inside phone numbers; "/" and ":" are left out on purpose (dates, times).
export const PHONE_CANDIDATE = /(?:\+|\b00)?\(?\d[\d\s().-]{5,}\d\b/;
export const DIGIT_WORDS =
  /\b(?:(?:zero|one|two|three|four|five|six|seven|eight|nine)[\s,.-]*){7,}/gi;

// "Street" is unambiguous in any case; "Way", "Court" or "Drive" are street types only when
// capitalised with a capitalised name ("2 custody court dates", "a 4 wheel drive" are not).
const STREET_TYPE = String.raw`(?:street|st|avenue|ave|road|rd|lane|ln|boulevard|blvd|terrace|crescent|grove|gardens|parkway|pkwy|highway|hwy)`;
const PROPER_STREET_TYPE = String.raw`(?:Drive|Dr|Court|Ct|Place|Pl|Way|Close|Circle|Row|Walk|Mews|Hill|Square|Sq)`;
// Words that sit between a number and "street" in ordinary speech ("3 miles down the road").
const NOT_A_STREET_NAME = String.raw`(?!(?:the|a|an|down|up|along|across|from|to|of|on|in|at|my|his|her|our|their|your|this|that|miles?|km|blocks?|minutes?|mins?|hours?|houses?|doors?|years?|times?|kids|people|steps?|and|or)\b)`;
export const STREET_ADDRESS = [
  new RegExp(
    String.raw`\b\d{1,5}[a-z]?\s+(?:${NOT_A_STREET_NAME}[a-z0-9][\w'.-]*\s+){1,3}${STREET_TYPE}\b`,
    'i',
  ),
  new RegExp(String.raw`\b\d{1,5}[A-Za-z]?\s+(?:[A-Z0-9][\w'.-]*\s+){1,3}${PROPER_STREET_TYPE}\b`),
  /\b\d{1,5}\s*,?\s+(?:rue|via|calle|avenida|chemin|strada|straße|strasse)\s+\w+/i,
];
// Postcodes are written in capitals; matching case-sensitively keeps ordinary words out.
export const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b/;

const PLATFORM = String.raw`(?:insta(?:gram)?|ig|twitter|tiktok|tik tok|snap(?:chat)?|telegram|venmo|cash ?app|fb|facebook|threads|discord|reddit|whatsapp|kik|signal|bluesky|linkedin|youtube|skype|onlyfans|tumblr|pinterest)`;
export const PLATFORM_WORD = new RegExp(
  String.raw`\b${PLATFORM}\b|\b(?:follow|dm|add|message|find) me\b|\b(?:socials|sites|online|everywhere)\b`,
  'i',
);
export const AT_HANDLE = /(?:^|[\s(:,])@\s?[a-z0-9_][\w.-]{1,29}/i;

// A handle needs some sign of being one: a digit, "_", ".", "#" or "/" inside a single token.
const HANDLE_TOKEN = String.raw`@?(?=[\w.#/-]*[\d_.#/][\w#/-])[a-z][\w.#/-]{2,}|@[\w.-]{2,}`;
/** \"I'm rebuilding_rachel\": a handle-shaped word offered as oneself, needing a platform word nearby. */
export const SELF_HANDLE = new RegExp(String.raw`\b(?:i'?m|i am|it'?s) (?:${HANDLE_TOKEN})\b`, 'i');
export const PLATFORM_HANDLE = new RegExp(
  String.raw`\b${PLATFORM}(?: (?:name|handle|account|username|id))?\s*(?:is|:|=|-|me\b(?: at| on)?:?)\s*(?:${HANDLE_TOKEN})` +
    String.raw`|\b(?:add|follow|find|dm|message|hit) me(?: up)? on ${PLATFORM}\s*[:,]?\s*(?:${HANDLE_TOKEN}|[A-Z][a-z]+ [A-Z][a-z]+)` +
    String.raw`|\b(?:handle|username|user name|screen name)\b[^.!?]{0,30}\b(?:is|:)\s*@?[\w.#-]{3,}` +
    String.raw`|\bu\/[\w-]{3,}`,
  'i',
);

// Case-sensitive on purpose: a name is two capitalised words after "name is".
export const FULL_NAME = /\b[Nn]ame(?: is|'s|:|,)\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+[A-Z][a-z]+/;
