import { PHONE_CANDIDATE } from './personal-details.patterns';
import { allMatches } from './text-scan';

/**
 * Free public help services that members point each other to ("the DV hotline is
 * 1-800-799-7233", "findahelpline.com"). Their numbers and sites identify nobody, and hiding
 * them would keep help from a member who may need it now, so the personal-details rules pass
 * them. Only national services that have kept the same number and site for years are listed;
 * CRISIS_RESOURCES adds a deployment's own (`PublicHelp.withContacts`).
 */
const NUMBERS = [
  '8007997233', // US National Domestic Violence Hotline
  '8002738255', // US Suicide & Crisis Lifeline, the number before 988
  '8006564673', // US RAINN
  '8006624357', // US SAMHSA
  '8664887386', // US Trevor Project
  '8006686868', // Canada Kids Help Phone
  '8334564566', // Canada Talk Suicide
  '8082000247', // UK National Domestic Abuse Helpline
  '8088010327', // UK Men's Advice Line
  '800585858', // UK CALM
  '8001111', // UK Childline
  '1800341900', // Ireland Women's Aid
  '1800247247', // Ireland Pieta
  '1800737732', // Australia 1800RESPECT
  '1300224636', // Australia Beyond Blue
  '800543354', // New Zealand Lifeline
];

const DOMAINS = [
  'findahelpline.com',
  'befrienders.org',
  '988lifeline.org',
  'thehotline.org',
  'rainn.org',
  'samhsa.gov',
  'thetrevorproject.org',
  'crisistextline.org',
  'samaritans.org',
  'nationaldahelpline.org.uk',
  'refuge.org.uk',
  'womensaid.org.uk',
  'mensadviceline.org.uk',
  'giveusashout.org',
  'thecalmzone.net',
  'childline.org.uk',
  'mind.org.uk',
  'relate.org.uk',
  'womensaid.ie',
  'pieta.ie',
  'lifeline.org.au',
  '1800respect.org.au',
  'beyondblue.org.au',
  'lifeline.org.nz',
];

/**
 * What may come before a national number: a trunk 0, or the country code of a listed service's
 * country ("+1", "+44", "+353", "+61", "+64"; "00" before it is the international prefix).
 */
const PREFIXES = ['', '0', '1', '44', '353', '61', '64'];

/** A contact's "see any .org.uk site" would otherwise pass every site under it. */
const PUBLIC_SUFFIX = /^(?:co|com|org|net|gov|ac|edu)\.[a-z]{2}$/;

export class PublicHelp {
  static readonly wellKnown = new PublicHelp(NUMBERS, DOMAINS);

  private constructor(
    private readonly numbers: readonly string[],
    private readonly domains: readonly string[],
  ) {}

  /** These services and the numbers and sites written in the given contacts ("Call 0800 123 4567"). */
  withContacts(contacts: readonly string[]): PublicHelp {
    const numbers = contacts
      .flatMap((c) => allMatches(c, PHONE_CANDIDATE))
      .map(([run]) => run.replace(/\D/g, '').replace(/^0/, ''))
      .filter((n) => n.length >= 7);
    const domains = contacts
      .flatMap((c) => c.match(/\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\b/gi)?.map(hostOf) ?? [])
      .filter((d) => /\.[a-z]{2,}$/.test(d) && !PUBLIC_SUFFIX.test(d));
    return new PublicHelp([...this.numbers, ...numbers], [...this.domains, ...domains]);
  }

  /** Whether a phone number's digits are a public service's, with or without a prefix. */
  isHelpNumber(digits: string): boolean {
    const dialled = digits.replace(/^00/, '');
    return this.numbers.some((n) => PREFIXES.some((prefix) => dialled === prefix + n));
  }

  /** Whether a link points to a public service's site, any page of it. */
  isHelpSite(link: string): boolean {
    const host = hostOf(link);
    return this.domains.some((d) => host === d || host.endsWith(`.${d}`));
  }
}

function hostOf(link: string): string {
  return link
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '')
    .replace(/[.,;:!?)]+$/, '');
}
