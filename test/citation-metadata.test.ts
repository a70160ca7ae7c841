/**
 * Citation metadata: every document has a readable title, the date it states and, for PDF and pptx, the page of each
 * passage; /api/ask citations carry them, and an index described by an older metadata version is brought up to date
 * at the next start without embedding anything again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, readFile, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { parseDocument } from '../src/adapters/node/parse-document.js';
import { findClutter } from '../src/core/ingest/find-clutter.js';
import { extractPlace, fallbackTitle } from '../src/core/ingest/extract-metadata.js';
import { pageAt } from '../src/core/ingest/join-pages.js';
import { propertyDate, propertyTitle } from '../src/core/ingest/document-properties.js';
import { createApp } from '../src/app.js';
import { formatReply } from '../src/channels/wechat/format-reply.js';
import { passageLabel } from '../src/core/citation/passage-label.js';
import type { Answer } from '../src/core/types.js';
import type { OpenedIndex } from '../src/entries/node/open-index.js';
import { makeMappedPdfPages, makePptx } from './support/make-office-files.js';
import { openTestIndex, recordingEmbedder, SEEDS, tempDir } from './support/open-test-index.js';

const PDF_PAGES = ['阜城县二〇二四年工作报告', '一、去年工作回顾。全县新建文化广场9座。', '二、今年工作安排。阜城县今年计划新修乡村公路86公里。'];

describe('document metadata', () => {
  it('keeps where each PDF page begins, and the title and date of its document information', async () => {
    const parsed = await parseDocument('r.pdf', makeMappedPdfPages(PDF_PAGES, { title: '阜城县政府工作报告', created: 'D:20240305093000+08' }));
    expect(parsed.title).toBe('阜城县政府工作报告');
    expect(parsed.date).toBe('2024-03-05');
    expect(parsed.pages?.map(([, n]) => n)).toEqual([1, 2, 3]);
    const third = parsed.text.indexOf('二、今年工作安排');
    expect(pageAt(parsed.pages, third)).toBe(3);
    expect(pageAt(parsed.pages, third - 3)).toBe(2);
  });

  it('numbers passages of a deck by their slide, past a slide without text', async () => {
    const deck = makePptx([
      [{ placeholder: 'title', paragraphs: ['景县二〇二四年重点工作'] }],
      [{ placeholder: 'sldNum', paragraphs: ['2'] }],
      [{ placeholder: 'title', paragraphs: ['民生实事'] }, { paragraphs: ['景县今年新建日间照料中心14所。'] }],
    ]);
    const parsed = await parseDocument('d.pptx', deck);
    expect(parsed.pages).toEqual([
      [0, 1],
      [parsed.text.indexOf('第3页'), 3],
    ]);
    expect(pageAt(parsed.pages, parsed.text.indexOf('日间照料'))).toBe(3);
  });

  it('reads a docx title from its properties, leaving out a tool placeholder', async () => {
    const docx = async (title: string) =>
      new Uint8Array(await Packer.toBuffer(new Document({ title, sections: [{ children: [new Paragraph('武邑县今年新建口袋公园12座。')] }] })));
    expect((await parseDocument('a.docx', await docx('武邑县城建简报'))).title).toBe('武邑县城建简报');
    expect((await parseDocument('b.docx', await docx('Microsoft Word - 文档1.docx'))).title).toBeUndefined();
    expect(propertyTitle('幻灯片 1')).toBeUndefined();
    expect(propertyDate('1601-01-01T00:00:00Z')).toBeUndefined();
  });

  it('never takes a hash-like file name as a title', () => {
    const lines = findClutter('今年计划新修水渠18公里，完成后可灌溉农田两万亩以上。');
    expect(fallbackTitle('017_a5691ac9e0e183cd.txt', lines)).toBe('今年计划新修水渠18公里，完成后可灌溉农田两万亩以上。');
    expect(fallbackTitle('sub/水利简报.txt', lines)).toBe('水利简报');
  });

  it('names the place a seed is about, not a phrase that ends in 市 or 县', async () => {
    const text = await readFile(join(SEEDS, '002_019269771721435d.txt'), 'utf8');
    expect(extractPlace(text)).toBeUndefined();
    expect(extractPlace('在全县上半年经济工作会议上。在全县推进。')).toBeUndefined();
    expect(extractPlace('枣强县召开大会。枣强县今年目标。')).toBe('枣强县');
  });
});

describe('citation labels', () => {
  it('show title · date · page in WeChat, never a file name or character offsets', () => {
    const citation = { n: 1, source: '9f3c2a7be01d4c55.pdf', title: '阜城县二〇二四年工作报告', text: '…', start: 40, end: 80, score: 0.8, date: '2024-03-05', page: 3 };
    expect(passageLabel(citation)).toBe('阜城县二〇二四年工作报告 · 2024年3月5日 · 第3页');
    const reply = formatReply({ answer: '阜城县今年计划新修乡村公路86公里。[1]', found: true, query: 'q', citations: [citation] });
    expect(reply).toBe('阜城县今年计划新修乡村公路86公里。[1]\n\n来源：[1] 阜城县二〇二四年工作报告 · 2024年3月5日 · 第3页');
    expect(passageLabel({ title: '以最优作风最大担当最强干劲抓落实' })).toBe('以最优作风最大担当最强干劲抓落实');
  });
});

describe('citations over HTTP', () => {
  let corpus: string;
  let opened: OpenedIndex & { indexDir: string };
  const TOKEN = 'metadata-test-token';

  beforeAll(async () => {
    corpus = await tempDir('zhida-meta-corpus-');
    for (const f of ['000_a5691ac9e0e183cd.txt', '004_ac523d24249772f7.txt']) await copyFile(join(SEEDS, f), join(corpus, f));
    opened = await openTestIndex(corpus);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('cites a PDF upload with its title, date and page', async () => {
    const app = createApp({ engine: () => opened.engine, library: () => opened.library, http: { adminToken: TOKEN, rateLimitPerMinute: 0 } });
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(makeMappedPdfPages(PDF_PAGES, { created: 'D:20240305' }))]), '9f3c2a7be01d4c55.pdf');
    const upload = await app.request('/api/documents', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: form });
    expect(upload.status).toBe(201);
    const res = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '阜城县今年计划新修多少公里乡村公路' }) });
    const answer = (await res.json()) as Answer;
    expect(answer.answer).toContain('86公里');
    const cited = answer.citations.find((c) => c.source === 'uploads/9f3c2a7be01d4c55.pdf')!;
    expect(cited).toMatchObject({ title: '阜城县二〇二四年工作报告', date: '2024-03-05', page: 3 });

    const dated = answer.citations.find((c) => c.source === '004_ac523d24249772f7.txt');
    if (dated) expect(dated.date).toBe('2015-02-26');
    const spec = (await (await app.request('/openapi.json')).json()) as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    expect(Object.keys(spec.components.schemas.Citation.properties)).toEqual(expect.arrayContaining(['title', 'date', 'page']));
  });

  it('describes the documents of an older index again at the next start, embedding nothing', async () => {
    await opened.close();
    const current = (await readFile(join(opened.indexDir, 'CURRENT'), 'utf8')).trim();
    const manifestPath = join(opened.indexDir, current, 'manifest.json');
    const { metadata: _version, ...older } = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
    await writeFile(manifestPath, JSON.stringify(older));
    const embedder = await recordingEmbedder();
    opened = await openTestIndex(corpus, opened.indexDir, {}, embedder);
    expect(embedder.calls.filter((c) => c.kind === 'passage')).toEqual([]);
    const pdf = opened.index.document('uploads/9f3c2a7be01d4c55.pdf')!;
    expect(pdf.meta.pages?.length).toBe(3);
    const gens = (await readdir(opened.indexDir)).filter((g) => g.startsWith('gen-'));
    const latest = (await readFile(join(opened.indexDir, 'CURRENT'), 'utf8')).trim();
    expect(latest).not.toBe(current);
    expect(gens).toContain(latest);
    expect(JSON.parse(await readFile(join(opened.indexDir, latest, 'manifest.json'), 'utf8')).metadata).toBe(1);
  });
});
