import { DEFAULT_CRISIS_RESOURCES } from '../crisis-resources';
import { GENERAL_DETAILS } from './model/model.screener';
import { PersonalDetailsScreener } from './personal-details.screener';
import type { ScreenFinding } from './screener';
import { PublicHelp } from './public-help';
import { analyse } from './text/analyse';

const details = (text: string, help?: PublicHelp) =>
  new PersonalDetailsScreener(help).screen(analyse(text)).map((f) => f.detail);

describe('public help is nobody’s personal details', () => {
  it.each([
    'The DV hotline is 1-800-799-7233 if he ever scares you',
    'in the US ring +1 800 799 7233, any hour',
    'UK: National Domestic Abuse Helpline, 0808 2000 247',
    'from abroad it is +44 808 2000 247',
    'the same line from a mobile abroad: 0044 808 2000 247',
    '1800RESPECT is 1800 737 732 here in Oz',
    'Women’s Aid in Ireland: 1800 341 900',
    'findahelpline.com lists a line for every country',
    'this page helped me https://www.samaritans.org/how-we-can-help/ x',
    'www.thehotline.org has a chat too.',
  ])('passes a well-known service: %s', (text) => {
    expect(details(text)).toEqual([]);
  });

  it.each([
    ['a number one digit off a hotline', 'call me on 1-800-799-7234', 'phone number'],
    [
      'a hotline’s digits after a country code it does not have',
      '+49 1800 737 732',
      'phone number',
    ],
    ['a site whose name only ends like one', 'read notsamaritans.org first', 'link'],
    ['a help site’s name inside another', 'findahelpline.com.example.net/x', 'link'],
  ])('still hides %s', (_, text, detail) => {
    expect(details(text)).toContain(detail);
  });

  it('passes every contact the platform itself shows as crisis resources, posted by a member', () => {
    for (const { contact } of DEFAULT_CRISIS_RESOURCES) expect(details(contact)).toEqual([]);
  });

  it("passes a deployment's own helpline and site (CRISIS_RESOURCES), in the forms members write them", () => {
    const help = PublicHelp.wellKnown.withContacts([
      'Call 0800 123 4567 or visit help.example.org',
    ]);
    expect(details('our county line is 0800 123 4567', help)).toEqual([]);
    expect(details('from abroad +44 800 123 4567', help)).toEqual([]);
    expect(details('they have a chat at https://help.example.org/chat', help)).toEqual([]);
    expect(details('our county line is 0800 123 4567')).toEqual(['phone number']);
    expect(details('mine is 0800 123 4568', help)).toEqual(['phone number']);
  });

  it('takes no bare suffix from a contact, which would pass every site under it', () => {
    const help = PublicHelp.wellKnown.withContacts([
      'any .org.uk charity near you, or 0800.123.4567',
    ]);
    expect(details('my blog is janes-healing.org.uk', help)).toEqual(['link']);
  });

  it('takes no short number from a contact, which would pass the end of anyone’s', () => {
    const help = PublicHelp.wellKnown.withContacts(['Call 116 123']);
    expect(details('my mobile is 555 116 123', help)).toEqual(['phone number']);
  });

  describe("the classifier's general personal-details finding", () => {
    const general: ScreenFinding = {
      category: 'personal_details',
      detail: [...GENERAL_DETAILS].find((d) => d.includes('identify'))!,
      priority: 'high',
    };
    const crisis: ScreenFinding = { category: 'crisis', detail: 'x', priority: 'urgent' };
    const reconsidered = (text: string, findings: ScreenFinding[]) =>
      new PersonalDetailsScreener().reconsider(analyse(text), findings);

    it('is dropped where the message names public help and the rules found no one’s details', () => {
      expect(reconsidered('findahelpline.com lists them all', [general, crisis])).toEqual([crisis]);
      expect(reconsidered('ring 0808 2000 247 tonight', [general])).toEqual([]);
    });

    it('stands where the message names no public help', () => {
      expect(reconsidered('she lives two doors from the chippy', [general])).toEqual([general]);
    });

    it('stands beside a rule’s finding, which the message keeps too', () => {
      const phone: ScreenFinding = { ...general, detail: 'phone number' };
      expect(reconsidered('findahelpline.com, or me on 07700 900461', [general, phone])).toEqual([
        general,
        phone,
      ]);
    });
  });
});
