import { beforeAll, describe, expect, it } from 'vitest';
import { copyFile, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { parseDocument } from '../src/adapters/node/parse-document.js';
import { createApp } from '../src/app.js';
import { SEEDS, openTestIndex, tempDir, type TestIndex } from './support/open-test-index.js';

const TEXT = '平陆县力争全年招商项目达到50个，协议总投资达到200亿元以上。\n';
const utf16le = (s: string) => new Uint8Array(Buffer.from(`\uFEFF${s}`, 'utf16le'));
const utf16be = (s: string) => new Uint8Array(Buffer.from(`\uFEFF${s}`, 'utf16le').swap16());
/** A seed document, gzipped and saved as .txt: binary that is neither UTF-8 nor GB18030. */
const garbage = async () => new Uint8Array(gzipSync(await readFile(join(SEEDS, '001_583cfe85666f49d1.txt'))));

describe('text file encodings', () => {
  it('reads UTF-16LE with a byte-order mark', async () => {
    expect((await parseDocument('a.txt', utf16le(TEXT))).text).toBe(TEXT);
  });

  it('reads UTF-16BE with a byte-order mark, Markdown title included', async () => {
    const { text, title } = await parseDocument('a.md', utf16be(`# 平陆县招商简报\n\n${TEXT}`));
    expect(title).toBe('平陆县招商简报');
    expect(text).toBe(`# 平陆县招商简报\n\n${TEXT}`);
  });

  it('reads GB18030 that is not valid UTF-8, four-byte sequences included', async () => {
    // 平陆县力争全年招商项目达到50个，㐀€ in GB18030 (㐀 takes four bytes; GBK has no such character).
    const gb18030 = Buffer.from('c6bdc2bdcfd8c1a6d5f9c8abc4ead5d0c9cccfeec4bfb4efb5bd3530b8f6a3ac8139ee39a2e3', 'hex');
    expect((await parseDocument('a.txt', new Uint8Array(gb18030))).text).toBe('平陆县力争全年招商项目达到50个，㐀€');
  });

  it('keeps the DOS end-of-file mark old text files carry, and a UTF-8 byte-order mark is dropped', async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${TEXT}\u001a`);
    expect((await parseDocument('a.txt', bytes)).text).toBe(`${TEXT}\u001a`);
  });

  it('refuses binary garbage saved as .txt, with the reason', async () => {
    await expect(parseDocument('archive.txt', await garbage())).rejects.toMatchObject({
      code: 'text_encoding_unsupported',
      status: 415,
      message: 'archive.txt: not text in UTF-8, UTF-16 with a byte-order mark, or GB18030.',
    });
  });

  it('refuses UTF-16 without a byte-order mark rather than index it as mojibake', async () => {
    const unmarked = new Uint8Array(Buffer.from(TEXT, 'utf16le'));
    await expect(parseDocument('a.txt', unmarked)).rejects.toMatchObject({ code: 'text_encoding_unsupported' });
  });
});

describe('uploading text files', () => {
  const TOKEN = 'parse-encoding-token';
  const upload = (name: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], name));
    return { method: 'POST', body: form, headers: { authorization: `Bearer ${TOKEN}` } };
  };
  let corpus: string;
  let opened: TestIndex;
  let app: Hono;

  beforeAll(async () => {
    corpus = await tempDir('zhida-corpus-');
    await copyFile(join(SEEDS, '001_583cfe85666f49d1.txt'), join(corpus, '平陆讲话.txt'));
    opened = await openTestIndex(corpus);
    app = createApp({ engine: () => opened.engine, library: () => opened.library, http: { adminToken: TOKEN, rateLimitPerMinute: 0 } });
  });

  it('indexes a UTF-16 upload as the text it holds', async () => {
    const res = await app.request('/api/documents', upload('青山县简报.txt', utf16le('青山县今年力争新建农村公路120公里，改造危房300户。\n')));
    expect(res.status).toBe(201);
    const answer = await opened.engine.ask('青山县今年要新建多少公里农村公路');
    expect(answer.answer).toContain('120公里');
    expect(answer.citations[0]).toMatchObject({ source: 'uploads/青山县简报.txt', text: expect.stringContaining('新建农村公路120公里') });
  });

  it('refuses an undecodable upload with 415 and the reason, and stores nothing', async () => {
    const before = await readdir(opened.uploadDir);
    const res = await app.request('/api/documents', upload('报告.txt', await garbage()));
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({
      error: { code: 'text_encoding_unsupported', message: 'uploads/报告.txt: not text in UTF-8, UTF-16 with a byte-order mark, or GB18030.' },
    });
    expect(await readdir(opened.uploadDir)).toEqual(before);
    expect(await readdir(corpus)).toEqual(['平陆讲话.txt']);
  });
});
