import { describe, expect, it } from 'vitest';
import { Bm25Index, bm25Idf, bm25Term, CHUNK_BM25 } from '../src/core/retrieve/bm25-index.js';
import { ChunkTable } from '../src/core/index/chunk-table.js';
import { packParts } from '../src/core/index/binary-pack.js';
import { CorpusIndex } from '../src/core/index/corpus-index.js';
import type { VectorIndex } from '../src/core/ports.js';

const join = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
};

/** The textbook BM25 over plain maps: what the packed index must agree with to the last digit. */
function reference(entries: Map<number, string[]>, query: string[]) {
  const avg = [...entries.values()].reduce((n, t) => n + t.length, 0) / entries.size;
  const scores = new Map<number, number>();
  for (const term of new Set(query)) {
    const df = [...entries.values()].filter((t) => t.includes(term)).length;
    if (!df) continue;
    const idf = bm25Idf(entries.size, df);
    for (const [key, tokens] of entries) {
      const tf = tokens.filter((t) => t === term).length;
      if (tf) scores.set(key, (scores.get(key) ?? 0) + bm25Term(idf, tf, tokens.length, avg, CHUNK_BM25));
    }
  }
  return scores;
}

const VOCAB = ['平陆', '招商', '目标', '项目', '50个', '200亿元', '枣强', '县委', '书记', '发展', '改革', '乡村'];

function randomTokens(seed: number): string[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: 3 + Math.floor(next() * 12) }, () => VOCAB[Math.floor(next() * VOCAB.length)]);
}

describe('the packed BM25 index', () => {
  it('scores exactly like the textbook formula through additions, packing, removals, re-additions and a save', () => {
    const index = new Bm25Index();
    const entries = new Map<number, string[]>();
    const check = (i: Bm25Index) => {
      for (const query of [['平陆', '招商', '目标'], ['书记'], ['发展', '改革', '乡村', '发展'], ['不存在']]) {
        const want = reference(entries, query);
        const got = i.search(query);
        expect(new Set(got.keys())).toEqual(new Set(want.keys()));
        for (const [k, v] of want) expect(got.get(k)).toBe(v);
      }
      for (const term of VOCAB) expect(i.df(term)).toBe([...entries.values()].filter((t) => t.includes(term)).length);
      expect(i.size).toBe(entries.size);
    };
    for (let key = 0; key < 300; key++) {
      const tokens = randomTokens(key + 1);
      index.add(key, tokens);
      entries.set(key, tokens);
    }
    check(index);
    index.pack();
    for (const key of [3, 17, 150, 299]) {
      index.remove(key);
      entries.delete(key);
    }
    for (let key = 300; key < 320; key++) {
      const tokens = randomTokens(key * 7);
      index.add(key, tokens);
      entries.set(key, tokens);
    }
    // Re-adding a packed key replaces it.
    index.add(17, ['平陆', '平陆', '书记']);
    entries.set(17, ['平陆', '平陆', '书记']);
    check(index);
    expect(index.termFrequency('平陆', 17)).toBe(2);
    expect(index.termFrequency('平陆', 3)).toBe(0);
    expect([...index.postings('书记')].map((p) => p.key)).toEqual(
      [...entries].filter(([, t]) => t.includes('书记')).map(([k]) => k).sort((a, b) => a - b),
    );

    const saved = join(index.toParts());
    const reloaded = Bm25Index.fromBytes(saved);
    // Postings read from "the file" only when a query needs them, through a cache smaller than one term.
    const reads: number[] = [];
    const lazy = Bm25Index.fromSource({ bytes: (start, end) => (reads.push(end - start), saved.slice(start, end)) }, 'test', 16);
    check(reloaded);
    check(lazy);
    expect(reads.length).toBeGreaterThan(VOCAB.length);
    for (const i of [reloaded, lazy]) {
      i.add(400, ['招商', '目标']);
      i.remove(150 + 1);
    }
    entries.set(400, ['招商', '目标']);
    entries.delete(151);
    check(reloaded);
    check(lazy);
    expect(join(lazy.toParts())).toEqual(join(reloaded.toParts()));
  });

  it('returns the best `limit` entries, ties to the smaller key, as a full sort would', () => {
    const index = new Bm25Index();
    for (let key = 0; key < 200; key++) index.add(key, key % 3 ? ['招商', '项目'] : ['招商', '项目', '项目']);
    const all = [...index.search(['项目'])].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 10);
    const top = [...index.search(['项目'], undefined, 10)].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    expect(top).toEqual(all);
  });

  it('skips postings that cannot reach the best `limit` and still returns exactly what an exhaustive search ranks first', () => {
    // Term i is drawn with weight 1/(i+1): a few terms sit in most entries, most in few (as in a large corpus).
    let s = 7;
    const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    const vocab = Array.from({ length: 60 }, (_, i) => `t${i}`);
    const total = vocab.reduce((n, _, i) => n + 1 / (i + 1), 0);
    const draw = () => {
      let r = next() * total;
      for (let i = 0; i < vocab.length; i++) if ((r -= 1 / (i + 1)) <= 0) return vocab[i];
      return vocab[vocab.length - 1];
    };
    const index = new Bm25Index();
    const entry = () => Array.from({ length: 1 + Math.floor(next() * 30) }, draw);
    for (let key = 0; key < 3000; key++) index.add(key, entry());
    index.pack();
    // Recent entries beside the packed ones, a removal, and ties (the same tokens under several keys).
    for (let key = 3000; key < 3200; key++) index.add(key, key % 4 ? entry() : ['t0', 't5', 't5', 't20']);
    index.remove(10);
    const exhaustive = (query: string[], weights: Map<string, number> | undefined, limit: number) =>
      [...index.search(query, weights)].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit);
    let queries = 0;
    for (let q = 0; q < 150; q++) {
      const query = Array.from({ length: 1 + Math.floor(next() * 9) }, draw);
      const weights = q % 2 ? new Map(query.map((t, i) => [t, [1, 0.5, 0.3][i % 3]])) : undefined;
      for (const limit of [1, 10, 50]) {
        const got = [...index.search(query, weights, limit)].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
        expect(got).toEqual(exhaustive(query, weights, limit));
        queries++;
      }
    }
    expect(queries).toBe(450);
  });

  it('packs for a save in slices: between them the index answers as before, and the bytes are those of a packing at once', async () => {
    const build = () => {
      const index = new Bm25Index();
      for (let key = 0; key < 2000; key++) index.add(key, randomTokens(key + 3));
      index.pack();
      for (let key = 2000; key < 2100; key++) index.add(key, randomTokens(key * 5));
      for (const key of [4, 40, 400, 1999, 2050]) index.remove(key);
      return index;
    };
    const [atOnce, sliced] = [build(), build()];
    const query = ['平陆', '招商', '书记'];
    const answers = (i: Bm25Index) => ({ top: i.search(query, undefined, 20), all: i.search(query), df: VOCAB.map((t) => i.df(t)) });
    const before = answers(sliced);
    expect(before.all.has(400)).toBe(false);
    let pending = true;
    const parts = sliced.toPartsInSlices(0).finally(() => (pending = false));
    let pauses = 0;
    while (pending) {
      expect(answers(sliced)).toEqual(before);
      pauses++;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(pauses).toBeGreaterThan(1);
    expect(join(await parts)).toEqual(join(atOnce.toParts()));
    expect(answers(sliced)).toEqual(before);
  });

  it('writes the documents of a whole corpus as JSON.stringify would, a thousand at a time', async () => {
    const index = new CorpusIndex({ remove: () => undefined } as unknown as VectorIndex);
    for (let d = 0; d < 2500; d++) {
      const [id] = index.allocateIds(1);
      const meta = { source: `doc-${d}.md`, hash: `h${d}`, bytes: d, title: `文件“${d}”`, places: d % 2 ? ['平陆'] : undefined, indexedAt: d };
      index.addDocument(meta, [{ id, source: meta.source, text: '平陆招商', start: 0, end: 4, tokens: ['平陆', '招商'] }]);
    }
    index.removeDocument('doc-7.md');
    const documents = new TextDecoder().decode(join((await index.toParts()).documents));
    expect(documents).toBe(JSON.stringify({ nextId: index.nextId, nextDocKey: 2500, documents: index.listDocuments() }));
    expect(JSON.parse(documents).documents).toHaveLength(2499);
  });

  it('refuses keys that are not small non-negative integers, and a file that is not an index part', () => {
    expect(() => new Bm25Index().add(-1, ['a'])).toThrow(RangeError);
    expect(() => Bm25Index.fromBytes(new Uint8Array(64))).toThrow(/not an index part/);
    const cut = join(new Bm25Index().toParts());
    expect(() => Bm25Index.fromBytes(join(packParts({}, [new Int32Array(100)])).subarray(0, 200))).toThrow(/cut short/);
    expect(cut.length % 8).toBe(0);
  });
});

