/** Longer "words" (a pasted link, a keyboard mash) are rare and would only fill the cache. */
const LONGEST_REMEMBERED = 40;

/**
 * A pure function of one word, remembered. Members' messages repeat the same few thousand words,
 * so nearly every call after the first minutes is a lookup, and the strings handed back are the
 * same objects each time (their hashes already known to every Set and Map they meet). Full, the
 * cache starts again rather than keep an order: with a vocabulary this skewed, the common words
 * are back within a few messages. At most `maxWords` words of at most 40 characters are kept, so
 * a flood of made-up words costs time, never unbounded memory.
 */
export function perWord<T>(compute: (word: string) => T, maxWords = 20_000): (word: string) => T {
  const cache = new Map<string, T>();
  return (word) => {
    if (word.length > LONGEST_REMEMBERED) return compute(word);
    let value = cache.get(word);
    if (value === undefined) {
      if (cache.size >= maxWords) cache.clear();
      value = compute(word);
      cache.set(word, value);
    }
    return value;
  };
}
