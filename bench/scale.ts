/**
 * `npm run bench:scale -- --chunks 100000`: builds an index of a synthetic corpus of that many chunks with the
 * product's own ingestion (cleaning, chunking, jieba tokens, BM25, HNSW), and reports build time, peak RSS, index size
 * on disk, load time of the persisted index, retrieval p50/p95 and HNSW recall@10 against exact search.
 *
 * Vectors: embedding a synthetic corpus of this size with the model would take hours on this machine, so each chunk's
 * vector is built from stored vectors — the real model's embeddings of the seed sentences the chunk was made from
 * (their normalised sum). Questions are embedded with the real model.
 */
import { mkdir, readFile, writeFile, mkdtemp, readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createJiebaTokenizer } from '../src/adapters/node/jieba-tokenizer.js';
import { createTransformersEmbedder } from '../src/adapters/node/transformers-embedder.js';
import { HnswVectorIndex, DEFAULT_HNSW } from '../src/adapters/node/hnsw-vector-index.js';
import { FsIndexStore } from '../src/adapters/node/fs-index-store.js';
import { CorpusIndex } from '../src/core/index/corpus-index.js';
import { prepareDocument } from '../src/core/ingest/prepare-document.js';
import { hybridSearch } from '../src/core/retrieve/hybrid-search.js';
import { DEFAULT_ENGINE_SETTINGS } from '../src/core/engine.js';
import { foldText } from '../src/core/normalize/fold-text.js';
import { seedSentences, syntheticDocuments, random } from './synthetic-corpus.js';
import { percentile } from './load.js';

const { values } = parseArgs({ options: { chunks: { type: 'string', default: '10000' }, queries: { type: 'string', default: '200' }, ef: { type: 'string' } } });
const TARGET = Number(values.chunks);
const QUERIES = Number(values.queries);
const ROOT = resolve(import.meta.dirname, '..');
const MODEL = 'Xenova/bge-small-zh-v1.5';
const DIM = 512;
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const rssMb = () => round(process.resourceUsage().maxRSS / 1024);

// Stored vectors of the seed sentences (computed once with the real model, then cached).
const sentences = seedSentences(join(ROOT, 'seeds'));
const cacheFile = join(ROOT, 'bench/.cache', `seed-sentences-${sentences.length}.f32`);
let seedVectors: Float32Array;
const model = await createTransformersEmbedder({ modelId: MODEL, modelsDir: join(ROOT, 'models'), batchSize: 32 });
if (existsSync(cacheFile)) {
  seedVectors = new Float32Array((await readFile(cacheFile)).buffer.slice(0));
} else {
  seedVectors = new Float32Array(sentences.length * DIM);
  const vs = await model.embed(sentences, 'passage');
  vs.forEach((v, i) => seedVectors.set(v, i * DIM));
  await mkdir(join(ROOT, 'bench/.cache'), { recursive: true });
  await writeFile(cacheFile, new Uint8Array(seedVectors.buffer));
}

// Build.
const tokenizer = createJiebaTokenizer();
const ef = values.ef ? Number(values.ef) : DEFAULT_HNSW.efSearch;
const hnsw = { ...DEFAULT_HNSW, efSearch: ef };
const vectors = HnswVectorIndex.create(DIM, hnsw, Math.ceil(TARGET * 1.05));
const index = new CorpusIndex(vectors);
/** For exact search: each chunk's seed sentences and the norm of their sum. */
const chunkSeeds: number[][] = [];
const chunkNorms: number[] = [];
const docs: { source: string; place: string; text: string }[] = [];
let prepareMs = 0;
let vectorMs = 0;
const started = performance.now();
for (const doc of syntheticDocuments(sentences, Number.MAX_SAFE_INTEGER)) {
  if (index.chunkCount >= TARGET) break;
  let t = performance.now();
  const prepared = prepareDocument({ source: doc.source, text: doc.text, hash: doc.source, bytes: doc.text.length }, tokenizer, { size: 300, overlap: 80 });
  prepareMs += performance.now() - t;
  t = performance.now();
  const ids = index.allocateIds(prepared.chunks.length);
  const chunks = prepared.chunks.map((c, i) => ({ ...c, id: ids[i] }));
  const chunkVectors = chunks.map((c) => {
    const seeds = doc.sentences.filter((s) => s.start < c.end && s.end > c.start).map((s) => s.seed);
    const v = new Float32Array(DIM);
    for (const s of seeds) for (let d = 0; d < DIM; d++) v[d] += seedVectors[s * DIM + d];
    const norm = Math.hypot(...v) || 1;
    for (let d = 0; d < DIM; d++) v[d] /= norm;
    chunkSeeds[c.id] = seeds;
    chunkNorms[c.id] = norm;
    return v;
  });
  index.addDocument(prepared.meta, chunks, chunkVectors);
  vectorMs += performance.now() - t;
  if (docs.length < 5000) docs.push({ source: doc.source, place: doc.place, text: doc.text });
  if (index.chunkCount % 10000 < chunks.length) process.stderr.write(`built ${index.chunkCount}/${TARGET} chunks, ${rssMb()} MB\n`);
}
const buildSeconds = (performance.now() - started) / 1000;

