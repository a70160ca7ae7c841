import { describe, expect, it } from 'vitest';
import { verifyAnswer } from '../src/core/llm/verify-answer.js';
import { figuresIn } from '../src/core/llm/figures.js';
import { canonicalMarkers, citedSegments } from '../src/core/llm/cited-segments.js';
import { buildPrompt, SYSTEM_PROMPT } from '../src/core/llm/build-prompt.js';
import { createPatternNameFinder } from '../src/core/llm/pattern-names.js';
import { createJiebaNameFinder } from '../src/adapters/node/jieba-names.js';
import { answerPieces } from '../src/channels/http/answer-pieces.js';
import { loadConfig } from '../src/config.js';
import { foldText } from '../src/core/normalize/fold-text.js';
import type { Answer, Citation } from '../src/core/types.js';

const citation = (n: number, text: string, title = '政府工作报告'): Citation => ({ n, source: `${n}.txt`, title, text, start: 0, end: text.length, score: 1 });
const PINGLU = citation(1, '力争全年招商项目达到50个，协议总投资达到200亿元以上，当年签约当年开工率达到60%以上。', '平陆县以最优作风抓落实');
const ZAOQIANG = citation(2, '2023年5月20日，枣强县委书记王晓东同志主持召开会议，全县新增规模以上企业十二家。');
const TRADITIONAL = citation(3, '協議總投資達到二百億元，開工率達到百分之六十，新建五十個項目。', '平陸縣報告');
const citations = [PINGLU, ZAOQIANG, TRADITIONAL];
const PLACES = ['平陆县', '枣强县', '新建', '城市'];
const names = createJiebaNameFinder(() => PLACES);
const verify = (text: string) => verifyAnswer(text, citations, names);
const reason = (text: string) => {
  const v = verify(text);
  return v.ok ? 'ok' : v.reason;
};

describe('figuresIn', () => {
  const read = (s: string) => figuresIn(foldText(s)).map((f) => `${f.value}${f.unit}`);

  it('reads a number with its multiplier and unit however it is written', () => {
    expect(read('200亿元')).toEqual(read('二百亿元'));
    expect(read('200亿元')).toEqual(['20000000000元']);
    expect(read('60%')).toEqual(read('百分之六十'));
    expect(read('60％')).toEqual(['60%']);
    expect(read('50个')).toEqual(read('五十个'));
    expect(read('3.5万亩')).toEqual(['35000亩']);
    expect(read('1,200户')).toEqual(['1200户']);
  });

  it('reads dates as their year, month and day', () => {
    expect(read('二〇二三年5月20日')).toEqual(['5月', '20日', '2023年']);
    expect(read('2023-05-20').sort()).toEqual(read('2023年5月20日').sort());
  });

  it('takes words made of numerals for words, not figures', () => {
    expect(read('千方百计推进一体化，一批项目进一步落地，十四五规划')).toEqual([]);
  });
});

describe('citedSegments', () => {
  it('cuts an answer at its marker groups, in any bracket style', () => {
    expect(citedSegments('甲有50个[1]，乙有[2][3]；丙【1、2】。')).toEqual([
      { text: '甲有50个', cites: [1] },
      { text: '，乙有', cites: [2, 3] },
      { text: '；丙', cites: [1, 2] },
      { text: '。', cites: [] },
    ]);
    expect(canonicalMarkers('甲[1,2]乙［3］')).toBe('甲[1][2]乙[3]');
  });
});

