import { PersonalDetailsScreener } from './personal-details.screener';
import { analyse } from './text/analyse';

const screener = new PersonalDetailsScreener();
const details = (text: string) => screener.screen(analyse(text)).map((f) => f.detail);

describe('PersonalDetailsScreener', () => {
  it.each([
    ['Email me at sarah.jones82@gmail.com', 'e-mail address'],
    ['my email is john dot smith at gmail dot com', 'e-mail address'],
    ['reach me: mark(at)outlook(dot)com', 'e-mail address'],
    ['lisa_m @ yahoo . co . uk', 'e-mail address'],
    ['Call me on 555-867-5309', 'phone number'],
    ['My cell is (415) 555-0132.', 'phone number'],
    ['+44 7700 900461 is my WhatsApp', 'phone number'],
    ['My number: +33 6 12 34 56 78', 'phone number'],
    ['text me 415.555.0198', 'phone number'],
    ['the office is +44 (0)20 7946 0958', 'phone number'],
    ['ring me on (+44) 7700 900461', 'phone number'],
    ['Text me at five five five, two one two, nine nine eight seven', 'phone number'],
    ['We live at 42 Elm Street.', 'street address'],
    ['Find us at 12 Orchard Close, Bristol', 'street address'],
    ['My postcode is SW1A 1AA', 'street address'],
    ['Read my story at www.mystoryofbetrayal.com', 'link'],
    ['check out facebook.com/jenny.k.smith', 'link'],
    ["I'm @jenny_k on insta", 'social-media handle'],
    ['my IG is healing.mama', 'social-media handle'],
    ['add me on snap: dan_the_man88', 'social-media handle'],
    ['Her name is Jessica Miller, she is a nurse.', 'full name'],
    ['write to t o m . b e l l @ o u t l o o k . c o m', 'e-mail address'],
    ['drop me a line, rosie.k at hotmail', 'e-mail address'],
    ['Send it to PO Box 1182, Leeds', 'street address'],
    ['zip code is 94110 if you want to meet for coffee', 'street address'],
    ['We are in Austin TX 78704.', 'street address'],
    ['my blog is healingslowly dot com', 'link'],
    ['join the server discord.gg/slowrepair', 'link'],
    ['I post at r/AfterTheAffairUK most days', 'social-media handle'],
    ['It was Tomasz Novak, he runs the gym on Mill Lane.', 'full name'],
    ['Rachel Dunmore. Works at the Halifax on King Street.', 'full name'],
    ['mine is oh seven seven double oh, nine double oh, three one eight', 'phone number'],
    ['plus one, five one two, eight eight 4, 3 0 1 9, late is fine', 'phone number'],
    ['ring oh eight seven, two six one, nought four nine eight', 'phone number'],
    ['its marcin dot kowalski at wp dot pl if anybody want', 'e-mail address'],
    ['my snap is jaymendsheart if u want to talk', 'social-media handle'],
    ["I'm on Discord as quietfern#2291 most nights", 'social-media handle'],
    ['im on snap at ronnie.k.rebuilds lol', 'social-media handle'],
    ['The AP keeps DMing me from @luna.vibes.444 now', 'social-media handle'],
    ['add me: nightowl_dad#4471', 'social-media handle'],
    ["Add me on Facebook, I'm under Bernadette Quinlan, the dog photo", 'full name'],
    ['his clinic is at 12 Grand Parade, really good', 'street address'],
    ["Moved back to Mum's, H91 X2T4, after the split", 'street address'],
    ["i'm in R2M 0T4 near st vital", 'street address'],
    ["I'm in NE16 if anyone fancies a walk", 'street address'],
    ['Anyone near 60614? coffee?', 'street address'],
    ['The AP lives at 88 Kingsway in Hove.', 'street address'],
    ['you can reach me at kel.b at outlook.com', 'e-mail address'],
    ['mail jo_m at yahoo . co . uk', 'e-mail address'],
    ['Number is 07700 900461. Call after six', 'phone number'],
    ['Born 1980. 07700 900461 is my mobile', 'phone number'],
    ['my HK number is 9123-4567', 'phone number'],
    ['new number: 3 1 2 . 5 5 5 . 0 1 9 8', 'phone number'],
    ["She's called Jessica Miller and works nights", 'full name'],
  ])('finds %s', (text, detail) => {
    expect(details(text)).toContain(detail);
  });

  it.each([
    'We meet at 10:30 on Thursdays.',
    'Married 20 years and he threw it away.',
    'We have 3 kids under 7.',
    'D-day was 06/15/2022.',
    'We married on 12.06.2004.',
    'We were together 1999-2003.',
    'Paid $12,000 for therapy over 2 years.',
    'The retreat was 1500 (500 each) and worth it.',
    'Lawyer so far 4200 (1400 a month) and counting.',
    'Page 42 of the book.',
    'It has been twelve weeks of no contact.',
    'Samaritans are on 116 123 in the UK.',
    'I was @ the gym when he called.',
    '@Willow74 thank you, that really helped.',
    'I asked him where he was.He lied again.',
    'I found her on Facebook and I am trying not to message her.',
    "The AP's husband found out through Facebook messenger.",
    'I walked 3 miles down the road and cried.',
    'We have 2 custody court dates.',
    'His flight was BA 2490 and he was not on it.',
    "Don't @ me, I know it's petty.",
    'Look at me now, six months on.',
    'Saint Patrick was the day he told me.',
    'family whatsapp is gonna finish me off',
    'My insta is private now.',
    "Boxed up her stuff, her brother's collecting it Saturday at 10. Not sad.",
    'Walked 10000 steps today near 10000 people at the fair.',
    'Oh one more thing, two of us are going.',
    'The Q3 rollout means Denver twice a month.',
    'Chapters 10, 11, 12, 13, 14 were the hardest to read.',
    "Using mum's account, she said it's fine.",
    'We walk by the canal every evening now, phones at home. No big talks.',
    "I'd rather stay in than smile at her. So I'm not going.",
    'Then I remembered mediation at four. Life is a weird mix.',
    'She did not judge at all. So much lighter today.',
    'D-Day was 3 March 2022. 614 days without a lie.',
    'D-day was 14/03/2023. 562 days ago.',
    'on bridge watch 0000-0400 tonight so will catch up then',
    'we live on a street called Lovers Lane, you cannot make this up',
  ])('lets near-misses through: %s', (text) => {
    expect(details(text)).toEqual([]);
  });

  it('never copies the matched text into a finding', () => {
    const text = 'Call 020 7946 0958, mail kate@example.com, 42 Elm Street, @kate_k on insta';
    const findings = screener.screen(analyse(text));
    expect(findings.length).toBeGreaterThanOrEqual(4);
    for (const f of findings) {
      expect(f.priority).toBe('high');
      for (const fragment of ['7946', 'kate', 'Elm', 'example'])
        expect(f.detail).not.toContain(fragment);
    }
  });
});
