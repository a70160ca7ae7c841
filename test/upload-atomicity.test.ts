import { beforeAll, describe, expect, it } from 'vitest';
import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { createLibrary, type Library } from '../src/core/index/library.js';
import { sha256 } from '../src/adapters/node/fs-document-store.js';
import { createWorkerPreparer } from '../src/adapters/node/worker-preparer.js';
import { FsIndexStore } from '../src/adapters/node/fs-index-store.js';
import type { Embedder } from '../src/core/ports.js';
import { openTestIndex, recordingEmbedder, seedCorpus, tempDir, type TestIndex } from './support/open-test-index.js';

const TOKEN = 'test-admin-token';
const MARK = '青松乡';
/** The upload's document: in the upload folder, never among the corpus folder's files. */
const SOURCE = `uploads/${MARK}简报.md`;
const NOTE = `# ${MARK}简报\n\n${MARK}今年计划新修水渠18公里，新建村级卫生室7个。`;

/**
 * What the upload of a document naming MARK meets while its passages are embedded, and when the index is saved: the
 * client leaving, a process that never gets further, a slow model. Other documents are embedded as usual.
 */
const hooks: {
  embedding?: (signal: AbortSignal | undefined) => Promise<void> | void;
  persisting?: () => void;
} = {};

let corpus: string;
let opened: TestIndex;
let library: Library;

function hookedEmbedder(inner: Embedder): Embedder {
  return {
    modelId: inner.modelId,
    dimensions: inner.dimensions,
    async embed(texts, kind, options) {
      if (kind === 'passage' && texts.some((t) => t.includes(MARK))) await hooks.embedding?.(options?.signal);
      return inner.embed(texts, kind, options);
    },
  };
}

