import { beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { createLibrary } from '../src/core/index/library.js';
import { parseDocument } from '../src/adapters/node/parse-document.js';
import { sha256 } from '../src/adapters/node/fs-document-store.js';
import { FsIndexStore } from '../src/adapters/node/fs-index-store.js';
import type { CorpusIndex } from '../src/core/index/corpus-index.js';
import type { OpenedIndex } from '../src/entries/node/open-index.js';
import { openTestIndex, seedCorpus } from './support/open-test-index.js';

const TOKEN = 'test-admin-token';
const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

let corpus: string;
let opened: OpenedIndex & { indexDir: string };
let app: Hono;
/** Saves that fail next, as on a full disk. */
let failingSaves = 0;

beforeAll(async () => {
  corpus = await seedCorpus();
  opened = await openTestIndex(corpus);
  const library = createLibrary({
    index: opened.index,
    store: opened.documents,
    parse: parseDocument,
    tokenizer: opened.tokenizer,
    embedder: opened.embedder,
    chunking: opened.settings.chunking,
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
    const before = (await readdir(corpus)).sort();
    failingSaves = 1;
    const res = await upload('红岩乡简报.md', '# 红岩乡简报\n\n红岩乡今年计划新修水渠18公里。');
    expect(res.status).toBe(507);
    expect((await res.json()).error.code).toBe('storage_full');
    expect((await readdir(corpus)).sort()).toEqual(before);
    expect(opened.index.document('红岩乡简报.md')).toBeUndefined();
    expect((await ask('红岩乡今年计划新修多少公里水渠')).answer).not.toContain('18公里');

    const retry = await upload('红岩乡简报.md', '# 红岩乡简报\n\n红岩乡今年计划新修水渠18公里。');
    expect(retry.status).toBe(201);
    expect((await ask('红岩乡今年计划新修多少公里水渠')).answer).toContain('18公里');
  });

  it('keeps the document it would have replaced, in the index and on disk', async () => {
    failingSaves = 1;
    const res = await upload('红岩乡简报.md', '# 红岩乡简报\n\n红岩乡今年计划新修水渠25公里。');
    expect(res.status).toBe(507);
    expect(await readFile(join(corpus, '红岩乡简报.md'), 'utf8')).toContain('18公里');
    const answer = await ask('红岩乡今年计划新修多少公里水渠');
    expect(answer.answer).toContain('18公里');
    expect(answer.answer).not.toContain('25公里');
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
