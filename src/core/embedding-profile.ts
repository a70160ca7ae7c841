/** @module embedding-profile: pooling and prefixes each embedding-model family expects. */
import type { EmbedKind } from './ports.js';

export interface EmbeddingProfile {
  pooling: 'cls' | 'mean';
  /** Before a question searched against passages. */
  queryPrefix: string;
  /** Before a question compared with other questions (curated answers). */
  questionPrefix: string;
  passagePrefix: string;
}

/**
 * bge-small-zh-v1.5's card makes its query instruction (为这个句子生成表示以用于检索相关文章：) optional for v1.5. A
 * question searched without it costs half the model time (the instruction is most of a short question's tokens), and
 * the answer model trained on those vectors cross-validates as well (README, “A question is searched without the
 * instruction”). Compared question to question, paraphrases matched better with it (`npm run calibrate:qa`), so
 * curated answers keep it.
 */
const BGE_ZH_INSTRUCTION = '为这个句子生成表示以用于检索相关文章：';
const BGE_EN_INSTRUCTION = 'Represent this sentence for searching relevant passages: ';
/** Mean pooling, nothing before any text: sentence-transformers models, and any model of a family not listed. */
const PLAIN: EmbeddingProfile = { pooling: 'mean', queryPrefix: '', questionPrefix: '', passagePrefix: '' };

const PROFILES: [RegExp, EmbeddingProfile][] = [
  [/bge-m3/i, { pooling: 'cls', queryPrefix: '', questionPrefix: '', passagePrefix: '' }],
  [/bge-.*-zh/i, { pooling: 'cls', queryPrefix: '', questionPrefix: BGE_ZH_INSTRUCTION, passagePrefix: '' }],
  [/bge-.*-en/i, { pooling: 'cls', queryPrefix: BGE_EN_INSTRUCTION, questionPrefix: BGE_EN_INSTRUCTION, passagePrefix: '' }],
  [/e5/i, { pooling: 'mean', queryPrefix: 'query: ', questionPrefix: 'query: ', passagePrefix: 'passage: ' }],
  [/gte|minilm|mpnet|text2vec|sbert|sentence-transformers/i, PLAIN],
];

/** The profile for a model id (e.g. `Xenova/bge-small-zh-v1.5`, `Xenova/multilingual-e5-small`); mean pooling otherwise. */
export function embeddingProfile(modelId: string): EmbeddingProfile {
  return PROFILES.find(([re]) => re.test(modelId))?.[1] ?? PLAIN;
}

/** The profile's prefix for each kind of text: a kind added to `EmbedKind` must be given one here. */
const PREFIX_FIELD: Record<EmbedKind, 'queryPrefix' | 'questionPrefix' | 'passagePrefix'> = {
  query: 'queryPrefix',
  question: 'questionPrefix',
  passage: 'passagePrefix',
};

/** What goes before a text of this kind. */
export function prefixOf(profile: EmbeddingProfile, kind: EmbedKind): string {
  return profile[PREFIX_FIELD[kind]];
}
