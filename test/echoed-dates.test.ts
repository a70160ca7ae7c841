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

describe('what the date check reads as a date', () => {
  const q = '衡水2015年的动员大会是什么时候召开的';
  it('reads the part of a year or month, a date in figures, and a time said in words, as more than the question’s year', () => {
    for (const answer of ['2015年底召开', '2015年上半年召开', '2015-02-25,确保2015年开好局', '2015年春节过后上班第一天', '2015年正月初七', '2015年第一季度'])
      expect(echoedDate(q, answer)).toBe(false);
  });

  it('compares whole dates, not one inside another', () => {
    expect(echoedDate('2月25日的会议后,第二次会议什么时候开', '2月5日召开')).toBe(false);
    expect(echoedDate('11月开工的项目什么时候完工', '1月完工')).toBe(false);
    expect(echoedDate('2月25日的会议什么时候召开的', '2月25日会议要求')).toBe(true);
  });

  it('takes no question about an age or a line for a when-question', () => {
    expect(echoedDate('2015年哪一年龄段的人最多', '2015年的人口')).toBe(false);
    expect(echoedDate('会员国数曾于1934年9月28日至1935年2月23日期间达到多少个', '1934年9月28日至1935年2月23日期间,会员国数量高达58个')).toBe(false);
  });
});
