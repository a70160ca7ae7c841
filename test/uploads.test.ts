/** Uploads live in UPLOAD_DIR as `uploads/<name>`, beside the corpus folder's files, which the server never changes. */
import { describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import { createFsDocumentStore } from '../src/adapters/node/fs-document-store.js';
import { corpusWithUploads } from '../src/core/index/uploads.js';
import { isServerRunning } from '../src/entries/node/running-server.js';
import { checkCorpusDir, checkUploadDir } from '../src/entries/node/folders.js';
import { tempDir } from './support/open-test-index.js';
import { serveOnLoopback } from './support/serve.js';

async function folders() {
  const corpus = await tempDir('zhida-corpus-');
  const uploads = await tempDir('zhida-uploads-');
  await mkdir(join(corpus, '讲话'));
  await writeFile(join(corpus, '讲话', '平陆.txt'), '平陆县今年力争招商项目达到50个。');
  await writeFile(join(uploads, '简报.md'), '# 简报\n\n今年计划新修水渠18公里。');
  const store = corpusWithUploads(createFsDocumentStore(corpus), createFsDocumentStore(uploads));
  return { corpus, uploads, store };
}

describe('the corpus folder and the upload folder as one store', () => {
  it('lists both, the uploaded files under uploads/, and reads each from its own folder', async () => {
    const { store } = await folders();
    expect((await store.list()).map((l) => l.source)).toEqual(['uploads/简报.md', '讲话/平陆.txt']);
    expect(new TextDecoder().decode(await store.read('uploads/简报.md'))).toContain('18公里');
    expect(new TextDecoder().decode(await store.read('讲话/平陆.txt'))).toContain('50个');
  });

  it('writes uploads into the upload folder only, and never a corpus file', async () => {
    const { corpus, uploads, store } = await folders();
    await store.write('uploads/新闻.txt', new TextEncoder().encode('新闻'));
    expect(await readFile(join(uploads, '新闻.txt'), 'utf8')).toBe('新闻');
    await expect(store.write('讲话/平陆.txt', new TextEncoder().encode('改'))).rejects.toMatchObject({ code: 'corpus_document' });
    expect(await readFile(join(corpus, '讲话', '平陆.txt'), 'utf8')).toContain('50个');
  });

  it('moves a deleted upload to the upload folder’s trash, from where it can be put back', async () => {
    const { uploads, store } = await folders();
    const putBack = await store.remove('uploads/简报.md');
    expect(await readdir(uploads)).toEqual(['.trash']);
    expect((await readdir(join(uploads, '.trash'), { recursive: true })).some((p) => p.endsWith('简报.md'))).toBe(true);
    expect((await store.list()).map((l) => l.source)).toEqual(['讲话/平陆.txt']);
    await putBack();
    expect((await store.list()).map((l) => l.source)).toEqual(['uploads/简报.md', '讲话/平陆.txt']);
  });

  it('refuses to remove a corpus document, saying where to delete it, and leaves the file', async () => {
    const { corpus, store } = await folders();
    await expect(store.remove('讲话/平陆.txt')).rejects.toMatchObject({
      code: 'corpus_document',
      status: 409,
      message: expect.stringMatching(/^讲话\/平陆\.txt is a file of the corpus folder \(CORPUS_DIR\), which the server never changes: delete it there and restart the server/),
    });
    expect(await readdir(join(corpus, '讲话'))).toEqual(['平陆.txt']);
  });
});

describe('the folders at start', () => {
  it('refuses a corpus sub-folder named uploads, whose files would share the uploaded documents’ names', async () => {
    const { corpus } = await folders();
    await checkCorpusDir(corpus);
    await mkdir(join(corpus, 'uploads'));
    await expect(checkCorpusDir(corpus)).rejects.toMatchObject({
      code: 'config_invalid',
      message: `CORPUS_DIR: ${join(corpus, 'uploads')} is named like the uploaded documents (uploads/…); rename it.`,
    });
  });

  it('takes an existing upload folder outside the corpus folder, and refuses one inside it or around it', async () => {
    const { corpus, uploads } = await folders();
    expect(await checkUploadDir({ CORPUS_DIR: corpus, UPLOAD_DIR: uploads })).toBe(uploads);
    await expect(checkUploadDir({ CORPUS_DIR: corpus, UPLOAD_DIR: corpus })).rejects.toMatchObject({ message: expect.stringMatching(/^UPLOAD_DIR: .* overlap; uploads must go to a folder of their own/) });
    await expect(checkUploadDir({ CORPUS_DIR: join(uploads, 'c'), UPLOAD_DIR: uploads })).rejects.toMatchObject({ code: 'config_invalid' });
  });
});

describe('a server running on HOST:PORT', () => {
  it('is recognised by its /healthz, ready or still starting', async () => {
    const ready = await serveOnLoopback(new Hono().get('/healthz', (c) => c.json({ status: 'ok', documents: 5, chunks: 142 })));
    const starting = await serveOnLoopback(new Hono().get('/healthz', (c) => c.json({ status: 'starting' }, 503)));
    try {
      expect(await isServerRunning(ready.url)).toBe(true);
      expect(await isServerRunning(starting.url)).toBe(true);
    } finally {
      await Promise.all([ready.close(), starting.close()]);
    }
  });

  it('is not seen where nothing listens or another program answers', async () => {
    const other = await serveOnLoopback(new Hono().get('/healthz', (c) => c.html('<h1>hello</h1>')));
    const gone = await serveOnLoopback(new Hono());
    await gone.close();
    try {
      expect(await isServerRunning(other.url)).toBe(false);
      expect(await isServerRunning(gone.url)).toBe(false);
    } finally {
      await other.close();
    }
  });
});
