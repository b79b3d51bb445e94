import { GENERAL_DETAILS } from './model/model.screener';
import { ScreenFinding, Screener, uniqueFindings } from './screener';
import {
  AT_HANDLE,
  BARE_DOMAIN_TLD,
  DIGIT_WORDS,
  DOTTED_AT_HANDLE,
  EIRCODE_OR_CANADIAN,
  EMAIL,
  FULL_NAME,
  MAIL_PROVIDER,
  NAME_AT_WORK,
  NAME_ON_PLATFORM,
  PHONE_CANDIDATE,
  PLAIN_HANDLE,
  PLATFORM_HANDLE,
  PLATFORM_WORD,
  POSTAL,
  SELF_HANDLE,
  SPELT_DOMAIN,
  STREET_ADDRESS,
  UK_POSTCODE,
  WHERE_SOMEONE_IS,
  URL,
  undisguiseEmail,
} from './personal-details.patterns';
import { PublicHelp } from './public-help';
import type { AnalysedText } from './text/analyse';
import { isEnglishWord } from './text/english';
import { allMatches } from './text-scan';

const DIGIT_OF: Record<string, string> = {
  zero: '0',
  oh: '0',
  nought: '0',
  naught: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};

/**
 * Details that identify someone. A hit hides the message at once, so it leans towards catching
 * disguised forms; a moderator approves a false hit in seconds, a leaked address cannot be unread.
 */
export class PersonalDetailsScreener implements Screener {
  readonly name = 'personal-details-rules';

  constructor(private readonly help: PublicHelp = PublicHelp.wellKnown) {}

  screen(input: AnalysedText): ScreenFinding[] {
    const text = input.clean;
    const found = (detail: string): ScreenFinding => ({
      category: 'personal_details',
      detail,
      priority: 'high',
    });
    const findings: ScreenFinding[] = [];
    const undisguised = undisguiseEmail(text);
    if (EMAIL.test(undisguised) || MAIL_PROVIDER.test(undisguised))
      findings.push(found('e-mail address'));
    if (this.hasPhoneNumber(text)) findings.push(found('phone number'));
    if (
      [...STREET_ADDRESS, ...POSTAL, UK_POSTCODE, EIRCODE_OR_CANADIAN, ...WHERE_SOMEONE_IS].some(
        (p) => p.test(text),
      )
    )
      findings.push(found('street address'));
    if (this.hasLink(text.replace(new RegExp(EMAIL.source, 'gi'), ' ')) || SPELT_DOMAIN.test(text))
      findings.push(found('link'));
    if (this.hasSocialHandle(text)) findings.push(found('social-media handle'));
    if (
      FULL_NAME.test(text) ||
      NAME_AT_WORK.test(text) ||
      (NAME_ON_PLATFORM.test(text) && PLATFORM_WORD.test(text))
    )
      findings.push(found('full name'));
    return uniqueFindings(findings);
  }

  /**
   * The classifier reads a hotline or a help site as it reads anyone's number or link. Where the
   * rules found no one's details and the message names public help, its general finding is that
   * reading, and the message stays in sight of the member it may be meant for.
   */
  reconsider(input: AnalysedText, findings: ScreenFinding[]): ScreenFinding[] {
    const general = (f: ScreenFinding) =>
      f.category === 'personal_details' && GENERAL_DETAILS.has(f.detail);
    const byRules = findings.some((f) => f.category === 'personal_details' && !general(f));
    if (!findings.some(general) || byRules || !this.namesHelp(input.clean)) return findings;
    return findings.filter((f) => !general(f));
  }

  private namesHelp(text: string): boolean {
    return (
      this.phoneNumbers(text).some((digits) => this.help.isHelpNumber(digits)) ||
      this.links(text).some((link) => this.help.isHelpSite(link))
    );
  }

  private hasPhoneNumber(text: string): boolean {
    return this.phoneNumbers(text).some((digits) => !this.help.isHelpNumber(digits));
  }

