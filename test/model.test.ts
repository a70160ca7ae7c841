import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createTransformersEmbedder } from '../src/adapters/node/transformers-embedder.js';
import { HnswVectorIndex } from '../src/adapters/node/hnsw-vector-index.js';
import { embeddingProfile } from '../src/core/embedding-profile.js';
import { MODELS } from './support/open-test-index.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);

describe('the committed embedding model', () => {
  /** Loaded once for the tests below (each load takes about a second). */
  const loaded = createTransformersEmbedder({ modelId: 'Xenova/bge-small-zh-v1.5', modelsDir: MODELS });

  it('loads offline, embeds, and ranks the related passage first in HNSW', async () => {
    const embedder = await loaded;
    expect(embedder.dimensions).toBe(512);
    const passages = ['力争全年招商项目达到50个，协议总投资达到200亿元以上。', '今年夏天雨水偏多，注意防汛。', '市委书记李谦出席会议并讲话。'];
    const vectors = await embedder.embed(passages, 'passage');
    for (const v of vectors) expect(Math.abs(dot(v, v) - 1)).toBeLessThan(1e-3);
    const [q] = await embedder.embed(['平陆招商目标是多少'], 'query');
    const index = HnswVectorIndex.create(512);
    vectors.forEach((v, i) => index.add(i, v));
    const [best] = index.search(q, 3);
    expect(best.id).toBe(0);
    expect(best.score).toBeCloseTo(dot(q, vectors[0]), 4);
    index.remove(0);
    expect(index.search(q, 3).map((m) => m.id)).not.toContain(0);
  });

  it('searches with the question alone and compares questions with the instruction before it', async () => {
    const embedder = await loaded;
    const question = '平陆招商目标是多少';
    const { questionPrefix } = embeddingProfile(embedder.modelId);
    const [query, compared, bare, instructed] = [
      ...(await embedder.embed([question], 'query')),
      ...(await embedder.embed([question], 'question')),
      ...(await embedder.embed([question, questionPrefix + question], 'passage')),
    ];
    expect(dot(query, bare)).toBeCloseTo(1, 5);
    expect(dot(compared, instructed)).toBeCloseTo(1, 5);
    expect(dot(query, compared)).toBeLessThan(0.99);
  });

  it('refuses a model that is not on disk, naming the setting', async () => {
    await expect(createTransformersEmbedder({ modelId: 'Xenova/not-here', modelsDir: MODELS })).rejects.toThrow(/MODEL_ID/);
  });

  it('gives each model family its pooling and prefixes', () => {
    // bge-zh searches without its instruction and compares questions with it.
    expect(embeddingProfile('Xenova/bge-small-zh-v1.5')).toEqual({ pooling: 'cls', queryPrefix: '', questionPrefix: '为这个句子生成表示以用于检索相关文章：', passagePrefix: '' });
    expect(embeddingProfile('Xenova/multilingual-e5-small')).toEqual({ pooling: 'mean', queryPrefix: 'query: ', questionPrefix: 'query: ', passagePrefix: 'passage: ' });
  });
});

describe('the model in a worker thread', () => {
  it('gives the same vectors as in-process, without blocking the caller', async () => {
    const { createWorkerEmbedder } = await import('../src/adapters/node/worker-embedder.js');
    const worker = await createWorkerEmbedder({ modelId: 'Xenova/bge-small-zh-v1.5', modelsDir: MODELS });
    const local = await createTransformersEmbedder({ modelId: 'Xenova/bge-small-zh-v1.5', modelsDir: MODELS });
    const [a] = await worker.embed(['枣强县委书记是谁'], 'query');
    const [b] = await local.embed(['枣强县委书记是谁'], 'query');
    expect(worker.dimensions).toBe(512);
    expect(dot(a, b)).toBeGreaterThan(0.9999);
    // One signal over many batches (an upload): each settled batch lets go of its abort listener.
    const upload = new AbortController();
    for (let i = 0; i < 12; i++) await worker.embed([`第${i}段`], 'passage', { signal: upload.signal });
    expect(getEventListeners(upload.signal, 'abort')).toHaveLength(0);
    const aborted = new AbortController();
    const pending = worker.embed(['平陆'], 'query', { signal: aborted.signal });
    aborted.abort(new Error('gone'));
    await expect(pending).rejects.toThrow('gone');
    await worker.close();
  });
});
