/** @module char-pairs: the pairs of adjacent characters of a text (its character bigrams). */

/** Every pair of adjacent characters (UTF-16 code units) of `text` that `keep` accepts, once each. */
export function charPairs(text: string, keep: (pair: string) => boolean = () => true): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) {
    const pair = text.slice(i, i + 2);
    if (keep(pair)) pairs.add(pair);
  }
  return pairs;
}
