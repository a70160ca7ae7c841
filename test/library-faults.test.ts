import { beforeAll, describe, expect, it } from 'vitest';
import { cp, readdir, readFile, readlink, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { createLibrary } from '../src/core/index/library.js';
import { parseDocument } from '../src/adapters/node/parse-document.js';
import { createInlinePreparer } from '../src/core/ingest/inline-preparer.js';
import { sha256 } from '../src/adapters/node/fs-document-store.js';
import { FsIndexStore } from '../src/adapters/node/fs-index-store.js';
import { DEFAULT_HNSW } from '../src/adapters/node/hnsw-vector-index.js';
import type { CorpusIndex } from '../src/core/index/corpus-index.js';
import type { OpenedIndex } from '../src/entries/node/open-index.js';
import { openTestIndex, recordingEmbedder, seedCorpus, SEEDS, tempDir, type RecordingEmbedder } from './support/open-test-index.js';

const TOKEN = 'test-admin-token';
const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** A seed that starts in the upload folder, so that it is in the saved vector graph when a test deletes it. */
const SAVED = '001_583cfe85666f49d1.txt';

let corpus: string;
let uploads: string;
let opened: OpenedIndex & { indexDir: string };
let app: Hono;
/** Saves that fail next, as on a full disk. */
let failingSaves = 0;
/** What the index has had embedded, questions and passages. */
let embedder: RecordingEmbedder;

beforeAll(async () => {
  corpus = await seedCorpus();
  uploads = await tempDir('zhida-uploads-');
  await rename(join(corpus, SAVED), join(uploads, SAVED));
  embedder = await recordingEmbedder();
  opened = await openTestIndex(corpus, undefined, { UPLOAD_DIR: uploads }, embedder);
  const library = createLibrary({
    index: opened.index,
    store: opened.documents,
    preparer: createInlinePreparer({ parse: parseDocument, tokenizer: opened.tokenizer, chunking: opened.settings.chunking }),
    embedder: opened.embedder,
    hash: async (bytes) => sha256(bytes),
    persist: async () => {
      if (failingSaves > 0) {
        failingSaves--;
        throw diskFull();
      }
      await opened.persist();
    },
  });
  app = createApp({ engine: () => opened.engine, library: () => library, http: { adminToken: TOKEN, rateLimitPerMinute: 0 } });
});

const upload = (name: string, text: string) =>
  app.request('/api/documents', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ name, text }),
  });
const ask = async (question: string) => opened.engine.ask(question);

describe('an upload when the disk fills up', () => {
  it('is refused with 507 and leaves no trace: not answerable, no file, and a retry is a fresh upload', async () => {
    const before = (await readdir(uploads)).sort();
    failingSaves = 1;
    const res = await upload('红岩乡简报.md', '# 红岩乡简报\n\n红岩乡今年计划新修水渠18公里。');
    expect(res.status).toBe(507);
    expect((await res.json()).error.code).toBe('storage_full');
    expect((await readdir(uploads)).sort()).toEqual(before);
    expect(opened.index.document('uploads/红岩乡简报.md')).toBeUndefined();
    expect((await ask('红岩乡今年计划新修多少公里水渠')).answer).not.toContain('18公里');

    const retry = await upload('红岩乡简报.md', '# 红岩乡简报\n\n红岩乡今年计划新修水渠18公里。');
    expect(retry.status).toBe(201);
    expect((await ask('红岩乡今年计划新修多少公里水渠')).answer).toContain('18公里');
  });

  it('keeps the document it would have replaced, in the index and on disk', async () => {
    failingSaves = 1;
    const res = await upload('红岩乡简报.md', '# 红岩乡简报\n\n红岩乡今年计划新修水渠25公里。');
    expect(res.status).toBe(507);
    expect(await readFile(join(uploads, '红岩乡简报.md'), 'utf8')).toContain('18公里');
    const answer = await ask('红岩乡今年计划新修多少公里水渠');
    expect(answer.answer).toContain('18公里');
    expect(answer.answer).not.toContain('25公里');
  });
});

