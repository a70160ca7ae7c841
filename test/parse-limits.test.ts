import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { unzipSync, zipSync } from 'fflate';
import mammoth from 'mammoth';
import pino from 'pino';
import type { Hono } from 'hono';
import { parseDocument } from '../src/adapters/node/parse-document.js';
import { DEFAULT_PARSE_LIMITS, parseLimitsOf } from '../src/adapters/node/parse-limits.js';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/app.js';
import { openIndex, type OpenedIndex } from '../src/entries/node/open-index.js';
import { makeDocx, makePdf, pagedPdf } from './support/make-files.js';
import { declareSize } from './support/make-office-files.js';
import { MODELS, SEEDS, recordingEmbedder, tempDir } from './support/open-test-index.js';

const MB = 1024 * 1024;
const limits = (env: Record<string, string>) => parseLimitsOf(loadConfig(env));
/** The error parsing ended with, or 'read': short, so that a failing test does not print 120 MB of text. */
const outcome = (parsing: Promise<unknown>) => parsing.then(() => 'read', (e: unknown) => e);

/** A .docx whose document.xml holds `padding` spaces before its text: 120 MB of them deflate to about 120 KB. */
async function paddedDocx(padding: number): Promise<Uint8Array> {
  const parts = unzipSync(await makeDocx('平陆县工作报告', ['力争全年招商项目达到50个。']));
  const xml = new TextDecoder().decode(parts['word/document.xml']);
  const at = xml.indexOf('力争');
  parts['word/document.xml'] = Buffer.concat([Buffer.from(xml.slice(0, at)), Buffer.alloc(padding, 0x20), Buffer.from(xml.slice(at))]);
  return zipSync(parts);
}

