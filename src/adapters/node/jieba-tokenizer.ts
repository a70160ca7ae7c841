/** @module jieba-tokenizer: the Node Tokenizer: nodejieba's search-mode segmentation inside the shared token rules. */
import nodejieba from 'nodejieba';
import type { Tokenizer } from '../../core/ports.js';
import { searchTokens } from '../../core/normalize/search-tokens.js';

const segment = (run: string) => nodejieba.cutForSearch(run, true);

export function createJiebaTokenizer(): Tokenizer {
  return {
    id: 'jieba-search+num+bigram+places@3',
    tokenize: (folded) => searchTokens(folded, segment),
    places(folded: string): string[] {
      const tagged = nodejieba.tag(folded).filter((w) => w.tag === 'ns' && w.word.length >= 2).map((w) => w.word);
      const latin = [...folded.matchAll(/\b[a-z][区县市]/g)].map((m) => m[0]);
      return [...tagged, ...latin];
    },
  };
}
