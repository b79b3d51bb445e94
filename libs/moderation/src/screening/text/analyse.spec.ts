import { analyse, isNegatedAt } from './analyse';

/** Whether `word` (its first occurrence) is denied by a negation in `text`. */
function denied(text: string, word: string): boolean {
  const analysed = analyse(text);
  const index = analysed.plain.indexOf(word);
  if (index < 0) throw new Error(`"${word}" is not in "${analysed.plain}"`);
  return isNegatedAt(analysed, index);
}

describe('analyse: negation scope', () => {
  it('denies what a negation holds, and only that', () => {
    expect(denied("I'm not suicidal, I'm just furious", 'suicidal')).toBe(true);
    expect(denied("I'm not suicidal, I'm just furious", 'furious')).toBe(false);
    expect(denied('I would never hurt myself', 'hurt')).toBe(true);
  });

  it('ends at a new clause', () => {
    expect(denied("I'm not okay and I want to die", 'die')).toBe(false);
  });

  it('reaches a few words, not the rest of a long sentence', () => {
    expect(denied("I don't know why I keep saying this but I want to kill myself", 'kill')).toBe(
      false,
    );
  });

  it('does not deny what "can\'t stop" or "don\'t think I\'ll" is about', () => {
    expect(denied("I can't stop thinking about killing myself", 'killing')).toBe(false);
    expect(denied("I don't think I'll survive another week", 'survive')).toBe(false);
    expect(denied('I never thought I would want to die', 'die')).toBe(false);
  });

  it('denies what a thought is about when no clause follows it', () => {
    expect(denied('I never thought about ending my life', 'ending')).toBe(true);
  });
});

describe('analyse: lemmas', () => {
  it('meets any inflection of a cue', () => {
    expect(analyse('I gave away all my things').lemmas).toContain('give away all my thing');
    expect(analyse("I've been giving away my things").lemmas).toContain('give away my thing');
  });

  it('keeps offsets into the normalized text', () => {
    const text = analyse("I can't do this");
    for (const token of text.tokens)
      expect(text.plain.slice(token.start, token.start + token.word.length)).toBe(token.word);
  });
});

describe('analyse: words wink-nlp gives no lemma', () => {
  it('reads "cannot" before a comma as itself instead of failing', () => {
    const analysed = analyse('Some nights she cannot, and I pray alone.');
    expect(analysed.tokens.map((t) => t.lemma)).toContain('cannot');
    expect(analysed.lemmas).toContain('cannot , and i pray alone');
  });
});

describe('analyse: possessives', () => {
  const read = (text: string) => analyse(text).tokens.map((t) => `${t.word}/${t.lemma}`);

  it('reads a possessive the same whatever the process read before', () => {
    const before = read("my neighbour's daughters came round");
    analyse("it was my neighbour's, not mine"); // wink now holds "neighbour's" whole
    expect(read("my neighbour's daughters came round")).toEqual(before);
    expect(before).toEqual(
      expect.arrayContaining(['neighbour/neighbor', "'s/'s", 'daughters/daughter']),
    );
  });

  it("keeps a contraction's own reading", () => {
    expect(read("it's late and let's go")).toEqual(expect.arrayContaining(["'s/be", "'s/us"]));
  });

  it('keeps offsets into the normalized text across a split possessive', () => {
    analyse("the dog's, then");
    const text = analyse("the dog's bowl");
    for (const token of text.tokens)
      expect(text.plain.slice(token.start, token.start + token.word.length)).toBe(token.word);
  });
});
