import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openTestIndex, seedCorpus, type TestIndex } from './support/open-test-index.js';
import { createApp } from '../src/app.js';
import { parseSet, runEval, type Request } from '../src/eval/run-eval.js';
import { summarise } from '../src/eval/metrics.js';

const EVAL = join(import.meta.dirname, '../eval/seeds');

/**
 * Floors just under the figures measured (README, English questions): our set 0.773 correct, 0.889 refused; the second
 * 0.825 and 0.9, the third 0.875 and 0.9, the fourth 0.725 and 0.9, each written blind to the translator and the
 * glossary and read afterwards; the fifth 0.6 and 0.9 measured blind (read a session later: 0.775 and 0.9); the sixth
 * 0.525 and 0.8 and the seventh 0.6 and 0.7, measured blind and then on their summaries only (to take out two changes);
 * the eighth 0.725 and 0.3 blind, 0.75 and 0.4 after the changes its summary and its unanswered questions were read for;
 * the ninth 0.425 and 0.8 blind (on the code before that session and on the session's code at 30d4ce8 alike), read
 * afterwards: 0.45, 0.8; the tenth (short, plain questions) 0.45 and 0.8 blind on the code before the session, 0.45 and
 * 0.9 on the session's (283f80b, before the date check chosen from its errors), 0.45 and 0.9 after; the eleventh
 * 0.775 and 0.6 blind (on the code before its session, and on two of that session's changes), the twelfth 0.8 and 0.6
 * blind before that session, 0.825 and 0.6 on its code (blind), both read afterwards; the thirteenth and fourteenth
 * (freer wording: search-style, everyday words for the reports' terms) 0.575 and 0.7 each, blind, on the code before
 * their session, the thirteenth read then (0.65 and 0.7 after), the fourteenth measured blind once more at its end (0.6
 * and 0.8) and read in the next session (0.7 and 0.9 after); the fifteenth 0.7 and 0.9, blind, before and after that
 * session's changes, read in the next (0.75 and 1.0 after); the sixteenth 0.775 and 0.7 blind before its session, 0.775
 * and 0.8 on its code, read in the next (0.85 and 0.8 after); the seventeenth 0.75 and 0.6 blind before its session,
 * 0.75 and 0.8 on its code, read in the next (0.775 and 0.8 after); the eighteenth 0.675 and 0.9 blind before its
 * session, 0.65 and 0.9 on its code, read in the next (no change of it carried over); the nineteenth 0.65 and 0.7
 * blind, before its session and on its code, read in the next (0.675 and 0.7 after); the twentieth 0.9 and 0.7 blind
 * before its session, 0.925 and 0.7 on its code, read in the next (0.95 and 0.7 after); the twenty-first 0.8 and 0.9
 * blind, before its session and on its code; the twenty-second 0.775 and 0.7 blind before its session; the
 * twenty-third 0.8 and 0.9 and the twenty-fourth 0.875 and 0.9 blind before their sessions; the twenty-fifth 0.725 and
 * 0.8 blind, before its session and on its code; the twenty-sixth 0.875 and 0.8 blind before its session, 0.85 and
 * 0.8 on its code, read in the next (0.9 and 0.9 after); the twenty-seventh 0.7 and 0.9 blind before its session,
 * 0.725 and 0.9 on its code; the shared
 * set's English questions 0.833. The floors catch a change
 * that makes it worse.
 */
