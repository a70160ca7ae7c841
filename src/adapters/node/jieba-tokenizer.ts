/** @module jieba-tokenizer: the Node Tokenizer: nodejieba's search-mode segmentation inside the shared token rules. */
import nodejieba from 'nodejieba';
import type { Tokenizer } from '../../core/ports.js';
import { searchTokens } from '../../core/normalize/search-tokens.js';

const segment = (run: string) => nodejieba.cutForSearch(run, true);

export function createJiebaTokenizer(): Tokenizer {
  return {
    id: 'jieba-search+num+bigram+places@4',
    tokenize: (folded) => searchTokens(folded, segment),
    places(folded: string): string[] {
      // Tagged places, and words that end as counties and townships do after a name of two or more characters (平陆县,
      // 南湫乡, 木钵镇): the tagger knows few of them. Not 区: 示范区 and 开发区 are no places.
      const tagged = nodejieba
        .tag(folded)
        .filter((w) => (w.tag === 'ns' && w.word.length >= 2) || /^[\u4e00-\u9fff]{2,4}[县乡镇]$/.test(w.word))
        .map((w) => w.word);
      const latin = [...folded.matchAll(/\b[a-z][区县市]/g)].map((m) => m[0]);
      return [...tagged, ...latin];
    },
  };
}
