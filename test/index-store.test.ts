import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFile, readdir, rm, truncate, writeFile, mkdir, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { openTestIndex, recordingEmbedder, seedCorpus, tempDir, MODELS } from './support/open-test-index.js';
import { FsIndexStore } from '../src/adapters/node/fs-index-store.js';

const passages = (calls: { kind: string; texts: number }[]) =>
  calls.filter((c) => c.kind === 'passage').reduce((n, c) => n + c.texts, 0);

const SETTINGS = {
  modelId: 'Xenova/bge-small-zh-v1.5',
  dimensions: 512,
  tokenizer: 'jieba-search+num+bigram+places@4',
  chunking: { size: 300, overlap: 80 },
};

describe('persisted index', () => {
  it('reloads without re-embedding and answers the same', async () => {
    const corpus = await seedCorpus();
    const first = await openTestIndex(corpus);
    const before = await first.engine.ask('衡水要抓好多少项改革试点');
    const embedder = await recordingEmbedder();
    const second = await openTestIndex(corpus, first.indexDir, {}, embedder);
    expect(passages(embedder.calls)).toBe(0);
    expect(second.index.chunkCount).toBe(first.index.chunkCount);
    expect(await second.engine.ask('衡水要抓好多少项改革试点')).toEqual(before);
  });

  it('records what built it in the manifest', async () => {
    const first = await openTestIndex(await seedCorpus());
    const manifest = await first.store.readManifest();
    expect(manifest).toMatchObject({ ...SETTINGS, documents: 5, chunks: first.index.chunkCount });
    expect(manifest!.corpusFingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is stale, with the reasons, when the model or chunking differ, and is rebuilt', async () => {
    const corpus = await seedCorpus();
    const first = await openTestIndex(corpus);
    const store = new FsIndexStore(first.indexDir);
    const stale = await store.load({ ...SETTINGS, modelId: 'Xenova/multilingual-e5-small', chunking: { size: 400, overlap: 80 } });
    expect(stale.status).toBe('stale');
    expect(stale.status === 'stale' && stale.reasons.join('; ')).toMatch(/model .*multilingual-e5-small.*chunking 300\/80 ≠ 400\/80/);
    const embedder = await recordingEmbedder();
    const rebuilt = await openTestIndex(corpus, first.indexDir, { CHUNK_SIZE: '400' }, embedder);
    expect(passages(embedder.calls)).toBe(rebuilt.index.chunkCount);
    expect((await rebuilt.store.readManifest())!.chunking.size).toBe(400);
  });

  it('refuses files that disagree with the manifest, with a clear message, and the server rebuilds', async () => {
    const corpus = await seedCorpus();
    const first = await openTestIndex(corpus);
    const gen = (await readFile(join(first.indexDir, 'CURRENT'), 'utf8')).trim();
    await truncate(join(first.indexDir, gen, 'chunks.bin'), 100);
    await expect(new FsIndexStore(first.indexDir).load(SETTINGS)).rejects.toMatchObject({
      code: 'index_corrupt',
      message: expect.stringMatching(/chunks\.bin is 100 bytes, manifest says \d+/),
    });
    const reopened = await openTestIndex(corpus, first.indexDir);
    expect(reopened.index.chunkCount).toBe(first.index.chunkCount);
    expect((await reopened.engine.ask('平陆招商目标是多少')).found).toBe(true);
  });

  it('refuses a file damaged in place (same size) by its checksum, and the server rebuilds', async () => {
    const corpus = await seedCorpus();
    const first = await openTestIndex(corpus);
    const gen = (await readFile(join(first.indexDir, 'CURRENT'), 'utf8')).trim();
    const path = join(first.indexDir, gen, 'chunks.bin');
    const bytes = await readFile(path);
    bytes[bytes.length - 10] ^= 0xff;
    await writeFile(path, bytes);
    await expect(new FsIndexStore(first.indexDir).load(SETTINGS)).rejects.toMatchObject({
      code: 'index_corrupt',
      message: expect.stringMatching(/chunks\.bin is damaged \(CRC-32 [0-9a-f]{8}, manifest says [0-9a-f]{8}\)/),
    });
    const reopened = await openTestIndex(corpus, first.indexDir);
    expect(reopened.index.chunkCount).toBe(first.index.chunkCount);
    expect((await reopened.engine.ask('平陆招商目标是多少')).answer).toContain('50个');
  });

  it('adds and removes one document incrementally', async () => {
    const corpus = await seedCorpus();
    const embedder = await recordingEmbedder();
    const opened = await openTestIndex(corpus, undefined, {}, embedder);
    const base = opened.index.chunkCount;
    const before = passages(embedder.calls);
    await writeFile(join(corpus, 'new.md'), '# 青山县工作报告\n\n青山县今年力争新建农村公路120公里，改造危房300户。\n');
    const added = await opened.refresh();
    expect(added.added).toEqual(['new.md']);
    const newChunks = opened.index.document('new.md')!.chunkIds.length;
    expect(passages(embedder.calls) - before).toBe(newChunks);
    expect((await opened.engine.ask('青山县今年要新建多少公里农村公路')).answer).toContain('120公里');

    await rm(join(corpus, 'new.md'));
    const removed = await opened.refresh();
    expect(removed.removed).toEqual(['new.md']);
    expect(opened.index.chunkCount).toBe(base);
    expect((await opened.engine.ask('青山县今年要新建多少公里农村公路')).found).toBe(false);
    const reloaded = await openTestIndex(corpus, opened.indexDir);
    expect(reloaded.index.document('new.md')).toBeUndefined();
  });

  it('skips a broken document with a logged reason and indexes the rest', async () => {
    const corpus = await seedCorpus();
    await writeFile(join(corpus, 'broken.pdf'), 'this is not a pdf');
    await writeFile(join(corpus, 'empty.txt'), '\n\n');
    const opened = await openTestIndex(corpus);
    expect(opened.index.listDocuments().map((d) => d.meta.source)).not.toContain('broken.pdf');
    expect(opened.index.listDocuments()).toHaveLength(5);
    const again = await opened.refresh();
    expect(again.skipped.map((s) => s.source).sort()).toEqual(['broken.pdf', 'empty.txt']);
    expect(again.skipped.find((s) => s.source === 'empty.txt')!.reason).toMatch(/no readable text/);
  });

  it('keeps the previous generation live when a build is killed mid-way', async () => {
    const corpus = await tempDir('zhida-corpus-');
    await cp(join(import.meta.dirname, '../seeds/001_583cfe85666f49d1.txt'), join(corpus, 'a.txt'));
    const first = await openTestIndex(corpus);
    const chunks = first.index.chunkCount;
    // A bigger corpus forces a long rebuild (other chunk size); the build is killed while embedding.
    await cp(join(import.meta.dirname, '../seeds'), corpus, { recursive: true });
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/entries/node/cli-index.ts'], {
      cwd: join(import.meta.dirname, '..'),
      env: { ...process.env, CORPUS_DIR: corpus, INDEX_DIR: first.indexDir, UPLOAD_DIR: first.uploadDir, MODELS_DIR: MODELS, CHUNK_SIZE: '200', EMBED_BATCH: '4', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        if (/embedding: [1-9]\d*\//.test(d.toString())) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error('build finished before it could be killed')));
    });
    await new Promise((r) => child.on('exit', r));
    const loaded = await new FsIndexStore(first.indexDir).load(SETTINGS);
    expect(loaded.status).toBe('ok');
    expect(loaded.status === 'ok' && loaded.index.chunkCount).toBe(chunks);
    // A leftover temporary generation is never loaded and is cleaned by the next save.
    await mkdir(join(first.indexDir, '.tmp-gen-stray'), { recursive: true });
    const reopened = await openTestIndex(corpus, first.indexDir);
    expect(reopened.index.listDocuments()).toHaveLength(6);
    expect((await readdir(first.indexDir)).filter((n) => n.includes('gen-'))).toHaveLength(1);
  });
});

describe('generations of several processes', () => {
  it('leaves the generations of another running process to it and removes those of processes that are gone', async () => {
    const first = await openTestIndex(await seedCorpus());
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => child.on('exit', r));
    const [running, gone] = [process.ppid, child.pid!];
    const theirs = [`.tmp-gen-1-${running}`, `gen-1-${running}`];
    const leftovers = [`.tmp-gen-1-${gone}`, `gen-1-${gone}`, '.tmp-gen-stray'];
    for (const name of [...theirs, ...leftovers]) await mkdir(join(first.indexDir, name), { recursive: true });
    await first.persist();
    const names = await readdir(first.indexDir);
    for (const name of theirs) expect(names).toContain(name);
    for (const name of leftovers) expect(names).not.toContain(name);
    const current = (await readFile(join(first.indexDir, 'CURRENT'), 'utf8')).trim();
    expect(names.filter((n) => n.includes('gen-')).sort()).toEqual([current, `gen-1-${running}`, `.tmp-gen-1-${running}`].sort());
  });
});