  /** The digits of every run in the text that is a phone number. */
  private phoneNumbers(text: string): string[] {
    // Only a run with a number word in it is read out; "chapters 10, 11, 12, 13, 14" stays a list.
    const spelled = text.replace(DIGIT_WORDS, (words) =>
      /[a-z]{2,}/i.test(words.replace(/\bplus\b/gi, '')) ? ` ${digitsOf(words)} ` : words,
    );
    // A full stop right after a figure and then a space ends a sentence, not a group of digits:
    // "D-day was 3 March 2022. 614 days" (a spaced-out "3 1 2 . 5 5 5" is still one number).
    return allMatches(spelled, PHONE_CANDIDATE).flatMap(([run]) =>
      run
        .split(/(?<=\d)\.\s+/)
        .filter(isPhoneNumber)
        .map((part) => part.replace(/\D/g, '')),
    );
  }

  private hasLink(text: string): boolean {
    return this.links(text).some((link) => !this.help.isHelpSite(link));
  }

  private links(text: string): string[] {
    return allMatches(text, URL).flatMap(([link]) =>
      /^(?:https?:|www\.)/i.test(link) || BARE_DOMAIN_TLD.test(link) ? [link] : [],
    );
  }

  // "@Willow74 thank you" names a member of the group, which is fine; an @name next to a
  // platform ("I'm @jenny_k on insta") points outside it.
  private hasSocialHandle(text: string): boolean {
    return (
      PLATFORM_HANDLE.test(text) ||
      this.hasPlainHandle(text) ||
      DOTTED_AT_HANDLE.test(text) ||
      ((AT_HANDLE.test(text) || SELF_HANDLE.test(text)) && PLATFORM_WORD.test(text))
    );
  }

  private hasPlainHandle(text: string): boolean {
    return allMatches(text, PLAIN_HANDLE).some(
      ([, word]) =>
        /[\d_.#]/.test(word) ||
        (!isEnglishWord(word.toLowerCase()) && !TEXT_SPEAK.has(word.toLowerCase())),
    );
  }
}

/** Words no dictionary has that are still not handles ("family whatsapp is gonna finish me"). */
const TEXT_SPEAK = new Set([
  'gonna',
  'wanna',
  'gotta',
  'kinda',
  'sorta',
  'dunno',
  'lemme',
  'gimme',
  'yeah',
  'nah',
  'lol',
  'lmao',
  'tbh',
  'ngl',
  'idk',
  'omg',
  'literally',
]);

/** "oh seven seven double oh" → "07700"; "plus one" → "+1"; digits stay as they are. */
function digitsOf(words: string): string {
  const tokens = words.toLowerCase().match(/[a-z]+|\d+/g) ?? [];
  let digits = '';
  let repeat = 1;
  for (const token of tokens) {
    if (token === 'plus') digits += '+';
    else if (token === 'double' || token === 'triple') repeat = token === 'double' ? 2 : 3;
    else {
      digits += (DIGIT_OF[token] ?? token).repeat(repeat);
      repeat = 1;
    }
  }
  return digits;
}

/** A run of digits and separators that is a phone number, not figures in prose. */
function isPhoneNumber(candidate: string): boolean {
  const groups = candidate.match(/\d+/g) ?? [];
  const digits = groups.join('').length;
  // Runs of years ("1999-2003"), dotted dates ("12.06.2004") and a watch or shift on the 24-hour
  // clock ("0000-0400") have phone-like length.
  const onlyYears = groups.every((g) => /^(?:19|20)\d\d$/.test(g));
  const date = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(candidate.trim());
  const hours = /^(?:[01]\d|2[0-3])[0-5]\d\s*-\s*(?:[01]\d|2[0-3])[0-5]\d$/.test(candidate.trim());
  // A bracket in a phone number closes around an area or country code before more digits,
  // "(415) 555-0132", "+44 (0)20 7946 0958", "(+44) 7700 900461" (its candidate starts at the
  // plus); one left open or closing the run is prose around figures: "paid 1500 (500 each)".
  const looseBracket = /[()]/.test(candidate.replace(/\(?\+?\d{1,4}\)(?=[\s.-]*\d)/g, ''));
  return digits >= 7 && digits <= 15 && !onlyYears && !date && !hours && !looseBracket;
}
