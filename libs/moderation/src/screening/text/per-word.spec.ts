import { perWord } from './per-word';

describe('perWord', () => {
  it('computes a word once and hands back the same value after', () => {
    const seen: string[] = [];
    const upper = perWord((word: string) => {
      seen.push(word);
      return [word.toUpperCase()];
    });
    const first = upper('hope');
    expect(upper('hope')).toBe(first);
    expect(seen).toEqual(['hope']);
  });

  it('keeps at most maxWords words, starting again when full', () => {
    const seen: string[] = [];
    const length = perWord((word: string) => {
      seen.push(word);
      return word.length;
    }, 2);
    ['a', 'b', 'c', 'a'].forEach((word) => length(word));
    expect(seen).toEqual(['a', 'b', 'c', 'a']);
  });

  it('computes a word longer than 40 characters every time, so none of them is kept', () => {
    const seen: string[] = [];
    const length = perWord((word: string) => {
      seen.push(word);
      return word.length;
    });
    const mash = 'x'.repeat(41);
    expect(length(mash)).toBe(41);
    expect(length(mash)).toBe(41);
    expect(seen).toEqual([mash, mash]);
  });
});
