/**
 * @module cli-eval: `npm run eval -- [--set FILE] [--corpus DIR | --url URL] [--check] [--min metric=value,...]`
 * scores the bot on a question set (eval/SCORING.md). With --corpus, DIR is indexed in an index of its own (cached);
 * with --url, a running server is asked; otherwise the server on 127.0.0.1:$PORT when one answers, else the
 * configured corpus in process. Prints the summary, the summary by kind and the failures as JSON.
 * --check exits 1 when a metric is below its threshold (--min, else the dev set's).
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.js';
import { createApp } from '../../app.js';
import { createLogger } from '../../adapters/node/logger.js';
import { openIndex, type OpenedIndex } from './open-index.js';
import { combinedCorpus, openEvalIndex } from './eval-index.js';
import { summarise, type ItemResult } from '../../eval/metrics.js';
import { parseSet, runEval, type Request } from '../../eval/run-eval.js';
import { exitOnError } from './exit-on-error.js';

exitOnError();

const USAGE = `usage: npm run eval -- [--set FILE] [--corpus DIR | --url URL] [--check] [--min metric=value,...]
  --set FILE     question set, JSON lines (default eval/seeds/dev.jsonl)
  --corpus DIR   index DIR on its own (cached under .cache/eval-index/) and ask it in process
  --add DIR      with --corpus: index these documents too, in a subfolder (repeatable); answers about
                 DIR's documents should not change
  --url URL      ask a running server instead
  --check        exit 1 when a metric is below its threshold
  --min LIST     thresholds, e.g. correct=0.8,refused=0.85,wrong_max=0.12 (default: the dev set's)
  --baseline F   a previous run's output: --check also fails when a rate of the answers drops by more than 0.02
                 from it (wrong: rises), e.g. the same set with and without --add; /api/search's rates are reported
`;
/** How far a rate may move from the baseline's. */
const BASELINE_TOLERANCE = 0.02;
/**
 * Rates of the answers, held to the baseline. /api/search's own (search_hit1, search_hit5) are not: a question that
 * names no document's subject is searched over the whole corpus, so its ranking may move when documents are added.
 */
const RATES = ['correct', 'refused', 'overall', 'concise', 'grounded', 'hit1', 'hit5'] as const;
const DEV_THRESHOLDS = { hit5: 0.97, hit1: 0.85, correct: 0.9, concise: 0.85, grounded: 1, refused: 1 };

function fail(message: string): never {
  process.stderr.write(`eval: ${message}\n${USAGE}`);
  process.exit(2);
}

let values: { set: string; corpus?: string; add?: string[]; url?: string; check: boolean; min?: string; baseline?: string; help: boolean };
try {
  ({ values } = parseArgs({
    options: {
      set: { type: 'string', default: 'eval/seeds/dev.jsonl' },
      corpus: { type: 'string' },
      add: { type: 'string', multiple: true },
      url: { type: 'string' },
      check: { type: 'boolean', default: false },
      min: { type: 'string' },
      baseline: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }) as { values: typeof values });
} catch (e) {
  fail((e as Error).message);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (values.corpus && values.url) fail('--corpus and --url exclude each other (a server answers from its own corpus)');
if (!existsSync(values.set)) fail(`no question set at ${values.set}`);
if (values.corpus && !existsSync(values.corpus)) fail(`no corpus folder at ${values.corpus}`);
if (values.add?.length && !values.corpus) fail('--add needs --corpus');
if (values.baseline && !existsSync(values.baseline)) fail(`no baseline at ${values.baseline}`);
for (const d of values.add ?? []) if (!existsSync(d)) fail(`no folder at ${d}`);

/** `correct=0.8,wrong_max=0.12`: a floor per metric, or a ceiling for names ending in `_max`. */
function parseThresholds(spec: string | undefined): Record<string, number> {
  if (!spec) return DEV_THRESHOLDS;
  const out: Record<string, number> = {};
  for (const part of spec.split(',').filter(Boolean)) {
    const [name, value] = part.split('=');
    if (!name || !value || !Number.isFinite(Number(value))) fail(`bad threshold "${part}"`);
    out[name.trim()] = Number(value);
  }
  return out;
}

const jsonPost = (base: string): Request => (path, body) =>
  fetch(base + path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function pickTarget(): Promise<{ request: Request; where: string; opened?: OpenedIndex }> {
  const config = loadConfig(process.env);
  const log = createLogger('warn', 'stderr');
  if (!values.corpus) {
    const url = values.url ?? `http://127.0.0.1:${config.PORT}`;
    const up = await fetch(`${url}/healthz`).then((r) => r.ok).catch(() => false);
    if (values.url && !up) fail(`no server answers at ${url}`);
    if (up) return { request: jsonPost(url), where: url };
  }
  const corpus = values.corpus && (values.add?.length ? await combinedCorpus(values.corpus, values.add) : values.corpus);
  const opened = corpus ? await openEvalIndex(config, corpus, { log, progress: true }) : await openIndex(config, { log });
  const app = createApp({ engine: () => opened.engine, http: { rateLimitPerMinute: 0 } });
  const request: Request = async (path, body) =>
    app.request(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const where = values.corpus ? `in-process, corpus ${[values.corpus, ...(values.add ?? [])].join(' + ')}` : 'in-process';
  return { request, where, opened };
}

const items = parseSet(await readFile(values.set, 'utf8'));
const thresholds = parseThresholds(values.min);
const target = await pickTarget();
const results = await runEval(target.request, items);
await target.opened?.close();

const summary = summarise(results);
const kinds = [...new Set(results.map((r) => r.kind ?? 'other'))];
const byKind = Object.fromEntries(kinds.map((k) => [k, summarise(results.filter((r) => (r.kind ?? 'other') === k))]));
const failed = (r: ItemResult) => (r.refused === undefined ? !r.correct : !r.refused);
const failures = results
  .filter(failed)
  .map((r) => ({ id: r.id, kind: r.kind, question: r.question, query: r.query, found: r.found, hit5: r.hit5, searchHit5: r.searchHit5, answer: r.answer }));
const below = Object.entries(thresholds)
  .filter(([name, v]) => {
    const metric = (summary as Record<string, number>)[name.replace(/_max$/, '')];
    if (metric === undefined) fail(`unknown metric "${name}"`);
    return name.endsWith('_max') ? metric > v : metric < v;
  })
  .map(([name]) => name);
if (values.baseline) {
  const before = (JSON.parse(await readFile(values.baseline, 'utf8')) as { summary: Record<string, number> }).summary;
  const now = summary as Record<string, number>;
  for (const rate of RATES) if (now[rate] < before[rate] - BASELINE_TOLERANCE) below.push(`${rate} (${before[rate]} → ${now[rate]})`);
  if (now.wrong > before.wrong + BASELINE_TOLERANCE) below.push(`wrong (${before.wrong} → ${now.wrong})`);
}
process.stdout.write(`${JSON.stringify({ set: values.set, target: target.where, summary, by_kind: byKind, thresholds, below, failures }, null, 2)}\n`);
const line = ['correct', 'refused', 'wrong', 'overall', 'hit1', 'hit5', 'search_hit5', 'median_answer_chars'].map((k) => `${k} ${(summary as Record<string, number>)[k]}`).join(' · ');
process.stderr.write(`${values.set}: ${line}${below.length ? ` — below threshold: ${below.join(', ')}` : ''}\n`);
process.exit(values.check && below.length ? 1 : 0);