const FLOORS = {
  own: { correct: 0.75, refused: 0.85, grounded: 1 },
  second: { correct: 0.75, refused: 0.8, grounded: 1 },
  third: { correct: 0.8, refused: 0.85, grounded: 1 },
  fourth: { correct: 0.6, refused: 0.85, grounded: 1 },
  fifth: { correct: 0.55, refused: 0.85, grounded: 1 },
  sixth: { correct: 0.5, refused: 0.75, grounded: 1 },
  seventh: { correct: 0.55, refused: 0.65, grounded: 1 },
  eighth: { correct: 0.7, refused: 0.35, grounded: 1 },
  ninth: { correct: 0.4, refused: 0.75, grounded: 1 },
  tenth: { correct: 0.4, refused: 0.85, grounded: 1 },
  eleventh: { correct: 0.75, refused: 0.55, grounded: 1 },
  twelfth: { correct: 0.8, refused: 0.55, grounded: 1 },
  thirteenth: { correct: 0.6, refused: 0.65, grounded: 1 },
  fourteenth: { correct: 0.65, refused: 0.85, grounded: 1 },
  fifteenth: { correct: 0.7, refused: 0.85, grounded: 1 },
  sixteenth: { correct: 0.8, refused: 0.75, grounded: 1 },
  seventeenth: { correct: 0.75, refused: 0.75, grounded: 1 },
  eighteenth: { correct: 0.6, refused: 0.8, grounded: 1 },
  nineteenth: { correct: 0.6, refused: 0.6, grounded: 1 },
  twentieth: { correct: 0.8, refused: 0.6, grounded: 1 },
  twentyFirst: { correct: 0.7, refused: 0.8, grounded: 1 },
  twentySecond: { correct: 0.65, refused: 0.6, grounded: 1 },
  twentyThird: { correct: 0.7, refused: 0.8, grounded: 1 },
  twentyFourth: { correct: 0.8, refused: 0.8, grounded: 1 },
  twentyFifth: { correct: 0.65, refused: 0.75, grounded: 1 },
  twentySixth: { correct: 0.75, refused: 0.75, grounded: 1 },
  twentySeventh: { correct: 0.65, refused: 0.8, grounded: 1 },
  twentyEighth: { correct: 0.7, refused: 0.8, grounded: 1 },
  twentyNinth: { correct: 0.8, refused: 0.7, grounded: 1 },
  thirtieth: { correct: 0.75, refused: 0.8, grounded: 1 },
  train: { correct: 0.8, grounded: 1 },
};

let opened: TestIndex;
let corpus: string;
let request: Request;

