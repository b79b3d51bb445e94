import { normalizeText } from './normalize';

const plain = (text: string) => normalizeText(text).plain;

describe('normalizeText', () => {
  it('lowers the case for wording and keeps it for personal details', () => {
    const { clean, plain } = normalizeText('I WANT TO DIE. Mail J.Smith@Example.COM');
    expect(plain).toBe('i want to die. mail j.smith@example.com');
    expect(clean).toBe('I WANT TO DIE. Mail J.Smith@Example.COM');
  });

  it.each([
    ['i want to diiiiie', 'i want to die'],
    ['killlll myself', 'kill myself'],
    ['sooooo tired', 'so tired'],
    ['pleeeease help', 'please help'],
    ['noooooo', 'no'],
  ])('undoes elongation: %s', (text, expected) => expect(plain(text)).toBe(expected));

  it.each([
    ['i want to k1ll mys3lf', 'i want to kill myself'],
    ['thinking about $uicide', 'thinking about suicide'],
    ['just wanna d13', 'just wanna die'],
    ['you stupid b!tch', 'you stupid bitch'],
    ['took an 0verdose', 'took an overdose'],
  ])('undoes leetspeak inside words: %s', (text, expected) => expect(plain(text)).toBe(expected));

  it('leaves numbers that are numbers alone', () => {
    expect(plain('At 2am on the 3rd, after 10mins, 24/7, 3 kids, 07700 900123')).toBe(
      'at 2am on the 3rd, after 10mins, 24/7, 3 kids, 07700 900123',
    );
  });

  it.each([
    ['k i l l m y s e l f', 'kill myself'],
    ['s.u.i.c.i.d.e', 'suicide'],
    ['e-n-d m-y l-i-f-e', 'end my life'],
    ['want to d.i.e tbh', 'want to die honestly'],
    ['k.m.s', 'kill myself'],
    ['d-i-e', 'die'],
    ['i want to d i e honestly', 'i want to die honestly'],
    ['i w a n t t o d i e and nobody knows', 'i want to die and nobody knows'],
  ])('joins words spelt out letter by letter: %s', (text, expected) =>
    expect(plain(text)).toBe(expected),
  );

  it.each([
    ['e.g. the passwords', 'e.g. the passwords'],
    ['a t-shirt', 'a t-shirt'],
  ])('leaves two spelt letters and hyphenated words alone: %s', (text, expected) =>
    expect(plain(text)).toBe(expected),
  );

  it.each([
    ['k*ll myself', 'kill myself'],
    ['s**cide', 'suicide'],
    ['f**king hell', 'fucking hell'],
  ])('reads asterisk masks as the word they hide: %s', (text, expected) =>
    expect(plain(text)).toBe(expected),
  );

  it('names emoji in words', () => {
    expect(plain('saving these 💊💊')).toContain('pill');
    expect(plain('🔪')).toContain('knife');
  });

  it.each([
    ['kms', 'kill myself'],
    ['i want to unalive myself', 'i want to kill myself'],
    ['thinking about sewer slide', 'thinking about suicide'],
    ['u r a joke', 'you are a joke'],
    ['a b c of it', 'a b c of it'],
    ['ngl wanna die most days', 'honestly wanna die most days'],
    ["i'm not gonna lie, i want to be gone", "i'm honestly, i want to be gone"],
    ['i dont want 2 be here', "i don't want to be here"],
  ])('spells text-speak and algospeak out: %s', (text, expected) =>
    expect(plain(text)).toBe(expected),
  );

  it('drops invisible characters and folds look-alike letters', () => {
    expect(plain('sui\u200Bcide')).toBe('suicide');
    expect(plain('ｓｕｉｃｉｄｅ')).toBe('suicide');
    expect(plain('I can’t')).toBe("i can't");
  });
});
