/** @module answer-examples: the candidate windows of each training question, with their features and whether each holds the answer. */
import type { Engine } from '../core/engine.js';
import { hasKeys, type EvalItem } from '../eval/metrics.js';

export interface AnswerExample {
  set: string;
  id: string;
  /** Held out together in cross-validation: the passage, article or document the question is about. */
  group: string;
  answerable: boolean;
  /** The engine refuses before the model is asked (a place the corpus never names, a title no passage found holds). */
  refusedByRule: boolean;
  /** Window features, row after row (`windows` × `width`). */
  features: Float32Array;
  width: number;
  windows: number;
  /** Per window: it holds every key group. */
  correct: Uint8Array;
  /** Per window: it speaks of its report's own year only, of which the question asks another (the engine refuses it). */
  otherYear: Uint8Array;
  /** Per window: characters. */
  lengths: Uint16Array;
  /** Per window: from the document the question is about; the chunk and the sentence in it (for error analysis). */
  fromSource: Uint8Array;
  chunks: Uint32Array;
  sentences: Uint16Array;
  /** Per window: its document and offsets there. */
  placed: { source: string; start: number; end: number }[];
  texts: string[];
  /** The question as searched (follow-ups rewritten). */
  query: string;
  question: Float32Array;
}

/** Asks the engine for every candidate window of every item (conversations: the last turn, after the earlier ones). */
export async function collectExamples(
  engine: Engine,
  set: string,
  items: EvalItem[],
  groupOf: (item: EvalItem) => string,
  onProgress?: (done: number) => void,
): Promise<AnswerExample[]> {
  const out: AnswerExample[] = [];
  for (const [n, item] of items.entries()) {
    const turns = item.conversation?.length ? item.conversation : [item.question];
    const seen = await engine.inspect(turns[turns.length - 1], { history: turns.slice(0, -1) });
    const windows = seen.decision.windows ?? [];
    const width = windows[0]?.features.length ?? 0;
    const features = new Float32Array(windows.length * width);
    windows.forEach((w, i) => features.set(w.features, i * width));
    const answerable = !item.unanswerable;
    out.push({
      set,
      id: item.id,
      group: groupOf(item),
      answerable,
      refusedByRule: seen.missingPlaces.length > 0 || seen.missingTitles.length > 0,
      features,
      width,
      windows: windows.length,
      correct: Uint8Array.from(windows, (w) => (answerable && hasKeys(item.keys ?? [], w.text) ? 1 : 0)),
      otherYear: Uint8Array.from(windows, (w) => (w.otherYear ? 1 : 0)),
      lengths: Uint16Array.from(windows, (w) => w.text.length),
      fromSource: Uint8Array.from(windows, (w) => (w.window.passage.candidate.chunk.source === item.source ? 1 : 0)),
      chunks: Uint32Array.from(windows, (w) => w.window.passage.candidate.chunk.id),
      sentences: Uint16Array.from(windows, (w) => w.window.sentence),
      placed: windows.map((w) => ({ source: w.window.passage.candidate.chunk.source, ...w.span })),
      texts: windows.map((w) => w.text),
      query: seen.query,
      question: seen.decision.question ?? new Float32Array(0),
    });
    if ((n + 1) % 100 === 0) onProgress?.(n + 1);
  }
  return out;
}
