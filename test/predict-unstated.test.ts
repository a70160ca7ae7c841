import { describe, expect, it } from 'vitest';
import { predict } from '../src/train/cross-validate.js';
import type { AnswerExample } from '../src/train/answer-examples.js';
import { untrainedModel } from '../src/core/answer/answer-model.js';
import { QUESTION_FEATURES } from '../src/core/answer/window-features.js';

/** One window, scored 1 against a refusal scored 0: the untrained model with a window bias. */
const model = { ...untrainedModel(160), windowBias: 1 };
const example = (query: string, text: string, otherYear = false): AnswerExample => ({
  set: 'seeds',
  id: 'q',
  group: 'g',
  answerable: true,
  refusedByRule: false,
  features: new Float32Array(model.window.length),
  width: model.window.length,
  windows: 1,
  correct: Uint8Array.of(1),
  otherYear: Uint8Array.of(otherYear ? 1 : 0),
  lengths: Uint16Array.of(text.length),
  fromSource: Uint8Array.of(1),
  chunks: Uint32Array.of(0),
  sentences: Uint16Array.of(0),
  placed: [{ source: 'a.txt', start: 0, end: text.length }],
  texts: [text],
  query,
  question: new Float32Array(QUESTION_FEATURES.length),
});

describe('predict (cross-validation)', () => {
  it('counts refused, as the engine does, an answer that does not state what the question asks for', () => {
    const stated = predict(model, example('甲项目总投资是多少', '甲项目总投资12亿元'));
    expect(stated.probability).toBeGreaterThan(0.5);
    expect(stated.correct).toBe(true);
    const unstated = predict(model, example('甲项目总投资是多少', '抓好甲项目、乙项目建设'));
    expect(unstated.probability).toBe(0);
    expect(unstated.correct).toBe(false);
    // A count of other things than those asked about (counted-things).
    expect(predict(model, example('大会设了几个分会场', '全县2000余名党员干部和企业代表等分别在主会场和分会场参会')).probability).toBe(0);
    expect(predict(model, example('大会设了几个分会场', '大会设3个分会场')).probability).toBeGreaterThan(0.5);
  });

  it('counts refused an answer about its report’s own year to a question about another (the engine’s other-years check)', () => {
    expect(predict(model, example('2023年计划新增多少家企业', '确保年内新增企业5家')).correct).toBe(true);
    const other = predict(model, example('2023年计划新增多少家企业', '确保年内新增企业5家', true));
    expect(other.probability).toBe(0);
    expect(other.correct).toBe(false);
  });
});
