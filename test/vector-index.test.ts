import { describe, expect, it } from 'vitest';
import { readFile, stat, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HnswVectorIndex, type VectorFiles } from '../src/adapters/node/hnsw-vector-index.js';
import { quantize } from '../src/core/index/compact-graph.js';
import { FsIndexStore } from '../src/adapters/node/fs-index-store.js';
import { compactFromHnswFile, exactVectorReader, readHnswLayout } from '../src/adapters/node/hnsw-file.js';
import { closeSync, openSync } from 'node:fs';
import { openTestIndex, seedCorpus, tempDir } from './support/open-test-index.js';

/** Deterministic pseudo-random unit vectors. */
function vectors(n: number, dim: number, seed = 1): Float32Array[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  return Array.from({ length: n }, () => {
    const v = Float32Array.from({ length: dim }, next);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);

/** The exact top k of `data` (id = position) among `live`, ties to the smaller id. */
function bruteForce(data: Float32Array[], live: Set<number>, query: Float32Array, k: number) {
  return [...live]
    .map((id) => ({ id, score: dot(data[id], query) }))
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, k);
}

async function files(): Promise<VectorFiles> {
  const dir = await tempDir('zhida-vectors-');
  return { vectors: join(dir, 'vectors.hnsw'), graph: join(dir, 'vectors.graph'), added: join(dir, 'vectors-added.hnsw') };
}

/** An index of the first `count` of `data` (id = position), written to new files. */
async function saved(data: Float32Array[], count: number) {
  const built = HnswVectorIndex.create(DIM, EXHAUSTIVE);
  for (let id = 0; id < count; id++) built.add(id, data[id]);
  const where = await files();
  await built.write(where);
  return { built, where };
}

// 21 dimensions: not a multiple of the 4 the scoring loop is unrolled by.
const DIM = 21;
const EXHAUSTIVE = { m: 8, efConstruction: 100, efSearch: 400 };

describe('the compact vector graph', () => {
  it('quantises each vector to 8-bit codes within half a step', () => {
    const [v] = vectors(1, DIM, 5);
    const codes = new Int8Array(DIM);
    const scale = quantize(v, codes, 0);
    expect(Math.max(...codes.map(Math.abs))).toBe(127);
    v.forEach((x, j) => expect(Math.abs(codes[j] * scale - x)).toBeLessThanOrEqual(scale / 2 + 1e-9));
  });

  it('scores a small graph exhaustively: exactly the brute-force nearest, removed ones left out', async () => {
    const data = vectors(200, DIM, 21);
    const { where } = await saved(data, 200);
    // With ef 1 the beam is k = 10 wide, which misses some of the true 10 nearest here; exhaustive scoring cannot.
    const opened = await HnswVectorIndex.open(where, DIM, { ...EXHAUSTIVE, efSearch: 1 });
    const live = new Set(Array.from({ length: 200 }, (_, id) => id).filter((id) => id % 7));
    opened.setLive([...live]);
    for (const q of vectors(10, DIM, 22)) {
      const found = opened.search(q, 10);
      expect(found.map((m) => m.id)).toEqual(bruteForce(data, live, q, 10).map((m) => m.id));
      found.forEach((m) => expect(m.score).toBeCloseTo(dot(data[m.id], q), 5));
    }
  });

  it('finds what hnswlib finds, with exact scores, once saved and opened', async () => {
    const data = vectors(300, DIM);
    const built = HnswVectorIndex.create(DIM, EXHAUSTIVE);
    data.forEach((v, id) => built.add(id, v));
    const queries = vectors(20, DIM, 99);
    const before = queries.map((q) => built.search(q, 10));
    const where = await files();
    await built.write(where);
    const opened = await HnswVectorIndex.open(where, DIM, EXHAUSTIVE);
    opened.setLive(data.keys());
    expect(opened.size).toBe(300);
    const live = new Set(data.keys());
    queries.forEach((q, i) => {
      const found = opened.search(q, 10);
      const exact = bruteForce(data, live, q, 10);
      expect(found.map((m) => m.id)).toEqual(exact.map((m) => m.id));
      expect(found.map((m) => m.id)).toEqual(before[i].map((m) => m.id));
      found.forEach((m, j) => expect(m.score).toBeCloseTo(exact[j].score, 5));
    });
  });

  it('leaves out removed vectors, finds those added since, and keeps both through saves', async () => {
    const data = vectors(400, DIM, 3);
    const { where: first } = await saved(data, 300);
    const index = await HnswVectorIndex.open(first, DIM, EXHAUSTIVE);
    index.setLive(Array.from({ length: 300 }, (_, id) => id));
    const live = new Set(Array.from({ length: 300 }, (_, id) => id));
    for (let id = 0; id < 300; id += 7) {
      index.remove(id);
      live.delete(id);
    }
    for (let id = 300; id < 400; id++) {
      index.add(id, data[id]);
      live.add(id);
    }
    index.remove(350);
    live.delete(350);
    const check = () => {
      expect(index.size).toBe(live.size);
      for (const q of vectors(15, DIM, 42)) expect(index.search(q, 10).map((m) => m.id)).toEqual(bruteForce(data, live, q, 10).map((m) => m.id));
      expect(index.search(data[302], 1)[0]).toMatchObject({ id: 302 });
      expect(index.search(data[350], 5).map((m) => m.id)).not.toContain(350);
      expect(index.search(data[7], 5).map((m) => m.id)).not.toContain(7);
    };
    check();

    // Additions: the old graph and the new vectors are merged into new files, searched from then on.
    const second = await files();
    await index.write(second);
    index.adopt(second);
    expect(index.storedCount).toBe(399);
    check();
    const reopened = await HnswVectorIndex.open(second, DIM, EXHAUSTIVE);
    reopened.setLive(live);
    for (const q of vectors(15, DIM, 43)) expect(reopened.search(q, 10)).toEqual(index.search(q, 10));

    // Removals only: the files are linked, not rewritten.
    index.remove(301);
    live.delete(301);
    const third = await files();
    await index.write(third);
    index.adopt(third);
    expect((await stat(third.vectors)).ino).toBe((await stat(second.vectors)).ino);
    expect(index.search(data[301], 3).map((m) => m.id)).not.toContain(301);
    await rm(second.vectors);
    await rm(second.graph);
    check();
  });

  it('keeps a few additions in a file of their own, linking the graph, until they pass 5% of it', async () => {
    const data = vectors(330, DIM, 11);
    const { built, where: first } = await saved(data, 300);
    built.adopt(first);
    const live = new Set(Array.from({ length: 300 }, (_, id) => id));
    for (let id = 300; id < 310; id++) {
      built.add(id, data[id]);
      live.add(id);
    }
    built.remove(305);
    live.delete(305);
    const second = await files();
    expect(await built.write(second)).toBe(true);
    second.hasAdded = true;
    built.adopt(second);
    expect((await stat(second.vectors)).ino).toBe((await stat(first.vectors)).ino);
    const reopened = await HnswVectorIndex.open(second, DIM, EXHAUSTIVE);
    reopened.setLive(live);
    expect(reopened.size).toBe(live.size);
    for (const q of [...vectors(10, DIM, 12), data[303]]) {
      expect(reopened.search(q, 10).map((m) => m.id)).toEqual(bruteForce(data, live, q, 10).map((m) => m.id));
    }
    expect(reopened.search(data[305], 5).map((m) => m.id)).not.toContain(305);

    // Past 5% of the graph (15 of 300 here), the next save merges everything into new files.
    for (let id = 310; id < 330; id++) {
      reopened.add(id, data[id]);
      live.add(id);
    }
    const third = await files();
    expect(await reopened.write(third)).toBe(false);
    reopened.adopt(third);
    expect((await stat(third.vectors)).ino).not.toBe((await stat(first.vectors)).ino);
    const merged = await HnswVectorIndex.open(third, DIM, EXHAUSTIVE);
    merged.setLive(live);
    expect(merged.storedCount).toBe(329);
    for (const q of vectors(10, DIM, 13)) expect(merged.search(q, 10).map((m) => m.id)).toEqual(bruteForce(data, live, q, 10).map((m) => m.id));
  });

  it('reads back the vectors added since the graph was written, exactly, through saves and reopening', async () => {
    const data = vectors(310, DIM, 21);
    const { built, where } = await saved(data, 300);
    built.adopt(where);
    for (let id = 300; id < 310; id++) built.add(id, data[id]);
    built.remove(303);
    expect(built.vectorsOf([301, 309])).toEqual([data[301], data[309]]);
    expect(built.vectorsOf([303])).toBeUndefined();
    expect(built.searchAmong(data[302], [300, 301, 302, 304], 2)[0]).toMatchObject({ id: 302 });
    // Written to a file of their own (a few additions), then read from it when the index is opened again.
    const second = await files();
    expect(await built.write(second)).toBe(true);
    second.hasAdded = true;
    built.adopt(second);
    expect(built.vectorsOf([301, 309])).toEqual([data[301], data[309]]);
    const reopened = await HnswVectorIndex.open(second, DIM, EXHAUSTIVE);
    reopened.setLive(Array.from({ length: 310 }, (_, id) => id).filter((id) => id !== 303));
    expect(reopened.vectorsOf([301, 309])).toEqual([data[301], data[309]]);
    expect(reopened.vectorsOf([303])).toBeUndefined();
  });

  it('ranks a subset exactly by every vector, wherever it is held: the graph, the additions, a merge, a reopened file', async () => {
    const data = vectors(360, DIM, 31);
    const { built, where } = await saved(data, 300);
    built.adopt(where);
    for (let id = 300; id < 340; id++) built.add(id, data[id]);
    built.remove(17);
    built.remove(320);
    const among = Array.from({ length: 340 }, (_, id) => id).filter((id) => id % 3 !== 0);
    const live = new Set(among.filter((id) => id !== 17 && id !== 320));
    const check = (index: HnswVectorIndex) => {
      for (const q of [...vectors(12, DIM, 32), data[301], data[17]]) {
        for (const k of [1, 8, 400]) expect(index.searchAmong(q, among, k)).toEqual(bruteForce(data, live, q, k).map((m) => ({ id: m.id, score: expect.closeTo(m.score, 5) })));
      }
    };
    check(built);
    // 40 additions pass 5% of the graph: merged into new files, whose exact vectors are kept from the merge's read.
    const merged = await files();
    expect(await built.write(merged)).toBe(false);
    built.adopt(merged);
    check(built);
    const reopened = await HnswVectorIndex.open(merged, DIM, EXHAUSTIVE);
    reopened.setLive([...live, ...Array.from({ length: 340 }, (_, id) => id).filter((id) => id % 3 === 0 && id !== 0)]);
    check(reopened);
  });

  it('reads the same exact vectors from memory (small files) and from the file (large ones)', async () => {
    const data = vectors(50, DIM, 21);
    const built = HnswVectorIndex.create(DIM);
    data.forEach((v, id) => built.add(id, v));
    const where = await files();
    await built.write(where);
    const fd = openSync(where.vectors, 'r');
    const layout = readHnswLayout(fd, DIM);
    const fromMemory = exactVectorReader(fd, layout);
    const fromFile = exactVectorReader(fd, layout, 0);
    const { arrays } = compactFromHnswFile(where.vectors, DIM);
    for (let node = 0; node < 50; node++) {
      expect(Array.from(fromFile(node))).toEqual(Array.from(data[arrays.labels[node]]));
      expect(Array.from(fromMemory(node))).toEqual(Array.from(data[arrays.labels[node]]));
    }
    closeSync(fd);
  });

  it('saves and opens an empty index', async () => {
    const where = await files();
    await HnswVectorIndex.create(DIM).write(where);
    const opened = await HnswVectorIndex.open(where, DIM);
    opened.setLive([]);
    expect(opened.search(vectors(1, DIM)[0], 5)).toEqual([]);
    opened.add(0, vectors(1, DIM)[0]);
    expect(opened.search(vectors(1, DIM)[0], 5)).toMatchObject([{ id: 0 }]);
  });

  it('refuses a vectors file that is not an hnswlib graph of this size', async () => {
    const where = await files();
    const built = HnswVectorIndex.create(DIM);
    vectors(10, DIM).forEach((v, id) => built.add(id, v));
    await built.write(where);
    await expect(HnswVectorIndex.open(where, DIM + 1)).rejects.toThrow(/not an hnswlib graph of 22-dimensional vectors/);
    await writeFile(where.vectors, new Uint8Array(50));
    await expect(HnswVectorIndex.open(where, DIM)).rejects.toMatchObject({ code: 'index_corrupt' });
  });
});

describe('an index of format 2', () => {
  it('gains the compact graph at load, without re-embedding, and answers the same', async () => {
    const built = await openTestIndex(await seedCorpus());
    const before = await built.engine.ask('平陆招商目标是多少');
    const gen = (await readFile(join(built.indexDir, 'CURRENT'), 'utf8')).trim();
    const manifestPath = join(built.indexDir, gen, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    delete manifest.files['vectors.graph'];
    await writeFile(manifestPath, JSON.stringify({ ...manifest, format: 2 }));
    await rm(join(built.indexDir, gen, 'vectors.graph'));

    const loaded = await new FsIndexStore(built.indexDir).load(built.settings);
    expect(loaded.status).toBe('ok');
    const upgraded = JSON.parse(await readFile(manifestPath, 'utf8'));
    expect(upgraded.format).toBe(3);
    expect(upgraded.files['vectors.graph'].bytes).toBe((await stat(join(built.indexDir, gen, 'vectors.graph'))).size);
    const reopened = await openTestIndex(built.corpusDir, built.indexDir);
    expect(await reopened.engine.ask('平陆招商目标是多少')).toEqual(before);
  });
});

describe('writing parts', () => {
  it('writes small and large parts in their order, the small ones gathered', async () => {
    const { writePartsDurable } = await import('../src/adapters/node/atomic-write.js');
    let s = 7;
    const part = (n: number) => Uint8Array.from({ length: n }, () => (s = (s * 31 + 11) % 251));
    const parts = [part(3), part(2 * 1024 * 1024), part(10), ...Array.from({ length: 2000 }, (_, i) => part(i % 5000)), part(5 * 1024 * 1024), part(1)];
    const path = join(await tempDir('zhida-parts-'), 'parts.bin');
    await writePartsDurable(path, parts);
    expect(Buffer.compare(await readFile(path), Buffer.concat(parts))).toBe(0);
  });
});
