/**
 * @module question-vector: how a question is embedded to be compared with curated questions: folded (simplified,
 * half-width), embedded as a `passage`, i.e. without a retrieval instruction, since question and curated question
 * are compared with each other (symmetric similarity), not a query with a document. The calibration embeds the same way.
 */
import type { Embedder } from '../ports.js';
import { foldText } from '../normalize/fold-text.js';

export const QUESTION_KIND = 'passage' as const;

export async function questionVectors(embedder: Embedder, questions: string[], signal?: AbortSignal): Promise<Float32Array[]> {
  return questions.length ? embedder.embed(questions.map((q) => foldText(q.trim())), QUESTION_KIND, { signal }) : [];
}
