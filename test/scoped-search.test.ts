/**
 * A question that names a document's subject (环县, 枣强, 平陆) is searched within that document, with term statistics
 * of its own: documents added beside it, however many words they share with the question, change neither the passages
 * found nor the answer, nor whether it is given. The probability itself may move: which words are places, and whether
 * a word the question's documents lack is known elsewhere (for reading names), stay the corpus's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openTestIndex, seedCorpus, type TestIndex } from './support/open-test-index.js';

const QUESTIONS = ['环县上半年哪些指标拿了全市第一', '环县今年要养多少只羊', '枣强“四基地四区”建设分几步走', '平陆招商目标是多少', '枣强县委书记是谁', '环县县委书记叫什么'];

/** Unrelated text that shares the questions' common words (指标, 全市, 今年, 基地, 书记…) and names none of their places. */
const UNRELATED = [
  '某市统计局通报：上半年全市主要经济指标稳中有升，其中三项指标增速拿了全省第一。今年全市计划新建养殖基地十个，养羊二十万只。',
  '市委书记在会上强调，各县要把招商引资作为“一号工程”，今年招商目标要分三步走：一年打基础，两年见成效，三年上台阶。',
  '县委书记、县长分别汇报了上半年工作。基地建设、项目建设、指标完成情况良好，全市排名第一的指标共有五项。',
].join('\n');

async function snapshot(index: TestIndex) {
  const out: Record<string, { hits: string[]; best?: string; answered: boolean }> = {};
  for (const q of QUESTIONS) {
    const r = await index.engine.inspect(q);
    out[q] = { hits: r.hits.map((h) => `${h.source}@${h.start}`), best: r.decision.best?.text, answered: r.decision.answer };
  }
  return out;
}

describe('search within the document a question names', () => {
  let index: TestIndex;
  beforeAll(async () => {
    index = await openTestIndex(await seedCorpus());
  });
  afterAll(async () => {
    await index?.close();
  });

  it('answers from every document the question names by its place, those the gazetteer knows as well (枣强 beside 衡水)', async () => {
    // 衡水 is a place to the segmenter, 枣强 only to the corpus's list of places; the question is about 枣强's report.
    const r = await index.engine.inspect('为了融入衡水中心城区发展框架，枣强在行政区划上要积极推动什么？');
    expect(r.decision.best?.text).toContain('撤县设区');
    expect(r.decision.answer).toBe(true);
  });

  it('takes no single character or numeral for what the question is about (平陆的四基地 is not about the report with 四 in it)', async () => {
    // 四 (of 四基地四区) is in the 枣强 report alone, as 平陆 is in the 平陆 speech, which has no 四基地.
    const r = await index.engine.inspect('平陆的四基地是指什么？');
    expect(r.decision.best?.text ?? '').not.toContain('四基地');
    expect(r.decision.answer).toBe(false);
  });

  it('gives the same passages and answer, answered or refused alike, once unrelated documents share the corpus', async () => {
    const before = await snapshot(index);
    for (const q of QUESTIONS) expect(before[q].hits.length, q).toBeGreaterThan(0);

    const cmrc = join(import.meta.dirname, '../eval/cmrc-trial/corpus');
    for (const name of (await readdir(cmrc)).sort().slice(0, 40)) await cp(join(cmrc, name), join(index.corpusDir, `wiki-${name}`));
    await writeFile(join(index.corpusDir, 'unrelated-report.txt'), `某市上半年经济运行情况通报\n${UNRELATED}\n`);
    const synced = await index.refresh();
    expect(synced.added.length).toBe(41);

    const after = await snapshot(index);
    for (const q of QUESTIONS) {
      expect(after[q].hits, q).toEqual(before[q].hits);
      expect(after[q].best, q).toBe(before[q].best);
      expect(after[q].answered, q).toBe(before[q].answered);
    }
  });
});