beforeAll(async () => {
  corpus = await seedCorpus();
  opened = await openTestIndex(corpus);
  const app = createApp({ engine: () => opened.engine, http: { rateLimitPerMinute: 0 } });
  request = async (path, body) => app.request(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
});
afterAll(async () => {
  await opened?.close();
  await rm(corpus, { recursive: true, force: true });
});

describe('English questions over the Chinese seed documents', () => {
  /** A set's questions asked over HTTP, held to its floors. */
  async function expectAboveFloors(file: string, floors: { correct: number; refused: number; grounded: number }) {
    const items = parseSet(await readFile(join(EVAL, file), 'utf8'));
    expect(items.length).toBeGreaterThanOrEqual(40);
    const summary = summarise(await runEval(request, items));
    expect(summary.correct).toBeGreaterThanOrEqual(floors.correct);
    expect(summary.refused).toBeGreaterThanOrEqual(floors.refused);
    expect(summary.grounded).toBe(floors.grounded);
  }

  /** Each set of ours (eval/seeds/) and its floors. */
  const SETS: [string, Exclude<keyof typeof FLOORS, 'train'>][] = [
    ['english.jsonl', 'own'],
    ['english2.jsonl', 'second'],
    ['english3.jsonl', 'third'],
    ['english4.jsonl', 'fourth'],
    ['english5.jsonl', 'fifth'],
    ['english6.jsonl', 'sixth'],
    ['english7.jsonl', 'seventh'],
    ['english8.jsonl', 'eighth'],
    ['english9.jsonl', 'ninth'],
    ['english10.jsonl', 'tenth'],
    ['english11.jsonl', 'eleventh'],
    ['english12.jsonl', 'twelfth'],
    ['english13.jsonl', 'thirteenth'],
    ['english14.jsonl', 'fourteenth'],
    ['english15.jsonl', 'fifteenth'],
    ['english16.jsonl', 'sixteenth'],
    ['english17.jsonl', 'seventeenth'],
    ['english18.jsonl', 'eighteenth'],
    ['english19.jsonl', 'nineteenth'],
    ['english20.jsonl', 'twentieth'],
    ['english21.jsonl', 'twentyFirst'],
    ['english22.jsonl', 'twentySecond'],
    ['english23.jsonl', 'twentyThird'],
    ['english24.jsonl', 'twentyFourth'],
    ['english25.jsonl', 'twentyFifth'],
    ['english26.jsonl', 'twentySixth'],
    ['english27.jsonl', 'twentySeventh'],
    ['english28.jsonl', 'twentyEighth'],
    ['english29.jsonl', 'twentyNinth'],
    ['english30.jsonl', 'thirtieth'],
  ];

  it.each(SETS)('answers the English questions of eval/seeds/%s above the floors (%s set)', async (file, set) => {
    await expectAboveFloors(file, FLOORS[set]);
  });

  it('answers the English questions of the shared training set above the floors', async () => {
    const items = parseSet(await readFile(join(EVAL, 'train.jsonl'), 'utf8')).filter((i) => i.kind === 'english');
    expect(items.length).toBeGreaterThan(0);
    const summary = summarise(await runEval(request, items));
    expect(summary.correct).toBeGreaterThanOrEqual(FLOORS.train.correct);
    expect(summary.grounded).toBe(FLOORS.train.grounded);
  });

  it('quotes the Chinese sentence verbatim in an English frame, the figures said in English first', async () => {
    const a = await opened.engine.ask('How many investment promotion projects does Pinglu want to land this year?');
    expect(a.found).toBe(true);
    expect(a.language).toBe('en');
    expect(a.citations[0].source).toBe('001_583cfe85666f49d1.txt');
    expect(a.answer).toMatch(/^50\b.* — From «以最优作风最大担当最强干劲抓落实» \(Pinglu\): /);
    expect(a.answer).toContain('力争全年招商项目达到50个');
    const quote = a.answer.slice(a.answer.indexOf('): ') + 3).replace(/\[\d+\]$/, '');
    expect(a.citations[0].text).toContain(quote);
  });

  it('says the place in a ranking asked for first, not the number of places the question states itself', async () => {
    const a = await opened.engine.ask("What rank did District X's county economy hold among the 23 first-class counties in 2022?");
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^19th — From «/);
    expect(a.answer).toContain('第19位');
    // A figure question, the same: the figures asked for, not the one the question states (5 high-tech enterprises).
    const firms = await opened.engine.ask('Besides the 5 high-tech enterprises, how many provincial-level technology SMEs will Zaoqiang add this year?');
    expect(firms.answer).toMatch(/^50, 2 — From «/);
    expect(firms.answer).toContain('省级科技型中小企业50家');
  });

  it('names a person in pinyin, read off the quoted sentence', async () => {
    const a = await opened.engine.ask('Who is the party secretary of Zaoqiang?');
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^Liu Xinying — From «/);
    expect(a.answer).toContain('刘新营');
  });

  it('answers a question for who wrote a report it names with the byline, which its Chinese would not name', async () => {
    const q = "Which reporter wrote the report on Zaoqiang's three-level cadre conference?";
    expect((await opened.engine.inspect(q)).decision.best?.text).not.toContain('焦明瑞');
    const a = await opened.engine.ask(q);
    expect(a.found).toBe(true);
    expect(a.answer).toContain('焦明瑞');
    expect(a.answer).toMatch(/^Jiao Mingrui/);
  });

  it('answers a mixed question', async () => {
    const a = await opened.engine.ask('Pinglu 招商 target?');
    expect(a.found).toBe(true);
    expect(a.answer).toContain('50个');
  });

  it('refuses in English, naming the place the corpus never mentions', async () => {
    const a = await opened.engine.ask("What is Guangzhou's investment target this year?");
    expect(a.found).toBe(false);
    expect(a.answer).toBe('Sorry, the documents say nothing about “Guangzhou”.');
    const none = await opened.engine.ask('How many tourists visited the Hengshui Lake scenic area last year?');
    expect(none.found).toBe(false);
    expect(none.answer).toMatch(/^Sorry, /);
  });

  it('leaves a Chinese question exactly as it was', async () => {
    const a = await opened.engine.ask('平陆招商目标是多少');
    expect(a.language).toBeUndefined();
    expect(a.answer).not.toContain('From «');
    expect(a.answer).toContain('50个');
  });
});
