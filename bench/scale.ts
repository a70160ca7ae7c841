/**
 * `npm run bench:scale -- --chunks 100000`: builds an index of a synthetic corpus of that many chunks with the
 * product's own ingestion (cleaning, chunking, jieba tokens, BM25, HNSW) and saves it; then a fresh process loads it
 * as the server would and answers retrieval queries. Reports build time and build RSS, index size on disk, load time
 * and peak RSS of the serving process, retrieval and whole-answer p50/p95 through the product's engine, and HNSW
 * recall@10 against exact search at several `ef`.
 *
 * Vectors: embedding a synthetic corpus of this size with the model would take hours on this machine, so each chunk's
 * vector is built from stored vectors — the real model's embeddings of the seed sentences the chunk was made from
 * (their normalised sum). Questions are embedded with the real model.
 *
 * Options: --chunks N, --queries N (200), --ef 96,200,400 (search ef values to measure), --ef-construction N (200),
 * --keep DIR (build into DIR and keep it); --serve DIR and --server DIR measure a kept build again (engine in-process,
 * or the real server).
 */
import { mkdir, readFile, writeFile, mkdtemp, readdir, stat, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createJiebaTokenizer } from '../src/adapters/node/jieba-tokenizer.js';
import { createTransformersEmbedder } from '../src/adapters/node/transformers-embedder.js';
import { HnswVectorIndex, DEFAULT_HNSW } from '../src/adapters/node/hnsw-vector-index.js';
import { FsIndexStore } from '../src/adapters/node/fs-index-store.js';
import { CorpusIndex } from '../src/core/index/corpus-index.js';
import { prepareDocument } from '../src/core/ingest/prepare-document.js';
import { createEngine } from '../src/core/engine.js';
import { createVocabularyTokenizer } from '../src/core/normalize/vocabulary-tokenizer.js';
import type { StageTimings } from '../src/core/types.js';
import { foldText } from '../src/core/normalize/fold-text.js';
import { seedSentences, syntheticDocuments, random } from './synthetic-corpus.js';
import { percentile, runLoad } from './load.js';
import { createNaiveBaseline } from './naive-baseline.js';
import { peakRssMb, startServer } from './server-process.js';
import { sha256 } from '../src/adapters/node/fs-document-store.js';

const { values } = parseArgs({
  options: {
    chunks: { type: 'string', default: '10000' },
    queries: { type: 'string', default: '200' },
    ef: { type: 'string', default: '96,200,400' },
    'ef-construction': { type: 'string', default: String(DEFAULT_HNSW.efConstruction) },
    keep: { type: 'string' },
    serve: { type: 'string' },
    server: { type: 'string' },
    /** With --serve: leave out the naive baseline (minutes at 1M chunks), to re-measure the engine alone. */
    'skip-naive': { type: 'boolean', default: false },
  },
});
const ROOT = resolve(import.meta.dirname, '..');
const MODEL = 'Xenova/bge-small-zh-v1.5';
const DIM = 512;
const SETTINGS = { modelId: MODEL, dimensions: DIM, tokenizer: createJiebaTokenizer().id, chunking: { size: 300, overlap: 80 } };
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const rssMb = () => round(process.resourceUsage().maxRSS / 1024);
const efs = values.ef.split(',').map(Number);
const hnsw = { ...DEFAULT_HNSW, efConstruction: Number(values['ef-construction']) };

interface Queries {
  questions: string[];
  vectors: number[][];
}

/** Questions about the first synthetic documents, the same for every run of the same size. */
function makeQuestions(docs: { place: string; text: string }[], tokenizer: ReturnType<typeof createJiebaTokenizer>, n: number): string[] {
  const rnd = random(7);
  return Array.from({ length: n }, () => {
    const d = docs[Math.floor(rnd() * docs.length)];
    const line = d.text.split('\n').filter((l) => l.length > 20)[1 + Math.floor(rnd() * 5)] ?? d.text;
    const words = tokenizer.tokenize(foldText(line)).filter((w) => w.length >= 2 && !/\d/.test(w));
    return `${d.place}${words.slice(0, 2).join('')}是多少`;
  });
}

if (values.serve) await serve(values.serve);
else if (values.server) {
  const queries = JSON.parse(await readFile(join(values.server, 'queries.json'), 'utf8')) as Queries;
  process.stdout.write(`${JSON.stringify(await measureServer(values.server, efs[0], queries.questions), null, 2)}\n`);
  process.exit(0);
} else await build();