describe('the corpus folder', () => {
  it('re-reads only files whose size or modification time changed since they were indexed', async () => {
    const { createFsDocumentStore, sha256 } = await import('../src/adapters/node/fs-document-store.js');
    const { utimes } = await import('node:fs/promises');
    const dir = await tempDir();
    await writeFile(join(dir, 'a.txt'), '平陆招商目标是50个项目。');
    await writeFile(join(dir, 'b.txt'), '枣强县委书记出席会议。');
    const store = createFsDocumentStore(dir);
    const first = await store.list();
    expect(first.map((f) => f.hash)).toEqual([sha256(await readFile(join(dir, 'a.txt'))), sha256(await readFile(join(dir, 'b.txt')))]);
    // What the index recorded, with a marker hash: a file that was not read again keeps it.
    const known = new Map(first.map((f) => [f.source, { ...f, hash: `recorded-${f.source}` }]));
    expect((await store.list(known)).map((f) => f.hash)).toEqual(['recorded-a.txt', 'recorded-b.txt']);
    await writeFile(join(dir, 'b.txt'), '枣强县委书记出席会议并讲话。');
    await utimes(join(dir, 'a.txt'), new Date(), new Date(Date.now() + 5000));
    const after = await store.list(known);
    expect(after.map((f) => f.hash)).toEqual([sha256(await readFile(join(dir, 'a.txt'))), sha256(await readFile(join(dir, 'b.txt')))]);
  });
});
