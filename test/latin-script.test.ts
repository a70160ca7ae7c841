import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openTestIndex, tempDir } from './support/open-test-index.js';
import type { Engine } from '../src/core/engine.js';
import { inLatinScript, mostlyLatin } from '../src/core/normalize/script.js';

describe('script of a text', () => {
  it('tells an English question from a Chinese or a mixed one', () => {
    expect(inLatinScript('What is the investment target of the county this year?')).toBe(true);
    expect(inLatinScript('Pinglu 招商 target?')).toBe(false);
    expect(inLatinScript('平陆招商目标是多少')).toBe(false);
    expect(inLatinScript('2023?')).toBe(false);
  });

  it('reads a Chinese passage that quotes English titles as Chinese', () => {
    expect(mostlyLatin('乐队在1979年发行专辑《Spirits Having Flown》，其中的《Too Much Heaven》登上榜首。')).toBe(false);
    expect(mostlyLatin('The county plans to attract 50 investment projects this year.')).toBe(true);
  });
});

describe('an English question', () => {
  const band = '比吉斯乐队\n\n比吉斯乐队在1979年发行专辑《Spirits Having Flown》，其中的单曲《Too Much Heaven》和《Tragedy》登上美国排行榜榜首。乐队成员来自英国曼岛，后来移居澳大利亚。\n';
  let chinese: Engine;
  let engine: Engine;
  let corpus: string;
  let chineseCorpus: string;
  beforeAll(async () => {
    chineseCorpus = await tempDir('zhida-latin-');
    await writeFile(join(chineseCorpus, 'band.txt'), band);
    ({ engine: chinese } = await openTestIndex(chineseCorpus));
    corpus = await tempDir('zhida-latin-');
    await writeFile(join(corpus, 'band.txt'), band);
    await writeFile(
      join(corpus, 'harbour.txt'),
      'Harbour report\n\nThe new harbour opened in May. It handles 3 million tonnes of cargo a year and employs 1,200 workers. The harbour authority plans a second terminal by 2028.\n',
    );
    ({ engine } = await openTestIndex(corpus));
  });
  afterAll(async () => {
    await rm(corpus, { recursive: true, force: true });
    await rm(chineseCorpus, { recursive: true, force: true });
  });

  it('is translated, not matched on the English words inside a Chinese passage', async () => {
    const question = 'Which single from Spirits Having Flown reached the top of the chart?';
    expect((await chinese.search(question, 5)).hits.some((h) => h.source === 'band.txt')).toBe(true);
    // single → 单曲, top of the chart → 榜首, 排行榜: the Chinese sentence answers, quoted in an English frame.
    const a = await chinese.ask(question);
    expect(a.found).toBe(true);
    expect(a.language).toBe('en');
    expect(a.answer).toMatch(/^From «比吉斯乐队»: /);
    expect(a.answer).toContain('单曲《Too Much Heaven》和《Tragedy》登上美国排行榜榜首');
  });

  it('is answered from a passage written in English', async () => {
    const a = await engine.ask('How many tonnes of cargo does the new harbour handle a year?');
    expect(a.found).toBe(true);
    expect(a.citations[0].source).toBe('harbour.txt');
    expect(a.answer).toContain('3 million tonnes');
  });
});
