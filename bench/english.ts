/**
 * `npm run bench:english -- [SET.jsonl ...]`: what English questions cost on the seed corpus, in process — the
 * translator's build time and heap (the dictionary reduced to the corpus's words), and /api/ask-equivalent latency
 * (engine.ask, the query model warm) of English questions beside the Chinese dev set, and how long a rebuild (after
 * documents change) holds the event loop, in one go and in slices. Run it with `node --expose-gc` for the heap figure.
 */
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/adapters/node/logger.js';
import { openEvalIndex } from '../src/entries/node/eval-index.js';
import { buildTranslator, createTranslator } from '../src/core/translate/translator.js';
import { parseSet } from '../src/eval/run-eval.js';
import { percentile } from './load.js';

const sets = process.argv.slice(2).length ? process.argv.slice(2) : ['eval/seeds/english.jsonl'];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const round = (n: number) => Math.round(n * 10) / 10;
const gc = (globalThis as { gc?: () => void }).gc;

/** The longest the event loop went without a turn while `work` ran: the longest gap of a 1 ms timer. */
async function longestGap(work: () => unknown): Promise<number> {
  const turn = () => new Promise((resolve) => setTimeout(resolve, 5));
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await turn();
  [last, longest] = [performance.now(), 0];
  await work();
  await turn();
  clearInterval(timer);
  return longest;
}

const opened = await openEvalIndex(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), 'seeds', { log: createLogger('silent'), progress: false });

// The translator as the engine builds it at load, measured on its own.
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const sources = opened.translation;
if (!sources) throw new Error('English questions are off (ENGLISH_QUESTIONS=off): nothing to measure.');
const translator = createTranslator(sources);
const buildMs = performance.now() - started;
gc?.();
const heapMb = gc ? (process.memoryUsage().heapUsed - heapBefore) / 1e6 : undefined;

/** Latency of each question asked for the first time (its embedding computed) and again (the query vector cached). */
async function latency(questions: string[]) {
  const first: number[] = [];
  const again: number[] = [];
  for (let r = 0; r <= ROUNDS; r++) {
    for (const q of questions) {
      const t = performance.now();
      await opened.engine.ask(q);
      (r === 0 ? first : again).push(performance.now() - t);
    }
  }
  const stats = (times: number[]) => ({ p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), n: times.length });
  return { first: stats(first), again: stats(again) };
}

// The model and the word segmenter warm, as on a server that has answered a question.
await opened.engine.ask('预热');
const questionsOf = async (file: string) => parseSet(await readFile(file, 'utf8')).filter((i) => i.question && !i.conversation?.length).map((i) => i.question!);
const english = (await Promise.all(sets.map(questionsOf))).flat();
const chinese = await questionsOf('eval/seeds/dev.jsonl');
const rebuild = { longestGapInOneGoMs: round(await longestGap(() => createTranslator(sources))), longestGapInSlicesMs: round(await longestGap(() => buildTranslator(sources))) };
const result = {
  translator: { ...translator.stats, buildMs: Math.round(buildMs), heapMb: heapMb === undefined ? 'run with node --expose-gc' : round(heapMb) },
  rebuild,
  english: await latency(english),
  chineseDev: await latency(chinese),
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
await opened.close();