let bomb: Uint8Array;
beforeAll(async () => {
  bomb = await paddedDocx(120 * MB);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('zip-based documents under the parse limits', () => {
  it('refuses a docx zip bomb (about 120 KB inflating to 120 MB) with the default limits, without inflating it', async () => {
    expect(bomb.length).toBeLessThan(200 * 1024);
    const extract = vi.spyOn(mammoth, 'convertToHtml');
    expect(await outcome(parseDocument('bomb.docx', bomb))).toMatchObject({
      code: 'document_too_large',
      status: 413,
      message: expect.stringMatching(/^bomb\.docx: word\/document\.xml would inflate to \d{9} bytes, over PARSE_MAX_ENTRY_BYTES \(52428800\)\.$/),
    });
    expect(extract).not.toHaveBeenCalled();
  });

  it('refuses a zip whose directory understates a part, once the part inflates past what it declares', async () => {
    const lying = declareSize(bomb, 'word/document.xml', 4096);
    const extract = vi.spyOn(mammoth, 'convertToHtml');
    expect(await outcome(parseDocument('lying.docx', lying))).toMatchObject({
      code: 'document_too_large',
      message: 'lying.docx: word/document.xml inflates beyond the 4096 bytes its zip directory declares.',
    });
    expect(extract).not.toHaveBeenCalled();
  });

  it('reads a real docx, and one with a highly compressible part under 1 MiB, with the default limits', async () => {
    expect((await parseDocument('a.docx', await makeDocx('枣强县工作要点', ['新增高新技术企业5家。']))).text).toContain('新增高新技术企业5家。');
    expect((await parseDocument('b.docx', await paddedDocx(MB / 2))).text).toContain('力争全年招商项目达到50个。');
  });

  it.each([
    ['PARSE_MAX_ENTRIES', { PARSE_MAX_ENTRIES: '3' }, 0, /it has \d+ parts, over PARSE_MAX_ENTRIES \(3\)/],
    ['PARSE_MAX_ENTRY_BYTES', { PARSE_MAX_ENTRY_BYTES: '16384' }, 20_000, /word\/document\.xml would inflate to \d+ bytes, over PARSE_MAX_ENTRY_BYTES \(16384\)/],
    ['PARSE_MAX_UNCOMPRESSED_BYTES', { PARSE_MAX_UNCOMPRESSED_BYTES: '4096' }, 0, /its parts would inflate to \d+ bytes, over PARSE_MAX_UNCOMPRESSED_BYTES \(4096\)/],
    ['PARSE_MAX_COMPRESSION_RATIO', { PARSE_MAX_COMPRESSION_RATIO: '20' }, 2 * MB, /word\/document\.xml would inflate \d+ times, over PARSE_MAX_COMPRESSION_RATIO \(20\)/],
  ])('refuses a docx over %s as configured', async (_, env, padding, message) => {
    expect(await outcome(parseDocument('a.docx', await paddedDocx(padding), limits(env)))).toMatchObject({
      code: 'document_too_large',
      message: expect.stringMatching(message),
    });
  });
});

describe('PDF under the parse limits', () => {
  it('refuses a PDF with more pages than PARSE_MAX_PDF_PAGES, and reads it when allowed', async () => {
    const pdf = pagedPdf(3);
    expect(await outcome(parseDocument('report.pdf', pdf, limits({ PARSE_MAX_PDF_PAGES: '2' })))).toMatchObject({
      code: 'document_too_large',
      message: 'report.pdf: it has 3 pages, over PARSE_MAX_PDF_PAGES (2).',
    });
    const { text } = await parseDocument('report.pdf', pdf, limits({ PARSE_MAX_PDF_PAGES: '3' }));
    expect(text).toContain('Page 3 of the annual report');
  });

  it('abandons a PDF whose PARSE_TIMEOUT_MS deadline has passed', async () => {
    // The deadline timer stands in as already fired, so the outcome does not depend on the machine's speed.
    const timer = vi.spyOn(AbortSignal, 'timeout').mockImplementation(() => AbortSignal.abort(new DOMException('timed out', 'TimeoutError')));
    expect(await outcome(parseDocument('slow.pdf', makePdf(['Annual target: 50 projects']), limits({ PARSE_TIMEOUT_MS: '5000' })))).toMatchObject({
      code: 'document_timeout',
      status: 422,
      message: 'slow.pdf: reading took longer than PARSE_TIMEOUT_MS (5000 ms).',
    });
    expect(timer).toHaveBeenCalledWith(5000);
  });
});

describe('parse limit settings', () => {
  it('default to limits real office documents pass, and a bad value names its variable', () => {
    expect(limits({})).toEqual(DEFAULT_PARSE_LIMITS);
    expect(limits({ PARSE_MAX_ENTRIES: '200' })).toEqual({ ...DEFAULT_PARSE_LIMITS, maxEntries: 200 });
    expect(() => loadConfig({ PARSE_MAX_PDF_PAGES: '0' })).toThrow(/PARSE_MAX_PDF_PAGES/);
  });
});

describe('a document past the limits, in the corpus folder and uploaded', () => {
  const TOKEN = 'parse-limits-token';
  const admin = (init: RequestInit = {}) => ({ ...init, headers: { ...(init.headers as object), authorization: `Bearer ${TOKEN}` } });
  const upload = (name: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], name));
    return admin({ method: 'POST', body: form });
  };
  let corpus: string;
  let uploadDir: string;
  let indexDir: string;
  let opened: OpenedIndex;
  let app: Hono;
  const logs: { msg: string; source?: string; reason?: string }[] = [];

  beforeAll(async () => {
    corpus = await tempDir('zhida-corpus-');
    indexDir = await tempDir('zhida-index-');
    await copyFile(join(SEEDS, '001_583cfe85666f49d1.txt'), join(corpus, '平陆讲话.txt'));
    await writeFile(join(corpus, 'bomb.docx'), bomb);
    const sink = new Writable({
      write(line, _, done) {
        logs.push(JSON.parse(line.toString()));
        done();
      },
    });
    uploadDir = await tempDir('zhida-uploads-');
    const config = loadConfig({ CORPUS_DIR: corpus, INDEX_DIR: indexDir, UPLOAD_DIR: uploadDir, MODELS_DIR: MODELS });
    opened = await openIndex(config, { log: pino({ level: 'warn' }, sink), embedder: await recordingEmbedder() });
    app = createApp({ engine: () => opened.engine, library: () => opened.library, http: { adminToken: TOKEN, rateLimitPerMinute: 0 } });
  });

  it('starts anyway: the bomb is skipped with its reason in the log and listed as failed', async () => {
    expect(opened.index.listDocuments().map((d) => d.meta.source)).toEqual(['平陆讲话.txt']);
    expect(logs).toContainEqual(
      expect.objectContaining({ msg: 'document skipped', source: 'bomb.docx', reason: expect.stringMatching(/PARSE_MAX_ENTRY_BYTES/) }),
    );
    const res = await app.request('/api/documents', admin());
    expect(res.status).toBe(200);
    const listing = await res.json();
    expect(listing.documents.map((d: { source: string }) => d.source)).toEqual(['平陆讲话.txt']);
    expect(listing.failed).toEqual([{ source: 'bomb.docx', bytes: bomb.length, reason: expect.stringMatching(/^bomb\.docx: .*PARSE_MAX_ENTRY_BYTES/) }]);
  });

  it('refuses the bomb as an upload with 413 and the reason, and persists nothing', async () => {
    const files = await readdir(corpus);
    const generation = await readFile(join(indexDir, 'CURRENT'), 'utf8');
    const res = await app.request('/api/documents', upload('上传.docx', bomb));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: 'document_too_large', message: expect.stringMatching(/^uploads\/上传\.docx: word\/document\.xml would inflate to \d+ bytes, over PARSE_MAX_ENTRY_BYTES/) },
    });
    expect(await readdir(corpus)).toEqual(files);
    expect(await readdir(uploadDir)).toEqual([]);
    expect(await readFile(join(indexDir, 'CURRENT'), 'utf8')).toBe(generation);
    expect(opened.index.document('uploads/上传.docx')).toBeUndefined();
  });

  it('keeps the corpus file listed as failed when a readable file of that name is uploaded: the upload sits beside it', async () => {
    const res = await app.request('/api/documents', upload('bomb.docx', await makeDocx('平陆县招商简报', ['力争全年招商项目达到50个。'])));
    expect(res.status).toBe(201);
    const listing = await (await app.request('/api/documents', admin())).json();
    expect(listing.failed.map((f: { source: string }) => f.source)).toEqual(['bomb.docx']);
    expect(listing.documents.map((d: { source: string }) => d.source)).toContain('uploads/bomb.docx');
    expect(await readFile(join(corpus, 'bomb.docx'))).toEqual(Buffer.from(bomb));
  });
});

describe('the parse limits of the settings', () => {
  it('are the ones the index applies to the corpus folder (PARSE_MAX_ENTRIES=3 refuses an ordinary .docx)', async () => {
    const corpus = await tempDir('zhida-corpus-');
    await writeFile(join(corpus, '青山县报告.docx'), await makeDocx('青山县政府工作报告', ['青山县今年新建农村公路120公里。']));
    const config = loadConfig({ CORPUS_DIR: corpus, INDEX_DIR: await tempDir('zhida-index-'), UPLOAD_DIR: await tempDir('zhida-uploads-'), MODELS_DIR: MODELS, PARSE_MAX_ENTRIES: '3' });
    const opened = await openIndex(config, { log: pino({ level: 'silent' }), embedder: await recordingEmbedder() });
    expect(opened.index.listDocuments()).toEqual([]);
    expect(opened.index.failed.list()).toEqual([expect.objectContaining({ source: '青山县报告.docx', reason: expect.stringMatching(/PARSE_MAX_ENTRIES \(3\)/) })]);
  });
});
