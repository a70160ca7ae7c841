import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findClutter } from '../src/core/ingest/find-clutter.js';
import { extractDate, extractTitle } from '../src/core/ingest/extract-metadata.js';
import { chunkDocument } from '../src/core/chunk/chunk-document.js';
import { headingOf } from '../src/core/chunk/heading.js';
import { prepareDocument } from '../src/core/ingest/prepare-document.js';
import { createJiebaTokenizer } from '../src/adapters/node/jieba-tokenizer.js';
import { SEEDS } from './support/open-test-index.js';

const seeds = readdirSync(SEEDS).map((f) => ({ source: f, text: readFileSync(join(SEEDS, f), 'utf8') }));
const tokenizer = createJiebaTokenizer();

describe('chunking', () => {
  it.each(seeds.map((s) => [s.source, s.text]))('%s: every chunk round-trips to its offsets', (source, text) => {
    const doc = prepareDocument({ source, text, hash: 'h', bytes: text.length }, tokenizer, { size: 300, overlap: 80 });
    expect(doc.chunks.length).toBeGreaterThan(3);
    for (const chunk of doc.chunks) {
      expect(chunk.text).toBe(text.slice(chunk.start, chunk.end));
      expect(chunk.end - chunk.start).toBeLessThanOrEqual(300);
      expect(chunk.text.trim()).toBe(chunk.text);
    }
  });

  it('never puts web clutter into a chunk', () => {
    for (const { source, text } of seeds) {
      const doc = prepareDocument({ source, text, hash: 'h', bytes: 1 }, tokenizer, { size: 300, overlap: 80 });
      const all = doc.chunks.map((c) => c.text).join('\n');
      for (const junk of ['微信扫码', '相關文章', '相關推薦', '责编', '未经允许不得转载', 'SUCAI198.COM', '阅读时长', '山西新闻网>>']) {
        expect(all, `${source} ${junk}`).not.toContain(junk);
      }
    }
  });

  it('keeps the text of a sentence together and starts a chunk at a heading', () => {
    const text = '一、总体要求\n今年要做好三件事。第一件事是招商。第二件事是建设。\n二、主要任务\n力争全年招商项目达到50个。';
    const lines = findClutter(text);
    const chunks = chunkDocument(text, lines, { size: 200, overlap: 0 });
    expect(chunks.map((c) => c.heading)).toEqual(['一、总体要求', '二、主要任务']);
    expect(text.slice(chunks[1].start, chunks[1].end)).toBe('二、主要任务\n力争全年招商项目达到50个。');
  });

  it('repeats trailing sentences as overlap when a section is longer than a chunk', () => {
    const sentence = '这是一个用来测试分块重叠效果的句子。';
    const text = sentence.repeat(30);
    const chunks = chunkDocument(text, findClutter(text), { size: 100, overlap: 40 });
    expect(chunks.length).toBeGreaterThan(5);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i].start).toBeLessThan(chunks[i - 1].end);
  });

  it.each([
    ['一、客觀審視上半年經濟工作', '一、客觀審視上半年經濟工作'],
    ['(一)全縣上下心齊氣順。後面是正文', '(一)全縣上下心齊氣順'],
    ['第五,这是我们改进党员干部能力作风的现实所需。', '第五,这是我们改进党员干部能力作风的现实所需'],
    ['坚持目标导向,会谋事', '坚持目标导向,会谋事'],
  ])('recognises the heading %s', (line, heading) => {
    expect(headingOf(line)).toBe(heading);
  });

  it('does not take a lead-in line ending with a colon for a heading', () => {
    expect(headingOf('具體工作中,要重點抓好八個方面:')).toBeUndefined();
  });
});

describe('metadata', () => {
  it('extracts titles past navigation and banners', () => {
    const titles = seeds.map((s) => extractTitle(findClutter(s.text), s.source));
    expect(titles).toEqual([
      '拉高标杆 奋勇争先 转变作风 狠抓落实',
      '以最优作风最大担当最强干劲抓落实',
      '在X区2024年“三新三强”打擂台、厚筑全市“压舱石”行动动员部署大会上的讲话',
      '在全縣上半年經濟工作會議上的講話',
      '全市领导干部凝神聚力抓发展暨农村面貌改造提升行动动员大会召开',
    ]);
  });

  it('reads a dateline', () => {
    const s = seeds.find((x) => x.source.startsWith('004'))!;
    expect(extractDate(findClutter(s.text))).toBe('2015-02-26');
  });

  it('refuses a document with no readable text', () => {
    expect(() => prepareDocument({ source: 'x.txt', text: '   \n\n', hash: 'h', bytes: 4 }, tokenizer, { size: 300, overlap: 0 })).toThrow(
      /no readable text/,
    );
  });
});
