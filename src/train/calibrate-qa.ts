/**
 * @module calibrate-qa: chooses the similarity threshold of curated answers (问答对) from labelled questions.
 * Each question belongs to a document and asks for one fact: two questions asking for the same fact of the same
 * document ask the same thing; two asking for different facts of one document are the hard case that must not match
 * (same topic, another fact). The use is replayed: in each document the first question of a fact asked more than once
 * is curated and the others are asked; facts asked once alternate between curated (distractors) and asked (they have
 * no curated paraphrase). A question gets the closest curated question's answer when the similarity reaches the
 * threshold. Precision first: the threshold is the lowest at which at most `maxFalse` (1%) of the different-fact pairs
 * of one document reach it. Cross-validation holds out whole documents: the threshold is chosen on the other folds'
 * pairs and the replay is measured on the held-out documents.
 */
import { cosine } from '../core/curated/cosine.js';
import { fnv1a } from './fnv1a.js';

export interface LabelledQuestion {
  question: string;
  /** Questions of different documents never ask the same thing, and folds never split a document. */
  document: string;
  /** Questions with the same fact (within the document) ask the same thing. */
  fact: string;
}

/** An asked question's closest curated question: its similarity, and whether it asks the same fact. */
export interface Nearest {
  similarity: number;
  /** Whether a curated question asks the same fact (it could be answered right). */
  answerable: boolean;
  right: boolean;
}

export interface Replay {
  /** Asked questions with a curated paraphrase, and those answered with it. */
  positives: number;
  correct: number;
  /** Asked questions given a curated answer, right or wrong. */
  matched: number;
  /** Asked questions without a curated paraphrase, and those given a curated answer anyway. */
  negatives: number;
  falseAnswers: number;
}

const factOf = (q: LabelledQuestion) => `${q.document}\u0000${q.fact}`;

/** Replays curated answering over the questions `indices` (see the module comment). */
export function nearestCurated(items: LabelledQuestion[], vectors: Float32Array[], indices: number[]): Nearest[] {
  const byFact = new Map<string, number[]>();
  for (const i of indices) byFact.set(factOf(items[i]), [...(byFact.get(factOf(items[i])) ?? []), i]);
  const curated: number[] = [];
  const asked: number[] = [];
  let single = 0;
  for (const members of byFact.values()) {
    if (members.length > 1) {
      curated.push(members[0]);
      asked.push(...members.slice(1));
    } else if (single++ % 2 === 0) curated.push(members[0]);
    else asked.push(members[0]);
  }
  const curatedFacts = new Set(curated.map((c) => factOf(items[c])));
  return asked.map((i) => {
    let similarity = -Infinity;
    let best = -1;
    for (const c of curated) {
      const s = cosine(vectors[i], vectors[c]);
      if (s > similarity) [similarity, best] = [s, c];
    }
    const fact = factOf(items[i]);
    return { similarity, answerable: curatedFacts.has(fact), right: best >= 0 && factOf(items[best]) === fact };
  });
}

export function replayAt(nearest: Nearest[], threshold: number): Replay {
  const out: Replay = { positives: 0, correct: 0, matched: 0, negatives: 0, falseAnswers: 0 };
  for (const n of nearest) {
    const hit = n.similarity >= threshold;
    if (n.answerable) out.positives++;
    else out.negatives++;
    if (!hit) continue;
    out.matched++;
    if (n.right) out.correct++;
    else if (!n.answerable) out.falseAnswers++;
  }
  return out;
}

/** Similarities of the pairs of `indices` in one document: same fact (positive) and different facts (hard negative). */
export function pairScores(items: LabelledQuestion[], vectors: Float32Array[], indices: number[]) {
  const positives: number[] = [];
  const negatives: number[] = [];
  for (let x = 0; x < indices.length; x++) {
    for (let y = x + 1; y < indices.length; y++) {
      const [a, b] = [items[indices[x]], items[indices[y]]];
      if (a.document === b.document) (a.fact === b.fact ? positives : negatives).push(cosine(vectors[indices[x]], vectors[indices[y]]));
    }
  }
  return { positives, negatives };
}

/** The lowest 4-decimal threshold that at most `rate` of the scores reach. */
export function chooseThreshold(negatives: number[], rate: number): number {
  const sorted = [...negatives].sort((a, b) => b - a);
  const allowed = Math.floor(rate * sorted.length);
  if (allowed >= sorted.length) return 0;
  return Math.ceil((sorted[allowed] + 1e-9) * 10_000) / 10_000;
}

export const shareAtOrAbove = (scores: number[], threshold: number) => (scores.length ? scores.filter((s) => s >= threshold).length / scores.length : 0);

/** A stable fold for a document (FNV-1a of its name). */
export function foldOf(document: string, folds: number): number {
  return fnv1a(document) % folds;
}

const add = (a: Replay, b: Replay) => (Object.keys(a) as (keyof Replay)[]).forEach((k) => (a[k] += b[k]));
const empty = (): Replay => ({ positives: 0, correct: 0, matched: 0, negatives: 0, falseAnswers: 0 });

/** Held-out figures; `subset` picks questions measured on their own too (the paraphrases written for this). */
export function crossValidate(items: LabelledQuestion[], vectors: Float32Array[], folds: number, maxFalse: number, subset: (q: LabelledQuestion) => boolean) {
  const all = empty();
  const own = empty();
  const thresholds: number[] = [];
  const pairs = { positives: 0, positivesMatched: 0, negatives: 0, negativesMatched: 0 };
  for (let f = 0; f < folds; f++) {
    const train = items.flatMap((it, i) => (foldOf(it.document, folds) === f ? [] : [i]));
    const test = items.flatMap((it, i) => (foldOf(it.document, folds) === f ? [i] : []));
    const threshold = chooseThreshold(pairScores(items, vectors, train).negatives, maxFalse);
    thresholds.push(threshold);
    add(all, replayAt(nearestCurated(items, vectors, test), threshold));
    add(own, replayAt(nearestCurated(items, vectors, test.filter((i) => subset(items[i]))), threshold));
    const held = pairScores(items, vectors, test);
    pairs.positives += held.positives.length;
    pairs.positivesMatched += held.positives.filter((s) => s >= threshold).length;
    pairs.negatives += held.negatives.length;
    pairs.negativesMatched += held.negatives.filter((s) => s >= threshold).length;
  }
  return { thresholds, all, own, pairs };
}

/** Precision, recall and the false-answer rate of a replay. */
export function figures(r: Replay) {
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    asked_with_a_curated_paraphrase: r.positives,
    asked_without: r.negatives,
    precision: round(r.matched ? r.correct / r.matched : 1),
    recall: round(r.positives ? r.correct / r.positives : 0),
    false_answer_rate: round(r.negatives ? r.falseAnswers / r.negatives : 0),
  };
}