/** `npm start` on the corpus folder and index in `dir`: process start to healthy, answers over HTTP, peak RSS. */
async function measureServer(dir: string, ef: number, questions: string[]) {
  await mkdir(join(dir, 'uploads'), { recursive: true });
  const server = await startServer({ CORPUS_DIR: join(dir, 'corpus'), INDEX_DIR: join(dir, 'index'), UPLOAD_DIR: join(dir, 'uploads'), HNSW_EF: String(ef) }, 600_000);
  const http = await runLoad({
    port: server.port,
    path: '/api/ask',
    bodies: questions.map((q) => JSON.stringify({ question: q })),
    concurrency: 1,
    seconds: 30,
    maxRequests: questions.length,
  });
  const rss = await peakRssMb(server.child.pid!);
  server.child.kill('SIGTERM');
  return {
    hnsw_ef: ef,
    startup_seconds: round(server.startupMs / 1000, 1),
    ask_over_http_one_client: { requests: http.requests, errors: http.errors, p50_ms: http.p50, p95_ms: http.p95 },
    peak_rss_mb: round(rss),
    note: 'npm start on the synthetic corpus folder and its index: process start to healthy, questions embedded by the model',
  };
}

/** The serving side, in its own process: load as the server does, then retrieve. Prints one JSON line. */
async function serve(dir: string): Promise<void> {
  const queries = JSON.parse(await readFile(join(dir, 'queries.json'), 'utf8')) as Queries;
  const { questions } = queries;
  const store = new FsIndexStore(join(dir, 'index'), { ...hnsw, efSearch: efs[0] });
  const t = performance.now();
  const loaded = await store.load(SETTINGS);
  const loadSeconds = (performance.now() - t) / 1000;
  if (loaded.status !== 'ok') throw new Error(`reload failed: ${loaded.status}`);
  const rssAfterLoad = rssMb();
  const live = loaded.index;
  // The product's own engine, as the server builds it, with the questions' vectors stored instead of the model.
  const stored = new Map(questions.map((q, i) => [foldText(q.trim()), Float32Array.from(queries.vectors[i])]));
  const engine = createEngine({
    tokenizer: createVocabularyTokenizer((term) => live.documentBm25.df(term) > 0, (term) => live.isKnownPlace(term)),
    embedder: { modelId: MODEL, dimensions: DIM, embed: async (texts) =>
        texts.map((t) => {
          const vector = stored.get(t);
          if (!vector) throw new Error(`no stored vector for ${t}`);
          return vector;
        }),
    },
    corpus: live,
    settings: { queryCacheSize: 0 },
  });
  const runs = [];
  for (const ef of efs) {
    (live.vectors as HnswVectorIndex).setEfSearch(ef);
    const retrieval: number[] = [];
    const asks: number[] = [];
    const found: number[][] = [];
    for (let i = 0; i < questions.length; i++) {
      const timings: StageTimings = {};
      const s = performance.now();
      await engine.ask(questions[i], { timings });
      // The question is embedded while the keywords are scored: only the wait beyond that is the model's.
      asks.push(performance.now() - s - Math.max(0, (timings.embed ?? 0) - (timings.keyword ?? 0)));
      retrieval.push((timings.keyword ?? 0) + (timings.vector ?? 0) + (timings.fuse ?? 0));
      if (i < 100) found.push((await live.vectors.search(Float32Array.from(queries.vectors[i]), 10)).map((m) => m.id));
    }
    const p = (xs: number[], n: number) => round(percentile(xs, n), 2);
    runs.push({ ef, p50: p(retrieval, 50), p95: p(retrieval, 95), askP50: p(asks, 50), askP95: p(asks, 95), found });
  }
  const peakRss = rssMb();
  // The naive baseline on the same corpus files and questions, built once the serving figures are taken.
  const naive = values['skip-naive'] ? undefined : await measureNaive(join(dir, 'corpus'), questions);
  const served = { loadSeconds, rssAfterLoad, peakRss, runs, naive };
  await writeFile(join(dir, 'served.json'), JSON.stringify({ ...served, runs: runs.map(({ found, ...r }) => r) }, null, 2));
  process.stdout.write(`${JSON.stringify(served)}\n`);
  process.exit(0);
}

/** Builds the naive pipeline (400-character chunks, BM25 only) over the corpus files and times the same questions. */
async function measureNaive(corpusDir: string, questions: string[]) {
  const docs: { source: string; text: string }[] = [];
  for (const name of (await readdir(join(corpusDir, 'syn'))).sort()) {
    docs.push({ source: `syn/${name}`, text: await readFile(join(corpusDir, 'syn', name), 'utf8') });
  }
  const t = performance.now();
  const naive = createNaiveBaseline(docs);
  const buildSeconds = (performance.now() - t) / 1000;
  const latencies = questions.map((q) => {
    const s = performance.now();
    naive.ask(q);
    return performance.now() - s;
  });
  return { chunks: naive.chunks, build_seconds: round(buildSeconds, 1), p50_ms: round(percentile(latencies, 50), 2), p95_ms: round(percentile(latencies, 95), 2) };
}

