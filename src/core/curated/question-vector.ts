/**
 * @module question-vector: how a question is embedded to be compared with curated questions: folded (simplified,
 * half-width) and embedded as a `question`, both sides alike (with bge-small-zh this separated paraphrases from other
 * questions of the same document slightly better than without the query instruction). `npm run calibrate:qa` embeds
 * the same way, so its threshold holds for these vectors.
 */
import type { Embedder } from '../ports.js';
import { foldText } from '../normalize/fold-text.js';

export const QUESTION_KIND = 'question' as const;

export async function questionVectors(embedder: Embedder, questions: string[], signal?: AbortSignal): Promise<Float32Array[]> {
  return questions.length ? embedder.embed(questions.map((q) => foldText(q.trim())), QUESTION_KIND, { signal }) : [];
}
