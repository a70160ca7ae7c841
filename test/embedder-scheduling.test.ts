import { describe, expect, it } from 'vitest';
import { createBatchingEmbedder } from '../src/core/batching-embedder.js';
import { queryPool, tracked } from '../src/core/embedder-pool.js';
import type { Embedder, EmbedKind } from '../src/core/ports.js';

/** A model whose calls finish only when the test says so. */
function manualModel(name: string) {
  const calls: { texts: string[]; kind: EmbedKind; finish(): void; fail(e: Error): void }[] = [];
  const model: Embedder = {
    modelId: name,
    dimensions: 1,
    embed: (texts, kind) =>
      new Promise((resolve, reject) => {
        calls.push({ texts, kind, finish: () => resolve(texts.map((t) => Float32Array.of(t.length))), fail: reject });
      }),
  };
  return { model, calls };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('the question batcher', () => {
  it('gathers one turn of questions into a call and keeps two calls running, the rest waiting for a free one', async () => {
    const { model, calls } = manualModel('m');
    const batcher = createBatchingEmbedder(model, 2, 2);
    const answers = ['一', '二二', '三三三', '四四四四', '五五五五五'].map((q) => batcher.embed([q], 'query'));
    await turn();
    expect(calls.map((c) => c.texts)).toEqual([['一', '二二'], ['三三三', '四四四四']]);
    calls[0].finish();
    await turn();
    // The finished call frees a slot: the waiting question goes at once.
    expect(calls.map((c) => c.texts)).toEqual([['一', '二二'], ['三三三', '四四四四'], ['五五五五五']]);
    calls[1].finish();
    calls[2].finish();
    expect((await Promise.all(answers)).map(([v]) => v[0])).toEqual([1, 2, 3, 4, 5]);
    expect(batcher.batches).toEqual([2, 2, 1]);
  });

  it('rejects only the batch whose call failed, and skips questions aborted while waiting', async () => {
    const { model, calls } = manualModel('m');
    const batcher = createBatchingEmbedder(model, 1, 1);
    const gone = new AbortController();
    const first = batcher.embed(['一'], 'query');
    const second = batcher.embed(['二'], 'query', { signal: gone.signal });
    const third = batcher.embed(['三'], 'query');
    await turn();
    gone.abort(new Error('client left'));
    calls[0].fail(new Error('model crashed'));
    await expect(first).rejects.toThrow('model crashed');
    await expect(second).rejects.toThrow('client left');
    await turn();
    expect(calls.map((c) => c.texts)).toEqual([['一'], ['三']]);
    calls[1].finish();
    expect((await third)[0][0]).toBe(1);
  });

  it('passes document batches straight through', async () => {
    const { model, calls } = manualModel('m');
    const batcher = createBatchingEmbedder(model);
    void batcher.embed(['甲', '乙'], 'passage');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ texts: ['甲', '乙'], kind: 'passage' });
  });
});

describe('the question pool', () => {
  it('borrows the documents’ model only while the questions’ model is busy and the documents’ one is idle', async () => {
    const own = manualModel('own');
    const spare = manualModel('spare');
    const questions = tracked(own.model);
    const documents = tracked(spare.model);
    const pool = queryPool(questions, documents);

    void pool.embed(['一'], 'query');
    expect([own.calls.length, spare.calls.length]).toEqual([1, 0]);
    void pool.embed(['二'], 'query');
    expect([own.calls.length, spare.calls.length]).toEqual([1, 1]);
    // Both busy: the questions' own model queues it.
    void pool.embed(['三'], 'query');
    expect([own.calls.length, spare.calls.length]).toEqual([2, 1]);

    // While documents are being embedded, questions never go there.
    spare.calls[0].finish();
    await turn();
    void documents.embed(['文档'], 'passage');
    void pool.embed(['四'], 'query');
    expect([own.calls.length, spare.calls.length]).toEqual([3, 2]);
    expect(questions.running).toBe(3);
    expect(documents.running).toBe(1);
  });
});