describe('a deletion when the disk fills up', () => {
  const remove = (id: string) => app.request(`/api/documents/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
  const trashed = async () => (await readdir(join(uploads, '.trash'), { recursive: true }).catch(() => [])).filter((n) => /\.(md|txt)$/.test(n));
  const passagesEmbedded = () => embedder.calls.filter((c) => c.kind === 'passage').reduce((n, c) => n + c.texts, 0);
  const listed = async () => (await (await app.request('/api/documents', { headers: { authorization: `Bearer ${TOKEN}` } })).json()).documents as { id: string; source: string }[];

  it('is refused with 507 and changes nothing: still listed and answerable, from its old vectors, and its file in place', async () => {
    const created = await upload('青石镇简报.md', '# 青石镇简报\n\n青石镇今年计划新建村级卫生室14个。');
    expect(created.status).toBe(201);
    const record = await created.json();
    const before = { files: (await readdir(uploads)).sort(), trash: await trashed(), answer: (await ask('青石镇今年计划新建多少个卫生室')).answer };
    expect(before.answer).toContain('14个');
    const embedded = passagesEmbedded();

    failingSaves = 1;
    const res = await remove(record.id);
    expect(res.status).toBe(507);
    expect((await res.json()).error).toEqual({ code: 'storage_full', message: 'The disk is full: uploads/青石镇简报.md was not deleted, and the corpus is as it was.' });
    expect((await readdir(uploads)).sort()).toEqual(before.files);
    expect(await trashed()).toEqual(before.trash);
    expect(await listed()).toContainEqual(record);
    expect((await ask('青石镇今年计划新建多少个卫生室')).answer).toBe(before.answer);
    expect(passagesEmbedded()).toBe(embedded);

    const retry = await remove(record.id);
    expect(retry.status).toBe(200);
    expect(opened.index.document('uploads/青石镇简报.md')).toBeUndefined();
    expect(await trashed()).toEqual([...before.trash, expect.stringMatching(/青石镇简报\.md$/)]);
  });

  it('puts a document of the saved vector graph back as it was, without embedding it again', async () => {
    const source = `uploads/${SAVED}`;
    const record = (await listed()).find((d) => d.source === source)!;
    const before = await ask('平陆招商目标是多少');
    expect(before.citations[0].source).toBe(source);
    const embedded = passagesEmbedded();

    failingSaves = 1;
    expect((await remove(record.id)).status).toBe(507);
    expect(await readFile(join(uploads, SAVED))).toEqual(await readFile(join(SEEDS, SAVED)));
    const after = await ask('平陆招商目标是多少');
    expect(after.answer).toBe(before.answer);
    expect(after.citations.map((c) => [c.source, c.start, c.score])).toEqual(before.citations.map((c) => [c.source, c.start, c.score]));
    expect(passagesEmbedded()).toBe(embedded);
  });
});

describe('deleting a document of the corpus folder', () => {
  it('is refused with 409 corpus_document before anything changes: file, listing, answers and the saved index', async () => {
    const source = '004_ac523d24249772f7.txt';
    const listing = async () => (await (await app.request('/api/documents', { headers: { authorization: `Bearer ${TOKEN}` } })).json()).documents as { id: string; source: string }[];
    const record = (await listing()).find((d) => d.source === source)!;
    const current = await readFile(join(opened.indexDir, 'CURRENT'), 'utf8');
    const res = await app.request(`/api/documents/${record.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.code).toBe('corpus_document');
    expect(error.message).toMatch(/^004_ac523d24249772f7\.txt is a file of the corpus folder \(CORPUS_DIR\).*restart the server/);
    expect(await readFile(join(corpus, source))).toEqual(await readFile(join(SEEDS, source)));
    expect(await readdir(corpus)).not.toContain('.trash');
    expect(await listing()).toContainEqual(record);
    expect(opened.index.document(source)).toBeDefined();
    expect(await readFile(join(opened.indexDir, 'CURRENT'), 'utf8')).toBe(current);
  });
});

describe('a save that fails part-way', () => {
  it('leaves no temporary generation behind and the live one in place', async () => {
    const store = new FsIndexStore(opened.indexDir);
    const current = await readFile(join(opened.indexDir, 'CURRENT'), 'utf8');
    const broken = Object.create(opened.index) as CorpusIndex;
    broken.toParts = async () => {
      throw diskFull();
    };
    await expect(store.save(broken, opened.settings, 'x')).rejects.toThrow(/ENOSPC/);
    expect((await readdir(opened.indexDir)).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
    expect(await readFile(join(opened.indexDir, 'CURRENT'), 'utf8')).toBe(current);
  });
});

describe('saving a new generation', () => {
  /** Files of `dir` this process holds open although no folder links them any more: disk space that cannot come back. */
  const deletedOpenFiles = async (dir: string) => {
    const open = await Promise.all(
      (await readdir('/proc/self/fd')).map(async (fd) => {
        const path = `/proc/self/fd/${fd}`;
        const [link, info] = await Promise.all([readlink(path).catch(() => ''), stat(path).catch(() => undefined)]);
        return { link, unlinked: info?.nlink === 0 };
      }),
    );
    return open.filter((f) => f.link.startsWith(dir) && f.unlinked).map((f) => f.link);
  };

  it('moves the index onto the new files and closes the old ones, answering as before', async () => {
    // A copy of the index: the engine of the other tests keeps its own files open.
    const dir = await tempDir('zhida-index-');
    await cp(opened.indexDir, dir, { recursive: true });
    const store = new FsIndexStore(dir, DEFAULT_HNSW, 0);
    const loaded = await store.load(opened.settings);
    if (loaded.status !== 'ok') throw new Error(loaded.status);
    const index = loaded.index;
    const before = index.chunk(index.listDocuments()[0].chunkIds[0])!.text;
    for (let i = 0; i < 3; i++) {
      await store.save(index, opened.settings, `fingerprint-${i}`);
      expect(await deletedOpenFiles(dir)).toEqual([]);
    }
    expect(index.chunk(index.listDocuments()[0].chunkIds[0])!.text).toBe(before);
    expect((await readdir(dir)).filter((n) => n.startsWith('gen-'))).toHaveLength(1);
  });
});
