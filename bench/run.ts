/**
 * `npm run bench`: build time, ingestion rates, startup with a persisted index, /api/ask latency for one client and
 * at 8/32/64 concurrent clients (127.0.0.1 only, bounded in time), per-stage times, peak RSS, and the naive
 * baseline side by side. Prints a table and writes bench/results/latest.json.
 * BENCH_SECONDS (default 10) sets the length of each concurrent run; the 32-client run lasts twice as long.
 */
import { mkdir, readFile, readdir, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/adapters/node/logger.js';
import { openIndex } from '../src/entries/node/open-index.js';
import { parseDocument } from '../src/adapters/node/parse-document.js';
import { prepareDocument } from '../src/core/ingest/prepare-document.js';
import { createJiebaTokenizer } from '../src/adapters/node/jieba-tokenizer.js';
import type { StageTimings } from '../src/core/types.js';
import { scoreItem, summarise, type EvalItem } from '../src/eval/metrics.js';
import { createNaiveBaseline } from './naive-baseline.js';
import { loadQuestions, devItems } from './questions.js';
import { percentile, runLoad, type LoadResult } from './load.js';
import { peakRssMb, startServer } from './server-process.js';

const ROOT = resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

// 1. Parsing and chunking rate, and a full build with embedding.
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const tokenizer = createJiebaTokenizer();
const files = (await readdir(resolve(config.CORPUS_DIR))).filter((f) => !f.startsWith('.'));
tokenizer.tokenize('预热分词词典');
let t = performance.now();
const texts: { source: string; text: string }[] = [];
for (const f of files) {
  const bytes = new Uint8Array(await readFile(join(resolve(config.CORPUS_DIR), f)));
  const { text } = await parseDocument(f, bytes);
  prepareDocument({ source: f, text, hash: '', bytes: bytes.length }, tokenizer, { size: config.CHUNK_SIZE, overlap: config.CHUNK_OVERLAP });
  texts.push({ source: f, text });
}
const parseSeconds = (performance.now() - t) / 1000;

const indexDir = await mkdtemp(join(tmpdir(), 'zhida-bench-'));
t = performance.now();
// The seed corpus alone: documents uploaded to a server here are not part of the benchmark.
const uploadDir = await mkdtemp(join(tmpdir(), 'zhida-bench-uploads-'));
const opened = await openIndex({ ...config, INDEX_DIR: indexDir, UPLOAD_DIR: uploadDir, QUERY_CACHE_SIZE: 0 }, { log: createLogger('silent'), rebuild: true });
const buildSeconds = (performance.now() - t) / 1000;
const chunks = opened.index.chunkCount;

// 2. In-process answering: per-stage times, accuracy, and the naive baseline side by side.
const dev = devItems() as EvalItem[];
const singles = dev.filter((d) => !d.conversation);
const stageSums: Record<string, number[]> = {};
const oursMs: number[] = [];
const oursResults = [];
for (const item of singles) {
  const timings: StageTimings = {};
  const s = performance.now();
  const answer = await opened.engine.ask(item.question, { timings });
  const ms = performance.now() - s;
  oursMs.push(ms);
  oursResults.push(scoreItem(item, answer, ms));
  for (const [k, v] of Object.entries(timings)) (stageSums[k] ??= []).push(v);
}
const naive = createNaiveBaseline(texts);
const naiveMs: number[] = [];
const naiveResults = [];
for (const item of singles) {
  const s = performance.now();
  const answer = naive.ask(item.question);
  const ms = performance.now() - s;
  naiveMs.push(ms);
  naiveResults.push(scoreItem(item, answer, ms));
}
const ours = summarise(oursResults);
const base = summarise(naiveResults);
const stages = Object.fromEntries(
  Object.entries(stageSums).map(([k, v]) => [k, round(v.reduce((a, b) => a + b, 0) / v.length, 2)]),
);

// 3. Over HTTP: startup with the persisted index, one client, then 8/32/64 concurrent clients.
const { child, port, startupMs } = await startServer({ INDEX_DIR: indexDir, UPLOAD_DIR: uploadDir });
const questions = loadQuestions();
const bodies = questions.map((q) => JSON.stringify({ question: q }));
await runLoad({ port, path: '/api/ask', bodies, concurrency: 4, seconds: 3 });
const single = await runLoad({ port, path: '/api/ask', bodies, concurrency: 1, seconds: SECONDS, maxRequests: 2000 });
const loads: LoadResult[] = [];
for (const c of [8, 32, 64]) loads.push(await runLoad({ port, path: '/api/ask', bodies, concurrency: c, seconds: c === 32 ? SECONDS * 2 : SECONDS }));
const serverRss = await peakRssMb(child.pid!);
child.kill('SIGTERM');

const result = {
  date: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  corpus: { documents: files.length, chunks },
  ingestion: {
    docs_per_s: round(files.length / parseSeconds),
    build_seconds: round(buildSeconds, 2),
    chunks_embedded_per_s: round(chunks / buildSeconds),
  },
  startup_ms_persisted_index: Math.round(startupMs),
  ask_one_client: single,
  ask_concurrent: loads,
  stages_ms_mean: stages,
  in_process_ms: { p50: round(percentile(oursMs, 50), 2), p95: round(percentile(oursMs, 95), 2) },
  peak_rss_mb: { server: round(serverRss), bench_process: round(process.resourceUsage().maxRSS / 1024) },
  accuracy: { ours, naive: base },
  naive_in_process_ms: { p50: round(percentile(naiveMs, 50), 2), p95: round(percentile(naiveMs, 95), 2), chunks: naive.chunks },
  ratios: {
    correct: base.correct ? round(ours.correct / base.correct, 2) : null,
    hit1: base.hit1 ? round(ours.hit1 / base.hit1, 2) : null,
    latency_p50: round(percentile(oursMs, 50) / Math.max(0.001, percentile(naiveMs, 50)), 1),
  },
  notes: 'Load runs send distinct questions with the query-embedding cache off (QUERY_CACHE_SIZE=0), from this process to a server child process on 127.0.0.1.',
};

await mkdir(join(ROOT, 'bench/results'), { recursive: true });
await writeFile(join(ROOT, 'bench/results/latest.json'), JSON.stringify(result, null, 2));

const rows: [string, string][] = [
  ['corpus', `${files.length} documents, ${chunks} chunks`],
  ['parse + chunk', `${result.ingestion.docs_per_s} docs/s`],
  ['index build (embed all)', `${result.ingestion.build_seconds} s, ${result.ingestion.chunks_embedded_per_s} chunks/s`],
  ['startup, persisted index', `${result.startup_ms_persisted_index} ms (process start to healthy)`],
  ['/api/ask 1 client', `p50 ${single.p50} ms  p95 ${single.p95} ms  p99 ${single.p99} ms  ${single.rps} req/s`],
  ...loads.map((l): [string, string] => [
    `/api/ask ${l.concurrency} clients, ${l.seconds}s`,
    `${l.rps} req/s  p50 ${l.p50} ms  p95 ${l.p95} ms  p99 ${l.p99} ms  errors ${l.errors}/${l.requests}`,
  ]),
  ['stages (mean ms)', `${Object.entries(stages).map(([k, v]) => `${k} ${v}`).join('  ')} (embed runs alongside keyword)`],
  ['peak RSS', `server ${result.peak_rss_mb.server} MB, bench ${result.peak_rss_mb.bench_process} MB`],
  ['accuracy (dev, ours)', `hit1 ${ours.hit1} hit5 ${ours.hit5} correct ${ours.correct} concise ${ours.concise} refused ${ours.refused}`],
  ['accuracy (naive)', `hit1 ${base.hit1} hit5 ${base.hit5} correct ${base.correct} concise ${base.concise} refused ${base.refused}`],
  ['latency in-process', `ours p50 ${result.in_process_ms.p50} ms, naive p50 ${result.naive_in_process_ms.p50} ms (×${result.ratios.latency_p50})`],
  ['ratio ours/naive', `correct ×${result.ratios.correct}  hit1 ×${result.ratios.hit1}`],
];
const width = Math.max(...rows.map(([k]) => k.length));
process.stdout.write(`\n${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n\nwritten bench/results/latest.json\n`);
process.exit(0);
