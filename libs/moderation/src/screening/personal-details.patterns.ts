// Top-level domains people actually paste. A closed list keeps a missing space after a full stop
// ("I asked him.He lied") from reading as a domain.
const TLD = String.raw`(?:com|net|org|edu|gov|io|co|uk|me|ly|gl|be|tv|info|biz|app|dev|blog|page|site|online|xyz|us|ca|au|nz|ie|de|fr|es|nl|se|no|in|gg|ee|so|to|link|art|shop|store|club|life|coach)`;

// More country domains for addresses ("marcin.kowalski@wp.pl"); not "my", "it" or "at", which
// an undisguised " at " and a full stop would make of prose ("ringing me at work. My…").
const MAIL_TLD = String.raw`(?:${TLD}|pl|pt|br|mx|za|ru|jp|ch|dk|fi|cz|gr|ro|sg|hk|ph|ng|ke)`;
export const EMAIL = new RegExp(String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.${MAIL_TLD}\b`, 'i');

/** Mail providers whose name alone after "@" or "at" makes an address ("jo at gmail"). */
export const MAIL_PROVIDER =
  /[\w.+-]+@(?:gmail|googlemail|yahoo|hotmail|outlook|icloud|aol|proton(?:mail)?|msn|ymail)\b/i;

// A dot inside an address written out with " at " ("jo at outlook.com", "jo at yahoo . co . uk";
// " dot " is a dot by then). A full stop with a space after it and none before ends a sentence:
// "phones at home. No big talks", "smile at her. So I'm not going".
const ADDRESS_DOT = String.raw`(?:\.(?=\S)|\s+\.\s*)`;
// Compiled once: every message's text passes through `undisguiseEmail`.
const SPELT_AT = new RegExp(
  String.raw`\s+at\s+(?=[\w-]+(?:${ADDRESS_DOT}[\w-]+)*${ADDRESS_DOT}[a-z]{2,})`,
  'gi',
);

/**
 * Undo the usual disguises: "(at)", "[dot]", " at ", " dot ", "lisa @ yahoo . co . uk", and
 * letters spaced apart ("j o e @ m a i l").
 */
export function undisguiseEmail(text: string): string {
  return text
    .replace(/(?<!\w)(?:[\w@.] ){3,}[\w@.](?!\w)/g, (spaced) => spaced.replace(/ /g, ''))
    .replace(
      /\s+at\s+(?=(?:gmail|googlemail|yahoo|hotmail|outlook|icloud|aol|protonmail|ymail)\b)/gi,
      '@',
    )
    .replace(/\s*[([{<]\s*at\s*[)\]}>]\s*/gi, '@')
    .replace(/\s*[([{<]\s*dot\s*[)\]}>]\s*/gi, '.')
    .replace(/\s+dot\s+/gi, '.')
    .replace(SPELT_AT, '@')
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
/**
 * A number read out in words, as people give phone numbers: "oh seven seven double oh, nine
 * double oh, three one eight", "plus one, five one two, eight eight 4, 3 0 1 9". Five words at
 * least; the phone rules then ask for seven digits or more.
 */
export const DIGIT_WORDS =
  /(?:\bplus[\s,.-]+)?\b(?:(?:zero|oh|nought|naught|one|two|three|four|five|six|seven|eight|nine|double|triple|\d{1,4})\b[\s,.-]*){5,}/gi;

// "Street" is unambiguous in any case; "Way", "Court" or "Drive" are street types only when
// capitalised with a capitalised name ("2 custody court dates", "a 4 wheel drive" are not).
const STREET_TYPE = String.raw`(?:street|st|avenue|ave|road|rd|lane|ln|boulevard|blvd|terrace|crescent|grove|gardens|parkway|pkwy|highway|hwy)`;
const PROPER_STREET_TYPE = String.raw`(?:Drive|Dr|Court|Ct|Place|Pl|Way|Close|Circle|Row|Walk|Mews|Hill|Square|Sq|Parade|Quay|Rise|View|Plaza)`;
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
/** An Irish Eircode ("T12 X2R8") or a Canadian postal code ("R2M 0T4"), in capitals. */
export const EIRCODE_OR_CANADIAN =
  /\b(?:[AC-FHKNPRTV-Y]\d[\dW] ?[AC-FHKNPRTV-Y\d]{4}|[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d)\b/;
/**
 * Where someone is, said with a postcode's first half, a zip or a house number: "I'm in NE16",
 * "anyone near 60614?", "lives at 88 Kingsway".
 */
export const WHERE_SOMEONE_IS = [
  /\b(?:[Ll]ive[sd]?|[Ll]iving|[Bb]ased|[Ll]ocated|I'?m|I am|[Mm]oved|[Ss]tays?|[Ww]orks?)\s+(?:in|near|around|at)\s+(?:[A-Z]{2}\d{1,2}[A-Z]?|\d{5}(?:-\d{4})?)\b(?![\d:])/,
  /\b(?:near|around|in the|[A-Z][a-z]+,?)\s+\d{5}(?:-\d{4})?\b(?![\d:,.]|\s*(?:people|members|words|miles|km|steps|times|days|weeks|years|dollars|pounds|euros|quid|bucks|calories|views|followers|%))/,
  /\b(?:[Ll]ive[sd]?|[Ll]iving|[Ss]tay(?:s|ing)?|[Mm]oved (?:back )?(?:in)?to|[Ii]s) at \d{1,5}[A-Za-z]? [A-Z][a-z]+/,
];
/** A post box, a zip or postcode given as such, or a state followed by its postcode ("NSW 2150", "GA 30307"). */
export const POSTAL = [
  /\bP\.?\s?O\.?\s?Box\s+\d+/i,
  /\b(?:zip|zip ?code|post ?code|postal code)\b[^.!?\d]{0,12}\d{4,5}\b/i,
  /\b(?:NSW|VIC|QLD|TAS|ACT|AZ|CA|CO|CT|FL|GA|IL|MA|MD|MI|MN|NC|NJ|NY|OH|PA|TX|VA|WA) \d{4,5}\b(?!\s*(?:am|pm|hrs?|hours?|mins?|minutes?|days?|years?|people|members?|words?|%))/,
];
/** A domain spelt out: "myname dot com", "coaching dot co dot uk". */
export const SPELT_DOMAIN = /\b[a-z0-9-]{3,} dot (?:com|net|org|co|io|me|uk|ie|au|ca|us)\b/i;

const PLATFORM = String.raw`(?:insta(?:gram)?|ig|twitter|tiktok|tik tok|snap(?:chat)?|telegram|venmo|cash ?app|fb|facebook|messenger|threads|discord|reddit|whatsapp|kik|signal|bluesky|linkedin|youtube|skype|onlyfans|tumblr|pinterest|twitch|xbox|psn|playstation|wechat|viber|hinge|tinder|bumble|grindr|dating (?:site|app))`;
export const PLATFORM_WORD = new RegExp(
  String.raw`\b${PLATFORM}\b|\b(?:follow|dm|add|message|find) me\b|\b(?:socials|sites|online|everywhere|goes by)\b|\b(?:on|under) X\b`,
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
    String.raw`|\b(?:add|follow|find|dm|message) me\s*[:-]\s*(?:${HANDLE_TOKEN})` +
    String.raw`|\b(?:handle|username|user name|screen name|gamertag|gamer tag|profile|account|id)\b[^.!?]{0,30}?(?:\bis|:|'s)\s*@?(?=[\w.#-]*[\d_.#][\w#])[\w.#-]{3,}` +
    String.raw`|\b[ur]\/[\w-]{3,}`,
  'i',
);

// Case-sensitive on purpose: a name is two capitalised words, said to be someone's name
// ("her name is Jo Bell", "it was Kieran Maguire", "he is Sunil Kapoor").
const NAME = String.raw`(?!(?:The|This|That|My|Our|Your|His|Her|Their|New|Old|Mr|Mrs|Ms|Dr|St|Saint|Father|Mother|Christmas|God|Jesus|Good|Happy|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b)[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+[A-Z][a-z]+(?:-[A-Z][a-z']+)?`;
// "A street called Lovers Lane", "a podcast named Second Chances": a place or a work, not a person.
const NAMED_THING = String.raw`\b(?:street|road|lane|avenue|estate|town|village|city|place|pub|bar|caf[eé]|restaurant|hotel|shop|store|company|firm|church|school|book|film|movie|show|series|song|album|band|podcast|app|game|programme|program|course|website|site|group|boat|house|farm)`;
export const FULL_NAME = new RegExp(
  String.raw`\b(?:[Nn]ame(?: is|'s|:|,)|(?:[Ii]t|[Hh]e|[Ss]he|AP|[Tt]he AP|[Hh]is name|[Hh]er name) (?:was|is)|(?<!${NAMED_THING} )(?:[Cc]alled|[Nn]amed))\s+${NAME}\b`,
);
/** A name someone goes by on a platform ("add me on Facebook, I'm under Bernadette Quinlan"). */
export const NAME_ON_PLATFORM = new RegExp(String.raw`\b(?:as|under|I'?m|I am)\s+${NAME}\b`);
/** A name with where the person works ("Melissa Grant. Kindergarten teacher at Oakridge"): that reaches them. */
export const NAME_AT_WORK = new RegExp(
  String.raw`\b${NAME}\b[^!?]{0,60}?\b(?:[Ww]orks?|[Ww]orked|[Ww]orking|[Tt]eacher|[Nn]urse|[Mm]anager|coach(?:es)?|analyst|doctor|colleague|team|ward|branch|campus|office|department)\b[^.!?]{0,30}?\b(?:at|for|in|on) (?:the )?[A-Z]`,
);

/** "my snap is jaymendsheart": a word after a platform and "is", a handle when no dictionary knows it. */
export const PLAIN_HANDLE = new RegExp(
  String.raw`\b${PLATFORM}\b(?:(?: (?:name|handle|account|username|id|tag))?\s*(?:is|'s|:)|[^.!?\n]{0,15}?\b(?:as|at|under))\s+@?([a-z][\w.#]{2,29}[\w#])`,
  'gi',
);
/** A handle with a dot inside ("@luna.vibes.444") is never a member's: theirs are letters, digits, "-" and "_". */
export const DOTTED_AT_HANDLE = /(?:^|[\s(:,])@[a-z0-9_]+(?:\.[a-z0-9_]+)+/i;
