import { beforeAll, describe, expect, it } from 'vitest';
import { openTestIndex, seedCorpus } from './support/open-test-index.js';
import type { Engine } from '../src/core/engine.js';
import type { Answer } from '../src/core/types.js';
import { foldText } from '../src/core/normalize/fold-text.js';
import { timeless } from '../src/core/answer/timeless-answers.js';
import { spellsOutFor } from '../src/core/answer/unexplained-slogans.js';
import { statesRank } from '../src/core/answer/asked-ranks.js';

let engine: Engine;

beforeAll(async () => {
  ({ engine } = await openTestIndex(await seedCorpus()));
});

const stripMarkers = (s: string) => s.replace(/\[\d+\]/g, '');

function expectGrounded(answer: Answer) {
  expect(answer.found).toBe(true);
  const first = answer.citations[0];
  expect(answer.answer).toMatch(/\[1\]$/);
  // Verbatim, up to the script: a simplified question gets a traditional document's words in simplified characters.
  expect(foldText(first.text)).toContain(foldText(stripMarkers(answer.answer)));
  expect(first.highlight!.start).toBeGreaterThanOrEqual(first.start);
  expect(first.highlight!.end).toBeLessThanOrEqual(first.end);
  for (const n of stripMarkers(answer.answer).match(/\d+(\.\d+)?/g) ?? []) expect(first.text).toContain(n);
}

