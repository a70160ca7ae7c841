import { describe, expect, it } from 'vitest';
import { echoedDate } from '../src/core/answer/echoed-dates.js';
import { unstated } from '../src/core/answer/unstated.js';

describe('a when-question answered only with the dates it names itself', () => {
  it('is refused when the answer’s dates are all the question’s', () => {
    expect(echoedDate('衡水2015年的动员大会是什么时候召开的', '李谦强调,要统筹兼顾,确保2015年各项工作实现良好开局。')).toBe(true);
    expect(unstated('衡水 召开 2015年 什么时候', '在新的一年里,确保2015年各项工作实现良好开局。')).toBe('date');
  });

  it('is answered when the answer names another date, or none (the answer model weighs that)', () => {
    expect(echoedDate('衡水2015年的动员大会是什么时候召开的', '2015年2月25日,春节过后上班第一天,衡水召开动员大会。')).toBe(false);
    expect(echoedDate('衡水2015年的动员大会是什么时候召开的', '会议要求各级干部收心就位。')).toBe(false);
  });

  it('reads a span of one year as no date, and a question that asks no time not at all', () => {
    // 新的一年 is no year; 两年 a span.
    expect(echoedDate('2015年的会议什么时候开', '在新的一年里,用两年时间完成改造,确保2015年开好局。')).toBe(true);
    expect(echoedDate('2015年的招商目标是多少', '确保2015年招商引资实现新突破。')).toBe(false);
  });
});