async function build(): Promise<void> {
  const TARGET = Number(values.chunks);
  const QUERIES = Number(values.queries);

  // Stored vectors of the seed sentences (computed once with the real model, then cached).
  const sentences = seedSentences(join(ROOT, 'seeds'));
  const cacheFile = join(ROOT, 'bench/.cache', `seed-sentences-${sentences.length}.f32`);
  let seedVectors: Float32Array;
  const model = await createTransformersEmbedder({ modelId: MODEL, modelsDir: join(ROOT, 'models') });
  if (existsSync(cacheFile)) {
    seedVectors = new Float32Array((await readFile(cacheFile)).buffer.slice(0));
  } else {
    seedVectors = new Float32Array(sentences.length * DIM);
    const vs = await model.embed(sentences, 'passage');
    vs.forEach((v, i) => seedVectors.set(v, i * DIM));
    await mkdir(join(ROOT, 'bench/.cache'), { recursive: true });
    await writeFile(cacheFile, new Uint8Array(seedVectors.buffer));
  }

  const tokenizer = createJiebaTokenizer();
  const dir = values.keep ? resolve(values.keep) : await mkdtemp(join(tmpdir(), 'zhida-scale-'));
  // The corpus is written as files, so that the real server can start on it afterwards (and find it unchanged).
  const corpusDir = join(dir, 'corpus');
  await mkdir(join(corpusDir, 'syn'), { recursive: true });
  const encoder = new TextEncoder();
  const vectors = HnswVectorIndex.create(DIM, { ...hnsw, efSearch: efs[0] }, Math.ceil(TARGET * 1.05));
  const index = new CorpusIndex(vectors);
  /** For exact search: each chunk's seed sentences and the norm of their sum. */
  const chunkSeeds: Uint16Array[] = [];
  const chunkNorms = new Float32Array(Math.ceil(TARGET * 1.05) + 64);
  const docs: { place: string; text: string }[] = [];
  let prepareMs = 0;
  let vectorMs = 0;
  const started = performance.now();
  let lastReport = 0;
  for (const doc of syntheticDocuments(sentences, Number.MAX_SAFE_INTEGER)) {
    if (index.chunkCount >= TARGET) break;
    const file = encoder.encode(doc.text);
    await writeFile(join(corpusDir, doc.source), file);
    const modifiedAt = Math.floor((await stat(join(corpusDir, doc.source))).mtimeMs);
    let t = performance.now();
    const prepared = prepareDocument({ source: doc.source, text: doc.text, hash: sha256(file), bytes: file.length, modifiedAt }, tokenizer, SETTINGS.chunking);
    prepareMs += performance.now() - t;
    t = performance.now();
    const ids = index.allocateIds(prepared.chunks.length);
    const chunks = prepared.chunks.map((c, i) => ({ ...c, id: ids[i] }));
    const chunkVectors = chunks.map((c) => {
      const seeds = doc.sentences.filter((s) => s.start < c.end && s.end > c.start).map((s) => s.seed);
      const v = new Float32Array(DIM);
      for (const s of seeds) for (let d = 0; d < DIM; d++) v[d] += seedVectors[s * DIM + d];
      let sum = 0;
      for (let d = 0; d < DIM; d++) sum += v[d] * v[d];
      const norm = Math.sqrt(sum) || 1;
      for (let d = 0; d < DIM; d++) v[d] /= norm;
      chunkSeeds[c.id] = Uint16Array.from(seeds);
      chunkNorms[c.id] = norm;
      return v;
    });
    index.addDocument(prepared.meta, chunks, chunkVectors);
    vectorMs += performance.now() - t;
    if (docs.length < 5000) docs.push({ place: doc.place, text: doc.text });
    if (index.chunkCount - lastReport >= 10_000) {
      lastReport = index.chunkCount;
      const s = (performance.now() - started) / 1000;
      process.stderr.write(`built ${index.chunkCount}/${TARGET} chunks in ${round(s)} s (${Math.round(index.chunkCount / s)}/s), RSS ${rssMb()} MB\n`);
    }
  }
  const buildSeconds = (performance.now() - started) / 1000;

  let t = performance.now();
  const store = new FsIndexStore(join(dir, 'index'), hnsw);
  await store.save(index, SETTINGS, 'synthetic');
  const saveSeconds = (performance.now() - t) / 1000;
  const buildRss = rssMb();
  let bytes = 0;
  const gen = (await readFile(join(dir, 'index', 'CURRENT'), 'utf8')).trim();
  for (const f of await readdir(join(dir, 'index', gen))) bytes += (await stat(join(dir, 'index', gen, f))).size;

  // Questions about random synthetic documents, embedded with the real model; exact top 10 by brute force.
  const questions = makeQuestions(docs, tokenizer, QUERIES);
  const queryVectors = await model.embed(questions, 'query');
  const queries: Queries = { questions, vectors: queryVectors.map((v) => [...v]) };
  await writeFile(join(dir, 'queries.json'), JSON.stringify(queries));
  /** Exact similarity of chunk `id` to query `q`, in the space of seed sentences: Σ(q·s) / |Σ s|. */
  const exact = (perSeed: Float32Array, id: number) => {
    let score = 0;
    for (const sd of chunkSeeds[id]) score += perSeed[sd];
    return score / chunkNorms[id];
  };
  const truth = queryVectors.slice(0, 100).map((q) => {
    const perSeed = new Float32Array(sentences.length);
    for (let k = 0; k < sentences.length; k++) {
      let dot = 0;
      for (let d = 0; d < DIM; d++) dot += q[d] * seedVectors[k * DIM + d];
      perSeed[k] = dot;
    }
    const best: [number, number][] = [];
    for (let id = 0; id < chunkSeeds.length; id++) {
      if (!chunkSeeds[id]) continue;
      const score = exact(perSeed, id);
      if (best.length < 10 || score > best[best.length - 1][1]) {
        best.push([id, score]);
        best.sort((a, b) => b[1] - a[1]);
        if (best.length > 10) best.pop();
      }
    }
    return { perSeed, tenth: best[best.length - 1][1] };
  });

  // Serve from a fresh process, as the server would start.
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/scale.ts', '--serve', dir, '--ef', values.ef], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const code = await new Promise((r) => child.on('exit', r));
  if (code !== 0) throw new Error(`serving process failed (${code})`);
  const served = JSON.parse(out.trim().split('\n').pop()!) as {
    loadSeconds: number;
    rssAfterLoad: number;
    peakRss: number;
    runs: { ef: number; p50: number; p95: number; askP50: number; askP95: number; found: number[][] }[];
    naive: { chunks: number; build_seconds: number; p50_ms: number; p95_ms: number };
  };
  // Recall@10: a returned chunk counts when it is as close as the exact 10th (ties in the exact order are not misses).
  const recall = (found: number[][]) => {
    let hits = 0;
    found.forEach((ids, i) => (hits += ids.filter((id) => exact(truth[i].perSeed, id) >= truth[i].tenth - 1e-6).length));
    return round(hits / (10 * found.length), 3);
  };
  const retrieval = served.runs.map((r) => ({
    ef_search: r.ef,
    p50_ms: r.p50,
    p95_ms: r.p95,
    ask_p50_ms: r.askP50,
    ask_p95_ms: r.askP95,
    recall_at_10: recall(r.found),
  }));

  // The real server (`npm start`) on this corpus and index, at the smallest ef that reaches recall 0.95.
  const ef = retrieval.find((r) => r.recall_at_10 >= 0.95)?.ef_search ?? efs[efs.length - 1];
  const server = await measureServer(dir, ef, questions);

  const result = {
    chunks: index.chunkCount,
    documents: index.listDocuments().length,
    vectors: 'stored: normalised sums of the real model’s seed-sentence embeddings (questions embedded with the model)',
    build_seconds: round(buildSeconds, 1),
    build_breakdown_seconds: { clean_chunk_tokenise: round(prepareMs / 1000, 1), index_bm25_hnsw: round(vectorMs / 1000, 1) },
    save_seconds: round(saveSeconds, 1),
    build_peak_rss_mb: buildRss,
    index_mb_on_disk: round(bytes / 1048576),
    serving: {
      load_seconds: round(served.loadSeconds, 2),
      rss_after_load_mb: served.rssAfterLoad,
      peak_rss_mb: served.peakRss,
    },
    retrieval,
    naive_baseline: { ...served.naive, note: '400-character chunks, BM25 only, top chunk as the answer; same questions, in-process' },
    server,
    hnsw: { m: hnsw.m, ef_construction: hnsw.efConstruction },
    note:
      'retrieval = the engine’s keyword + vector + fusion stages (reading the chunks included); ask = the whole answer ' +
      '(question analysis, retrieval, answer selection) minus the model’s query embedding; serving figures from a fresh process',
  };
  await mkdir(join(ROOT, 'bench/results'), { recursive: true });
  await writeFile(join(ROOT, `bench/results/scale-${TARGET}.json`), JSON.stringify(result, null, 2));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (!values.keep) await rm(dir, { recursive: true, force: true });
  process.exit(0);
}