describe('answering', () => {
  it('answers 平陆招商目标是多少 with 50个 and 200亿元, cited from the 平陆 speech', async () => {
    const a = await engine.ask('平陆招商目标是多少');
    expectGrounded(a);
    expect(a.answer).toContain('50个');
    expect(a.answer).toContain('200亿元');
    expect(a.citations[0].source).toBe('001_583cfe85666f49d1.txt');
    expect(stripMarkers(a.answer).length).toBeLessThanOrEqual(200);
  });

  it('finds a traditional-script document from a simplified question and answers in simplified characters; the citation keeps the original', async () => {
    const a = await engine.ask('环县全膜双垄沟播玉米种植了多少万亩');
    expectGrounded(a);
    expect(a.answer).toContain('112.1万亩');
    expect(a.citations[0].source).toBe('003_d785b1ea62eb0eee.txt');
    expect(a.citations[0].text).toContain('112.1萬畝');
    const traditional = await engine.ask('環縣全膜雙壟溝播玉米種植了多少萬畝');
    expect(traditional.answer).toContain('112.1萬畝');
  });

  it('finds a simplified document from a traditional question', async () => {
    const a = await engine.ask('平陸招商目標是多少');
    expect(a.citations[0].source).toBe('001_583cfe85666f49d1.txt');
    expect(a.answer).toContain('50个');
  });

  it('answers 谁 with the name next to the title asked for', async () => {
    const a = await engine.ask('枣强县委书记是谁');
    expectGrounded(a);
    expect(a.answer).toContain('刘新营');
  });

  it('answers 谁 with the speaker whose paragraph a quoted sentence goes on from (李谦强调……)', async () => {
    const a = await engine.ask('谁要求衡水干部向倒第一说再见');
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^李谦强调……/);
    expect(a.answer).toContain('向倒第一说再见');
    // Each part is verbatim from the cited passage, and the highlight is on the sentence that answers.
    const [speaker, rest] = stripMarkers(a.answer).split('……');
    expect(a.citations[0].text).toContain(speaker);
    expect(a.citations[0].text).toContain(rest);
    const english = await engine.ask('Who told Hengshui officials to say goodbye to coming last?');
    expect(english.answer).toMatch(/^Li Qian — /);
  });

  it('answers 哪天 with a date', async () => {
    const a = await engine.ask('衡水农村面貌改造提升行动动员大会是哪天召开的');
    expect(a.answer).toContain('2月25日');
  });

  it('weighs, for a question for a day, only windows that state a day, and refuses when none answers', async () => {
    // The 平陆 article says the province's meeting came 新春伊始, and no day; the 环县 report's 1号煤矿 is no day either.
    for (const q of ['山西省政府系统抓落实提高执行力推进会议是哪天召开的', '华电南湫风电一、二期工程是哪一天并网发电的']) {
      const inspected = await engine.inspect(q);
      for (const w of inspected.decision.windows ?? []) expect(timeless(foldText(q), foldText(w.text))).toBe(false);
      expect((await engine.ask(q)).found).toBe(false);
    }
    expect((await engine.ask('枣强县三级干部大会是哪一天召开的')).answer).toContain('2月16日');
  });

  it('weighs, for a question for a slogan’s items, the windows that spell it out, when any does', async () => {
    const q = '枣强“三统筹三扩大四创建”当中的“三扩大”是扩大哪三个方面';
    const spellsOut = spellsOutFor(foldText(q));
    const inspected = await engine.inspect(q);
    expect(inspected.decision.windows?.length).toBeGreaterThan(0);
    for (const w of inspected.decision.windows ?? []) expect(spellsOut(foldText(w.text))).toBe(true);
    for (const item of ['扩大投资', '扩大消费', '扩大就业']) expect(inspected.decision.best?.text).toContain(item);
  });

  it('weighs, for a who-question about a title, the windows that give the title, when any does', async () => {
    // The report's lead, which names no one, is the model's favourite among all windows; with it, the answer lacked
    // 县委书记 and was refused.
    const q = '2022年枣强三级干部大会上作动员讲话的县委书记是谁';
    const inspected = await engine.inspect(q);
    expect(inspected.decision.windows?.length).toBeGreaterThan(0);
    for (const w of inspected.decision.windows ?? []) expect(w.text).toContain('县委书记');
    const a = await engine.ask(q);
    expectGrounded(a);
    expect(a.answer).toContain('刘新营');
  });

  it('weighs, for a question for a place in a ranking, the windows that state one, when any does', async () => {
    const inspected = await engine.inspect('环县上半年固定资产投资增速在全市排第几');
    expect(inspected.decision.windows?.length).toBeGreaterThan(0);
    for (const w of inspected.decision.windows ?? []) expect(statesRank(foldText(w.text))).toBe(true);
  });

  it('answers a question for who wrote a text with its byline, which the answer model ranks below the lead', async () => {
    const q = '解读枣强三级干部大会精神的这篇文章，记者是谁';
    expect((await engine.inspect(q)).decision.best?.text).not.toContain('焦明瑞');
    const a = await engine.ask(q);
    expectGrounded(a);
    expect(a.answer).toContain('焦明瑞');
    // A who-question that asks no writer is not answered by a byline.
    expect((await engine.ask('衡水那次动员大会是谁主持的')).answer).not.toMatch(/记者/);
  });

  it('answers 哪些 with the enumeration', async () => {
    const a = await engine.ask('平陆要打造哪三大产业园区');
    for (const k of ['稀有金属', '汽车新材料', '现代农业']) expect(a.answer).toContain(k);
  });

  it('says so, with no citations, when the corpus has no answer', async () => {
    for (const q of ['今天天气怎么样', '北京市2022年GDP是多少', '如何做红烧肉']) {
      const a = await engine.ask(q);
      expect(a.found, q).toBe(false);
      expect(a.citations, q).toEqual([]);
      expect(a.answer).toMatch(/没有/);
    }
  });

  it('answers a question naming a place only from that place’s document', async () => {
    const a = await engine.ask('平陆县的面积有多大');
    expect(a.found).toBe(false);
  });

  it('does not answer a question about 平陆 from another document when the 平陆 speech lacks the figure', async () => {
    // 环县's and X区's reports give 生产总值 growth figures; the search ranks their passages above anything of 平陆's.
    for (const q of ['平陆今年地区生产总值增长目标是多少', "What is Pinglu's GDP growth target?"]) {
      const a = await engine.ask(q);
      expect(a.found, q).toBe(false);
      for (const r of a.related ?? []) expect(r.source, q).toBe('001_583cfe85666f49d1.txt');
    }
  });

  it('rewrites a follow-up against the previous question', async () => {
    const a = await engine.chat([
      { role: 'user', content: '平陆招商目标是多少' },
      { role: 'assistant', content: '力争全年招商项目达到50个[1]' },
      { role: 'user', content: '那枣强呢？' },
    ]);
    expect(a.query).toBe('枣强招商目标是多少');
    expect(a.citations[0].source).toBe('000_a5691ac9e0e183cd.txt');
    expect(a.answer).toContain('30个');
  });

  it('changes the title asked about in a follow-up (市长呢？ after 衡水市委书记是谁)', async () => {
    const a = await engine.ask('市长呢？', { history: ['衡水市委书记是谁'] });
    expect(a.query).toBe('衡水市长是谁');
  });

  it('reads a misspelt place (平路) as the one the corpus names (平陆), and says so', async () => {
    const a = await engine.ask('平路招商目标是多少');
    expect(a.query).toBe('平陆招商目标是多少');
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^（“平路”按“平陆”理解）/);
    expect(a.answer).toContain('50个');
  });

  it('answers 你好 with what it can answer, not with a refusal', async () => {
    const a = await engine.ask('你好');
    expect(a.intent).toBe('smalltalk');
    expect(a.answer).not.toMatch(/抱歉/);
    expect(a.answer).toMatch(/5 份文件/);
  });

  it('offers related passages, clearly apart from citations, when the documents do not answer', async () => {
    const a = await engine.ask('衡水湖的门票多少钱');
    expect(a.found).toBe(false);
    expect(a.citations).toEqual([]);
    expect(a.related?.length).toBeGreaterThan(0);
    expect(a.related!.length).toBeLessThanOrEqual(3);
  });

  it('offers passages of the document a refused question names (平陆), searched within that document', async () => {
    const a = await engine.ask('平陆的县委书记叫什么名字');
    expect(a.found).toBe(false);
    expect(a.related?.length).toBeGreaterThan(0);
    for (const r of a.related!) expect(r.title).toBe('以最优作风最大担当最强干劲抓落实');
  });

  it('refuses a who-question about a title none of the passages found holds, not with the name of another title', async () => {
    // The reports name 市委书记李谦 and 市长杨慧, never the discipline commission's secretary.
    const a = await engine.ask('衡水市纪委书记是谁');
    expect(a.found).toBe(false);
    expect(a.citations).toEqual([]);
    expect(a.answer).not.toMatch(/李谦|杨慧/);
    // …with the passages about 衡水 that may be related, though the question writes 衡水市 and they write 衡水.
    expect(a.related?.length).toBeGreaterThan(0);
    expect((await engine.ask('衡水市委书记是谁')).answer).toMatch(/李谦/);
  });

  it('refuses a question about a year the report never names with its plan for its own year (年内)', async () => {
    // The 枣强 report is of 2022 (2022年是工作推进落实年) and plans 年内新增高新技术企业5家.
    const inspected = await engine.inspect('枣强县2023年计划新增多少家高新技术企业');
    expect(inspected.decision.best?.text).toContain('年内新增高新技术企业5家');
    expect(inspected.decision.unstated).toBe('asked-year');
    expect((await engine.ask('枣强县2023年计划新增多少家高新技术企业')).found).toBe(false);
    expect((await engine.ask('枣强县2022年计划新增多少家高新技术企业')).answer).toContain('5家');
  });

  it('refuses a figure question whose passage names the thing but states no figure in the measure asked for', async () => {
    // The 环县 report lists 山城堡战役陈列馆 among projects to build and gives no sum for it; 京南现代物流基地 no area.
    for (const q of ['山城堡战役陈列馆建设投资多少', '京南现代物流基地面积有多大']) {
      const inspected = await engine.inspect(q);
      expect(inspected.decision.unstated).toMatch(/money|area/);
      const a = await engine.ask(q);
      expect(a.found).toBe(false);
      expect(a.related?.length).toBeGreaterThan(0);
    }
    // A passage that states the sum still answers.
    const a = await engine.ask('平陆力促落地的项目总投资多少');
    expectGrounded(a);
    expect(a.answer).toContain('407.09亿元');
  });

  it('refuses empty and over-long questions with typed errors', async () => {
    await expect(engine.ask('   ')).rejects.toMatchObject({ code: 'question_empty', status: 400 });
    await expect(engine.ask('问'.repeat(1001))).rejects.toMatchObject({ code: 'question_too_long', status: 400 });
  });

  it('returns retrieval hits for search', async () => {
    const { hits } = await engine.search('衡水湖片区的总体定位', 3);
    expect(hits).toHaveLength(3);
    expect(hits[0].source).toBe('004_ac523d24249772f7.txt');
    expect(hits[0].score).toBeGreaterThanOrEqual(hits[1].score);
  });
});