describe('verifyAnswer', () => {
  it('accepts figures, dates and names found in the passage the marker points to', () => {
    expect(reason('平陆力争招商项目达到50个，协议总投资200亿元以上[1]。')).toBe('ok');
    expect(reason('2023年5月20日，枣强县委书记王晓东同志主持召开会议[2]。')).toBe('ok');
    expect(reason('枣强全县新增规模以上企业12家[2]。')).toBe('ok');
  });

  it('matches across full and half width, Chinese numerals and traditional characters', () => {
    expect(reason('平陆协议总投资２００亿元，开工率60%，新建50个项目[3]。')).toBe('ok');
    expect(reason('平陸協議總投資200億元[1]。')).toBe('ok');
  });

  it('rejects an invented figure, a figure with another unit, and a date that is not there', () => {
    expect(reason('平陆力争招商项目达到80个[1]。')).toBe('figure 80个 is not in [1]');
    expect(reason('平陆力争招商项目达到50家[1]。')).toMatch(/figure 50家/);
    expect(reason('会议于2023年6月20日召开[2]。')).toMatch(/figure 6月/);
    // The document's date is shown with its passage: a date taken from there is grounded.
    expect(verifyAnswer('报告发布于2024年3月5日[1]。', [{ ...PINGLU, date: '2024-03-05' }], names).ok).toBe(true);
    expect(reason('报告发布于2024年3月5日[1]。')).toMatch(/figure 2024年/);
  });

  it('rejects a figure whose marker points at a passage without it, even if another passage has it', () => {
    expect(reason('平陆力争招商项目达到50个[2]。')).toBe('figure 50个 is not in [2]');
  });

  it('rejects a person or place that the passage does not name', () => {
    expect(reason('枣强县委书记张建国同志主持召开会议[2]。')).toMatch(/name 张建国/);
    expect(reason('枣强县委书记是刘新营[2]。')).toMatch(/name 刘新营/);
    expect(reason('石家庄力争招商项目达到50个[1]。')).toMatch(/name 石家庄/);
    expect(reason('枣强力争招商项目达到50个[1]。')).toMatch(/name 枣强/);
  });

  it('rejects markers that point at no citation, and answers without any marker', () => {
    expect(reason('平陆力争招商项目达到50个[4]。')).toBe('marker [4] points at no citation');
    expect(reason('平陆力争招商项目达到50个。')).toBe('no citation marker');
    expect(reason('  ')).toBe('empty answer');
  });

  it('rejects a figure after the last marker, and accepts plain words there', () => {
    expect(reason('平陆力争招商项目达到50个[1]。总投资200亿元。')).toBe('figure 200亿元 has no marker after it');
    expect(verify('平陆力争招商项目达到50个[1,3]，目标明确。')).toEqual({ ok: true, answer: '平陆力争招商项目达到50个[1][3]，目标明确。' });
  });
});

describe('createPatternNameFinder (no tagger)', () => {
  it('finds the gazetteer’s places, the corpus’s own, and a person after a title', () => {
    const finder = createPatternNameFinder(() => PLACES);
    expect(finder.names(foldText('平陆与石家庄合作，县委书记王晓东同志强调'))).toEqual(expect.arrayContaining(['平陆', '石家庄', '王晓东']));
    // The corpus's place list holds common words the tagger took for places: only names with an administrative ending count.
    expect(finder.names(foldText('枣强县新建城市公园')).sort()).toEqual(['枣强', '枣强县']);
  });
});

describe('buildPrompt', () => {
  it('numbers the passages, gives the extractive answer and the question, after the earlier turns', () => {
    const extractive: Answer = { answer: '力争全年招商项目达到50个。[1]', found: true, query: '平陆招商目标是多少', citations: [{ ...PINGLU, date: '2023-02-01' }, ZAOQIANG] };
    const history = [
      { role: 'user' as const, content: '枣强招商目标是多少' },
      { role: 'assistant' as const, content: '新签约项目30个。[1]' },
    ];
    const messages = buildPrompt({ question: '那平陆呢？', history, extractive });
    expect(messages[0]).toEqual({ role: 'system', content: SYSTEM_PROMPT });
    // The earlier answer without its markers: they pointed at that answer's passages.
    expect(messages.slice(1, 3)).toEqual([history[0], { role: 'assistant', content: '新签约项目30个。' }]);
    const last = messages[3].content;
    expect(last).toContain(`[1]《平陆县以最优作风抓落实》（2023-02-01）\n${PINGLU.text}`);
    expect(last).toContain(`[2]《政府工作报告》\n${ZAOQIANG.text}`);
    expect(last).toContain('摘录答案：力争全年招商项目达到50个。[1]');
    expect(last).toContain('问题：那平陆呢？');
    expect(last).toContain('结合上文，问题是：平陆招商目标是多少');
  });
});

describe('answerPieces', () => {
  it('joins back to the answer when a mark follows a marker', () => {
    const text = '平陆力争招商项目达到50个，协议总投资200亿元以上[1]，开工率60%以上[1]。';
    expect(answerPieces(text).join('')).toBe(text);
    expect(answerPieces(text)).toContain('[1]，');
  });
});

describe('LLM settings', () => {
  it('are off by default, and a bad or missing one names its variable', () => {
    expect(loadConfig({}).LLM_BASE_URL).toBeUndefined();
    expect(loadConfig({})).toMatchObject({ LLM_TIMEOUT_MS: 8000, LLM_MAX_TOKENS: 512 });
    expect(() => loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1' })).toThrow(/LLM_MODEL/);
    expect(() => loadConfig({ LLM_BASE_URL: '127.0.0.1:11434', LLM_MODEL: 'qwen2.5' })).toThrow(/LLM_BASE_URL/);
    expect(() => loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'qwen2.5', LLM_TIMEOUT_MS: 'soon' })).toThrow(/LLM_TIMEOUT_MS/);
    expect(() => loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'qwen2.5', LLM_TIMEOUT_MS: '20000' })).toThrow(/LLM_TIMEOUT_MS must be shorter than REQUEST_TIMEOUT_MS/);
  });
});
