import { describe, expect, it } from 'vitest';
import { leadingSpeaker, speakerOf } from '../src/core/answer/speaker.js';
import { peopleInQuote } from '../src/core/translate/people-in-quote.js';

/** A report that names its speaker once, where his paragraph opens (written for the test). */
const REPORT =
  '会议由市委办公室组织。\n\n  王海强调,要狠抓落实、优化服务。抓落实就要一级抓一级,层层传导压力,向落后说不。\n\n' +
  '  赵敏在主持会议时指出,各部门要迅速行动起来。一要抓紧收心就位,全力推动各项工作有序开展。\n\n' +
  '  市长张林主持会议,要求各地抓紧谋划项目。';
/** The attribution `speakerOf` finds for the window `window` of `text`, as text. */
const speakerIn = (text: string, window: string) => {
  const at = text.indexOf(window);
  const s = speakerOf(text, { start: at, end: at + window.length });
  return s && text.slice(s.start, s.end);
};
const said = (window: string) => speakerIn(REPORT, window);

describe('who says the words an answer quotes', () => {
  it('finds the speaker that opens the paragraph of a sentence naming nobody', () => {
    expect(said('抓落实就要一级抓一级,层层传导压力,向落后说不。')).toBe('王海强调');
    expect(said('要狠抓落实、优化服务。')).toBe('王海强调');
    expect(said('一要抓紧收心就位,全力推动各项工作有序开展。')).toBe('赵敏在主持会议时指出');
  });

  it('adds nobody to a window that names someone itself, or from another paragraph', () => {
    expect(said('王海强调,要狠抓落实、优化服务。')).toBeUndefined();
    expect(said('市长张林主持会议,要求各地抓紧谋划项目。')).toBeUndefined();
    expect(said('会议由市委办公室组织。')).toBeUndefined();
  });

  it('adds nobody when someone else is named between the attribution and the window', () => {
    expect(speakerIn('王海强调,要转变作风。会上,赵敏表示,要落实责任。', '要落实责任。')).toBeUndefined();
    expect(speakerIn('王海强调,要转变作风。同时,市长张林要求,要落实责任。', '要落实责任。')).toBeUndefined();
    expect(speakerIn('王海强调,要转变作风,赵敏表示,要落实责任。', '要落实责任。')).toBeUndefined();
    expect(speakerIn('王海强调,要转变作风。同时,要落实责任。', '要落实责任。')).toBe('王海强调');
  });

  it('reads the shortest name before the verb, and no verb of speech inside a clause as a speaker', () => {
    expect(leadingSpeaker('层层传导压力,向落后说不。')).toBeUndefined();
    expect(leadingSpeaker('王海强调……抓落实就要一级抓一级')).toBe('王海');
    expect(leadingSpeaker('赵敏在主持会议时指出,王晓斌表示:')).toBe('赵敏');
    expect(leadingSpeaker('王晓斌指出,要加快进度。')).toBe('王晓斌');
    expect(leadingSpeaker('会议强调,严格要求各级干部。')).toBeUndefined();
    expect(speakerIn('赵敏说,要求全市加快进度。要落实责任。', '要落实责任。')).toBe('赵敏说');
  });

  it('says the speaker a quote starts with as one of the people it names, after those named by title', () => {
    expect(peopleInQuote('王海强调……市长张林主持会议', () => false)).toEqual(['张林', '王海']);
    // Words of speech further in are no speaker of the quote (严格要求 is no 严格 speaking).
    expect(peopleInQuote('会议强调,严格要求各级干部。', () => false)).toEqual([]);
  });
});
