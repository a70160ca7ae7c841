/**
 * @module cli-calibrate-qa: `npm run calibrate:qa` measures the similarity threshold of curated answers (问答对) for
 * the bundled embedding model and writes it to src/core/curated/qa-threshold.json, with its cross-validated figures.
 * Questions come from eval/qa-pairs.jsonl (paraphrase groups written for this) and the question sets of eval/seeds,
 * eval/cmrc-trial and eval/drcd-trial (same document and same gold keys: the same fact). Deterministic.
 *   --folds N        cross-validation folds, by document (default 5)
 *   --max-false R    the share of different-fact question pairs of one document allowed to match (default 0.01)
 *   --no-write       report only
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.js';
import { createTransformersEmbedder } from '../../adapters/node/transformers-embedder.js';
import { questionVectors, QUESTION_KIND } from '../../core/curated/question-vector.js';
import { chooseThreshold, crossValidate, figures, pairScores, shareAtOrAbove, type LabelledQuestion } from '../../train/calibrate-qa.js';
import { exitOnError } from './exit-on-error.js';
import { printHelpIfAsked } from './cli-help.js';

exitOnError();
printHelpIfAsked(`usage: npm run calibrate:qa [-- options]
  --folds N        cross-validation folds, by document (default 5)
  --max-false R    the share of different-fact question pairs of one document allowed to match (default 0.01)
  --no-write       report only`);

const { values } = parseArgs({ options: { folds: { type: 'string', default: '5' }, 'max-false': { type: 'string', default: '0.01' }, 'no-write': { type: 'boolean', default: false } } });
const folds = Number(values.folds);
const maxFalse = Number(values['max-false']);
const ROOT = resolve(import.meta.dirname, '../../..');
const OUT = join(ROOT, 'src/core/curated/qa-threshold.json');

const lines = (file: string) => readFileSync(join(ROOT, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

function evalSet(file: string, set: string): LabelledQuestion[] {
  return lines(file).map((q: { id: string; question: string; source?: string; keys?: string[][] }) =>
    // An unanswerable question has no document of its own: it only ever pairs as a negative.
    q.source && q.keys?.length
      ? { question: q.question, document: `${set}/${q.source}`, fact: JSON.stringify(q.keys) }
      : { question: q.question, document: `${set}/unanswerable/${q.id}`, fact: q.id },
  );
}

const own: LabelledQuestion[] = lines('eval/qa-pairs.jsonl').flatMap((g: { topic: string; fact: string; questions: string[] }) =>
  g.questions.map((question) => ({ question, document: `qa-pairs/${g.topic}`, fact: g.fact })),
);
const items: LabelledQuestion[] = [
  ...own,
  ...['train', 'dev', 'extra'].flatMap((s) => evalSet(`eval/seeds/${s}.jsonl`, 'seeds')),
  ...evalSet('eval/cmrc-trial/questions.jsonl', 'cmrc'),
  ...evalSet('eval/drcd-trial/questions.jsonl', 'drcd'),
];

const config = loadConfig(process.env);
const embedder = await createTransformersEmbedder({ modelId: config.MODEL_ID, modelsDir: resolve(config.MODELS_DIR), threads: 2 });
const vectors: Float32Array[] = [];
for (let i = 0; i < items.length; i += 32) {
  vectors.push(...(await questionVectors(embedder, items.slice(i, i + 32).map((it) => it.question))));
  process.stderr.write(`\rembedded ${Math.min(i + 32, items.length)}/${items.length}`);
}
process.stderr.write('\n');

const all = items.map((_, i) => i);
const isOwn = (q: LabelledQuestion) => q.document.startsWith('qa-pairs/');
const pairs = pairScores(items, vectors, all);
const threshold = chooseThreshold(pairs.negatives, maxFalse);
const cv = crossValidate(items, vectors, folds, maxFalse, isOwn);
const round = (x: number) => Math.round(x * 10_000) / 10_000;
const result = {
  threshold,
  rule: `lowest threshold that at most ${maxFalse * 100}% of the pairs of questions about different facts of one document reach`,
  embedded: `folded question, ${QUESTION_KIND} kind, cosine similarity`,
  data: {
    questions: items.length,
    own_paraphrase_questions: own.length,
    documents: new Set(items.map((it) => it.document)).size,
    same_fact_pairs: pairs.positives.length,
    different_fact_pairs: pairs.negatives.length,
  },
  at_threshold: {
    same_fact_pairs_matched: round(shareAtOrAbove(pairs.positives, threshold)),
    different_fact_pairs_matched: round(shareAtOrAbove(pairs.negatives, threshold)),
  },
  cross_validated: {
    folds,
    split: 'by document',
    fold_thresholds: cv.thresholds,
    same_fact_pairs_matched: round(cv.pairs.positivesMatched / cv.pairs.positives),
    different_fact_pairs_matched: round(cv.pairs.negativesMatched / cv.pairs.negatives),
    replay_own_paraphrases: figures(cv.own),
    replay_all_sets: figures(cv.all),
  },
};
console.log(JSON.stringify({ model: config.MODEL_ID, ...result }, null, 2));
if (!values['no-write']) {
  const previous = JSON.parse(readFileSync(OUT, 'utf8')) as { models: Record<string, unknown> };
  writeFileSync(OUT, `${JSON.stringify({ models: { ...previous.models, [config.MODEL_ID]: result } }, null, 2)}\n`);
  console.log(`wrote ${OUT}`);
}
