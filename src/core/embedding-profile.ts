/** @module embedding-profile: pooling and prefixes each embedding-model family expects. */

export interface EmbeddingProfile {
  pooling: 'cls' | 'mean';
  queryPrefix: string;
  passagePrefix: string;
}

const PROFILES: [RegExp, EmbeddingProfile][] = [
  [/bge-m3/i, { pooling: 'cls', queryPrefix: '', passagePrefix: '' }],
  [/bge-.*-zh/i, { pooling: 'cls', queryPrefix: '为这个句子生成表示以用于检索相关文章：', passagePrefix: '' }],
  [/bge-.*-en/i, { pooling: 'cls', queryPrefix: 'Represent this sentence for searching relevant passages: ', passagePrefix: '' }],
  [/e5/i, { pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ' }],
  [/gte|minilm|mpnet|text2vec|sbert|sentence-transformers/i, { pooling: 'mean', queryPrefix: '', passagePrefix: '' }],
];

/** The profile for a model id (e.g. `Xenova/bge-small-zh-v1.5`, `Xenova/multilingual-e5-small`); mean pooling otherwise. */
export function embeddingProfile(modelId: string): EmbeddingProfile {
  return PROFILES.find(([re]) => re.test(modelId))?.[1] ?? { pooling: 'mean', queryPrefix: '', passagePrefix: '' };
}
