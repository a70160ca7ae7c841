import { describe, expect, it } from 'vitest';
import { otherDaysOnly } from '../src/core/answer/other-days.js';
import { monthsIn } from '../src/core/answer/time-words.js';
import { unstated } from '../src/core/answer/unstated.js';

describe('otherDaysOnly', () => {
  it('refuses a figure of other months than the day asked about', () => {
    const question = '7月20日那场暴雨在环县造成多少人死亡或失踪';
    const answer = '据统计,今年至6月底,我县已发生5起杀人案、13人死亡,405起各类交通事故、27人死亡';
    expect(otherDaysOnly(question, answer, true)).toBe(true);
    expect(unstated(question, answer)).toBe('asked-day');
    expect(otherDaysOnly('7月20日的暴雨造成多少损失', '1-6月全县因灾损失0.3亿元', true)).toBe(true);
  });

  it('keeps an answer that names the month or the day asked about, or names no month in figures', () => {
    const question = '7月20日的强降雨造成多少直接经济损失';
    expect(otherDaysOnly(question, '7月20日晚至21日上午,我县局部地区出现强降雨…造成直接经济损失1.8亿元', true)).toBe(false);
    expect(otherDaysOnly(question, '这次强降雨造成直接经济损失1.8亿元', true)).toBe(false);
    expect(otherDaysOnly(question, '今年至6月底降雨偏多;7月20日晚至21日上午,我县出现强降雨', true)).toBe(false);
    // The day without its month, or as an event's name; a span that holds the month; a month in words.
    expect(otherDaysOnly(question, '20日晚至21日上午…造成直接经济损失1.8亿元;8月上旬将召开现场会', true)).toBe(false);
    expect(otherDaysOnly(question, '"7·20"暴雨造成直接经济损失1.8亿元,较6月底增加', true)).toBe(false);
    expect(otherDaysOnly(question, '1-8月全县因灾直接经济损失1.8亿元', true)).toBe(false);
    expect(otherDaysOnly(question, '6月底以来降雨偏多,七月二十日晚…损失1.8亿元', true)).toBe(false);
    // A span of months is no month (6个月), nor is a number above twelve.
    expect(otherDaysOnly(question, '连续6个月降雨偏多,连续15月增长,损失1.8亿元', true)).toBe(false);
  });

  it('asks nothing of a question that names no day, asks for a time, or asks for no figure', () => {
    expect(otherDaysOnly('7月份的降雨有多少', '今年至6月底降雨200毫米', true)).toBe(false);
    expect(otherDaysOnly('暴雨造成多少人死亡', '今年至6月底,27人死亡', true)).toBe(false);
    expect(otherDaysOnly('7月20日的暴雨是什么时候结束的', '至21日上午结束,6月底已有预警', true)).toBe(false);
    // A meeting's day says when it met; what it asks of later months answers the question.
    const meeting = '2月16日召开的三级干部大会对民生实事项目提出了什么要求';
    const plan = '确保所有民生实事项目4月份开工建设,力争10月底前基本完成,年底前兑现承诺';
    expect(otherDaysOnly(meeting, plan, false)).toBe(false);
    expect(unstated(meeting, plan)).toBeUndefined();
  });
});

describe('monthsIn', () => {
  it('reads the months a text names in figures, each month of a span, and no number above twelve', () => {
    expect([...monthsIn('今年至6月底,7月20日,3月份')].sort((a, b) => a - b)).toEqual([3, 6, 7]);
    expect([...monthsIn('1-3月与5至6月')].sort((a, b) => a - b)).toEqual([1, 2, 3, 5, 6]);
    expect([...monthsIn('6个月,15月,12.5月')]).toEqual([]);
  });
});