/** Resolves when `signal` aborts (never otherwise): a model that takes as long as the caller lets it. */
const untilAborted = (signal: AbortSignal | undefined) =>
  new Promise<void>((_, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

beforeAll(async () => {
  corpus = await seedCorpus();
  const embedder = hookedEmbedder(await recordingEmbedder());
  opened = await openTestIndex(corpus, undefined, {}, embedder);
  const preparer = createWorkerPreparer({ chunking: opened.settings.chunking });
  // Ready before the first test: the worker has loaded its parsers and dictionary once it has prepared something.
  await preparer.prepare({ source: 'warm-up.txt', bytes: new TextEncoder().encode('预热'), hash: 'warm-up' });
  library = createLibrary({
    index: opened.index,
    store: opened.documents,
    preparer,
    embedder,
    hash: async (bytes) => sha256(bytes),
    persist: async () => {
      hooks.persisting?.();
      await opened.persist();
    },
  });
});

const appWith = (http: { uploadTimeoutMs?: number } = {}): Hono =>
  createApp({ engine: () => opened.engine, library: () => library, http: { adminToken: TOKEN, rateLimitPerMinute: 0, ...http } });

const upload = (app: Hono, text: string, signal?: AbortSignal) =>
  app.request(
    new Request('http://localhost/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ name: `${MARK}简报.md`, text }),
      signal,
    }),
  );

/** The files of both folders, as the document store names them: the corpus folder's and the uploaded ones. */
const corpusFiles = async () =>
  [...(await readdir(corpus)), ...(await readdir(opened.uploadDir)).map((n) => `uploads/${n}`)].filter((n) => !n.split('/').pop()!.startsWith('.')).sort();
const answer = async () => (await opened.engine.ask(`${MARK}今年计划新修多少公里水渠`)).answer;

/**
 * What a fresh start from the same folders finds: the persisted index brought up to date with both folders (a
 * copy of the index folder, so that a save there cannot pull files from under this process's index).
 */
async function nextStart() {
  const indexDir = await tempDir('zhida-restart-');
  await cp(opened.indexDir, indexDir, { recursive: true });
  const restarted = await openTestIndex(corpus, indexDir, { UPLOAD_DIR: opened.uploadDir }, await recordingEmbedder());
  try {
    return restarted.index.document(SOURCE);
  } finally {
    await restarted.close();
  }
}

describe('an upload whose client goes away before the answer', () => {
  it('is undone when the client leaves while it is embedded: no file, nothing answerable, nothing at the next start', async () => {
    const before = await corpusFiles();
    const client = new AbortController();
    hooks.embedding = (signal) => {
      client.abort();
      return untilAborted(signal);
    };
    const res = await upload(appWith(), NOTE, client.signal);
    hooks.embedding = undefined;
    expect(res.status).toBe(503);
    expect(await corpusFiles()).toEqual(before);
    expect(opened.index.document(SOURCE)).toBeUndefined();
    expect(await answer()).not.toContain('18公里');
    expect(await nextStart()).toBeUndefined();
  });

  it('is undone when the client leaves while the index is saved, in memory and in the saved index', async () => {
    const before = await corpusFiles();
    const client = new AbortController();
    hooks.persisting = () => client.abort();
    const res = await upload(appWith(), NOTE, client.signal);
    hooks.persisting = undefined;
    expect(res.status).toBe(503);
    expect(await corpusFiles()).toEqual(before);
    expect(opened.index.document(SOURCE)).toBeUndefined();
    expect(await answer()).not.toContain('18公里');
    const saved = await new FsIndexStore(opened.indexDir).load(opened.settings);
    if (saved.status !== 'ok') throw new Error(saved.status);
    expect(saved.index.document(SOURCE)).toBeUndefined();
    expect(await nextStart()).toBeUndefined();
  });

  it('keeps the document it would have replaced, on disk and answerable', async () => {
    expect((await upload(appWith(), NOTE)).status).toBe(201);
    const client = new AbortController();
    hooks.persisting = () => client.abort();
    const res = await upload(appWith(), NOTE.replace('18公里', '25公里'), client.signal);
    hooks.persisting = undefined;
    expect(res.status).toBe(503);
    expect(await readFile(join(opened.uploadDir, `${MARK}简报.md`), 'utf8')).toContain('18公里');
    expect(await answer()).toContain('18公里');
    expect(await answer()).not.toContain('25公里');
    await library.remove(library.list().find((d) => d.source === SOURCE)!.id);
  });
});

describe('an upload past UPLOAD_TIMEOUT_MS', () => {
  it('is answered 503 upload_timeout once it has been undone, and the server takes the next upload', async () => {
    const before = await corpusFiles();
    // A model that never finishes this document: only the time limit ends the upload.
    hooks.embedding = untilAborted;
    const res = await upload(appWith({ uploadTimeoutMs: 300 }), NOTE);
    hooks.embedding = undefined;
    expect(res.status).toBe(503);
    const { error } = await res.json();
    expect(error.code).toBe('upload_timeout');
    expect(error.message).toContain('UPLOAD_TIMEOUT_MS');
    expect(await corpusFiles()).toEqual(before);
    expect(opened.index.document(SOURCE)).toBeUndefined();

    expect((await upload(appWith(), NOTE)).status).toBe(201);
    expect(await answer()).toContain('18公里');
    await library.remove(library.list().find((d) => d.source === SOURCE)!.id);
  });
});

describe('an upload cut short by the process ending', () => {
  it('is not indexed at the next start', async () => {
    const stop = new AbortController();
    // The process never gets past embedding this upload (as if killed there); the next start reads the same folders.
    let reached!: () => void;
    const atModel = new Promise<void>((resolve) => (reached = resolve));
    hooks.embedding = () => {
      reached();
      return untilAborted(stop.signal);
    };
    const pending = library.add(`${MARK}简报.md`, new TextEncoder().encode(NOTE), undefined, { signal: stop.signal });
    pending.catch(() => undefined);
    await atModel;
    expect(await nextStart()).toBeUndefined();
    stop.abort();
    await expect(pending).rejects.toMatchObject({ code: 'timeout' });
    hooks.embedding = undefined;
  });
});
