import { afterAll, describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createWorkerPreparer } from '../src/adapters/node/worker-preparer.js';
import { createInlinePreparer } from '../src/core/ingest/inline-preparer.js';
import { createJiebaTokenizer } from '../src/adapters/node/jieba-tokenizer.js';
import { parseDocument } from '../src/adapters/node/parse-document.js';
import { SEEDS } from './support/open-test-index.js';

const chunking = { size: 300, overlap: 80 };
// Small pieces, so that a seed document comes back in many of them.
const worker = createWorkerPreparer({ chunking, pieceTokens: 200 });
const inline = createInlinePreparer({ parse: parseDocument, tokenizer: createJiebaTokenizer(), chunking });
afterAll(() => worker.close());

const seed = async () => {
  const source = (await readdir(SEEDS)).sort()[0];
  return { source, bytes: new Uint8Array(await readFile(join(SEEDS, source))), hash: 'seed' };
};
const withoutTime = <T extends { meta: { indexedAt: number } }>(doc: T) => ({ ...doc, meta: { ...doc.meta, indexedAt: 0 } });

describe('the worker-thread document preparer', () => {
  it('prepares a seed document exactly as the in-process one, reassembled from its pieces', async () => {
    const file = await seed();
    const [fromWorker, inProcess] = await Promise.all([worker.prepare(file), inline.prepare(file)]);
    expect(fromWorker.chunks.length).toBeGreaterThan(5);
    expect(withoutTime(fromWorker)).toEqual(withoutTime(inProcess));
  });

  it('keeps the code and reason of a document it cannot read', async () => {
    await expect(worker.prepare({ source: '报告.exe', bytes: new Uint8Array([77, 90]), hash: 'x' })).rejects.toMatchObject({
      code: 'unsupported_format',
      message: expect.stringContaining('报告.exe'),
    });
    await expect(worker.prepare({ source: '空白.txt', bytes: new TextEncoder().encode(' \n\n '), hash: 'y' })).rejects.toMatchObject({
      code: 'document_unreadable',
    });
  });

  it('stops with the signal’s reason, and prepares the next document with a fresh worker', async () => {
    const file = await seed();
    const stop = new AbortController();
    const reason = new Error('client gone');
    const stopped = worker.prepare(file, { signal: stop.signal });
    stop.abort(reason);
    await expect(stopped).rejects.toBe(reason);
    const next = await worker.prepare({ source: '平陆.txt', bytes: new TextEncoder().encode('平陆县力争全年招商项目达到50个。'), hash: 'z' });
    expect(next.meta.places).toContain('平陆县');
    expect(next.chunks[0].text).toContain('50个');
  });
});
