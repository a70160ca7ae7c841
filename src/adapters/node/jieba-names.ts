/** @module jieba-names: the Node NameFinder: nodejieba's person and place tags, with the pattern finder's names. */
import nodejieba from 'nodejieba';
import type { NameFinder } from '../../core/ports.js';
import { createPatternNameFinder } from '../../core/llm/pattern-names.js';

/** Person (nr, nrfg, nrt) and place (ns) tags; a county, township or town (平陆县, 南湫乡) the tagger does not know. */
const isName = (w: { word: string; tag: string }) =>
  (/^(nr|nrfg|nrt|ns)$/.test(w.tag) && w.word.length >= 2) || /^[\u4e00-\u9fff]{2,4}[县乡镇]$/.test(w.word);

/** `placeNames`: the places the corpus's documents name (the same array while they are unchanged). */
export function createJiebaNameFinder(placeNames?: () => readonly string[]): NameFinder {
  const patterns = createPatternNameFinder(placeNames);
  return {
    names: (folded) => [...nodejieba.tag(folded).filter(isName).map((w) => w.word), ...patterns.names(folded)],
  };
}