describe('the chunk table', () => {
  const chunk = (id: number, text: string, heading?: string) => ({ id, source: `doc${id % 3}.txt`, start: id * 10, end: id * 10 + text.length, text, ...(heading ? { heading } : {}) });

  it('keeps chunks packed after a save, decodes them on demand, and takes additions and removals on top', async () => {
    const table = new ChunkTable();
    const texts = ['力争全年招商项目达到50个，协议总投资达到200亿元以上。', '縣委書記 😀 emoji', 'plain ascii'];
    texts.forEach((t, i) => table.add(chunk(i, t, i === 1 ? '一、总体要求' : undefined)));
    const bytes = join(table.toParts());
    const lazy = ChunkTable.fromBytes(bytes);
    expect([...lazy.values()]).toEqual([...table.values()]);
    const packed = ChunkTable.fromBytes(bytes);
    expect(packed.size).toBe(3);
    texts.forEach((t, i) => expect(packed.get(i)).toEqual(chunk(i, t, i === 1 ? '一、总体要求' : undefined)));
    expect(packed.get(9)).toBeUndefined();

    expect(packed.remove(1)).toBe(true);
    expect(packed.remove(1)).toBe(false);
    packed.add(chunk(5, '新增的段落'));
    packed.add(chunk(0, '替换的段落'));
    expect(packed.size).toBe(3);
    expect([...packed.values()].map((c) => c.text)).toEqual(['plain ascii', '新增的段落', '替换的段落']);

    const sliced = join(await packed.toPartsInSlices(0));
    const again = ChunkTable.fromBytes(join(packed.toParts()));
    expect(sliced).toEqual(join(packed.toParts()));
    expect([...again.values()].map((c) => [c.id, c.text])).toEqual([[2, 'plain ascii'], [0, '替换的段落'], [5, '新增的段落']]);
  });

  it('refuses a table whose texts are cut short', () => {
    const table = new ChunkTable();
    table.add(chunk(0, '一段足够长的文字，用来检查截断的文件会被拒绝。'));
    const bytes = join(table.toParts());
    expect(() => ChunkTable.fromBytes(bytes.subarray(0, bytes.length - 40))).toThrow(/cut short/);
  });
});