// Persist and reload (startup without re-tokenising or re-embedding).
const dir = await mkdtemp(join(tmpdir(), 'zhida-scale-'));
const store = new FsIndexStore(dir, hnsw);
const settings = { modelId: MODEL, dimensions: DIM, tokenizer: tokenizer.id, chunking: { size: 300, overlap: 80 } };
let t = performance.now();
await store.save(index, settings, 'synthetic');
const saveSeconds = (performance.now() - t) / 1000;
let bytes = 0;
const gen = (await readFile(join(dir, 'CURRENT'), 'utf8')).trim();
for (const f of await readdir(join(dir, gen))) bytes += (await stat(join(dir, gen, f))).size;
t = performance.now();
const loaded = await store.load(settings);
const loadSeconds = (performance.now() - t) / 1000;
if (loaded.status !== 'ok') throw new Error('reload failed');

// Questions about random synthetic documents, embedded with the real model.
const rnd = random(7);
const questions = Array.from({ length: QUERIES }, () => {
  const d = docs[Math.floor(rnd() * docs.length)];
  const line = d.text.split('\n').filter((l) => l.length > 20)[1 + Math.floor(rnd() * 5)] ?? d.text;
  const words = tokenizer.tokenize(foldText(line)).filter((w) => w.length >= 2 && !/\d/.test(w));
  return `${d.place}${words.slice(0, 2).join('')}是多少`;
});
const queryVectors = await model.embed(questions, 'query');

const latencies: number[] = [];
let recallHits = 0;
let recallTotal = 0;
const live = loaded.index;
for (let i = 0; i < questions.length; i++) {
  const q = questions[i];
  const tokens = tokenizer.tokenize(foldText(q));
  const s = performance.now();
  await hybridSearch(live, live, { tokens, vector: queryVectors[i] }, { k: 5, candidates: 50, weights: DEFAULT_ENGINE_SETTINGS.weights });
  latencies.push(performance.now() - s);
  if (i < 100) {
    // Exact top 10 by brute force, in the space of seed sentences: q·normalise(Σ s) = Σ(q·s) / |Σ s|.
    const qs = new Float32Array(sentences.length);
    for (let k = 0; k < sentences.length; k++) {
      let dot = 0;
      for (let d = 0; d < DIM; d++) dot += queryVectors[i][d] * seedVectors[k * DIM + d];
      qs[k] = dot;
    }
    const best: [number, number][] = [];
    for (let id = 0; id < chunkSeeds.length; id++) {
      const seeds = chunkSeeds[id];
      if (!seeds) continue;
      let score = 0;
      for (const sd of seeds) score += qs[sd];
      score /= chunkNorms[id];
      if (best.length < 10 || score > best[best.length - 1][1]) {
        best.push([id, score]);
        best.sort((a, b) => b[1] - a[1]);
        if (best.length > 10) best.pop();
      }
    }
    const approx = new Set((await live.vectors.search(queryVectors[i], 10)).map((m) => m.id));
    recallHits += best.filter(([id]) => approx.has(id)).length;
    recallTotal += best.length;
  }
}

const result = {
  chunks: index.chunkCount,
  documents: index.listDocuments().length,
  vectors: 'stored: normalised sums of the real model’s seed-sentence embeddings',
  build_seconds: round(buildSeconds, 1),
  build_breakdown_seconds: { clean_chunk_tokenise: round(prepareMs / 1000, 1), index_bm25_hnsw: round(vectorMs / 1000, 1) },
  save_seconds: round(saveSeconds, 1),
  index_mb_on_disk: round(bytes / 1048576),
  load_seconds: round(loadSeconds, 2),
  retrieval_ms: { p50: round(percentile(latencies, 50), 2), p95: round(percentile(latencies, 95), 2), note: 'BM25 + HNSW + fusion, query embedding excluded' },
  hnsw: { m: hnsw.m, ef_construction: hnsw.efConstruction, ef_search: ef, recall_at_10: round(recallHits / Math.max(1, recallTotal), 3) },
  peak_rss_mb: rssMb(),
};
await mkdir(join(ROOT, 'bench/results'), { recursive: true });
await writeFile(join(ROOT, `bench/results/scale-${TARGET}.json`), JSON.stringify(result, null, 2));
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
process.exit(0);
