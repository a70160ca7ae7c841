import { describe, expect, it } from 'vitest';
import { otherDaysOnly } from '../src/core/answer/other-days.js';
import { unstated } from '../src/core/answer/unstated.js';

describe('otherDaysOnly', () => {
  it('refuses an answer that names months, none of them the month of the day asked about', () => {
    const question = '7月20日那场暴雨在环县造成多少人死亡或失踪';
    const answer = '据统计,今年至6月底,我县已发生5起杀人案、13人死亡,405起各类交通事故、27人死亡';
    expect(otherDaysOnly(question, answer)).toBe(true);
    expect(unstated(question, answer)).toBe('asked-day');
  });

  it('keeps an answer that names the month asked about, or names no month', () => {
    const question = '7月20日的强降雨造成多少直接经济损失';
    expect(otherDaysOnly(question, '7月20日晚至21日上午,我县局部地区出现强降雨…造成直接经济损失1.8亿元')).toBe(false);
    expect(otherDaysOnly(question, '这次强降雨造成直接经济损失1.8亿元')).toBe(false);
    expect(otherDaysOnly(question, '今年至6月底降雨偏多;7月20日晚至21日上午,我县出现强降雨')).toBe(false);
    // A span of months is no month (6个月), nor a date's year.
    expect(otherDaysOnly(question, '连续6个月降雨偏多,2023年损失1.8亿元')).toBe(false);
  });

  it('asks nothing of a question that names no day, or asks for a time', () => {
    expect(otherDaysOnly('7月份的降雨有多少', '今年至6月底降雨200毫米')).toBe(false);
    expect(otherDaysOnly('暴雨造成多少人死亡', '今年至6月底,27人死亡')).toBe(false);
    expect(otherDaysOnly('7月20日的暴雨是什么时候结束的', '至21日上午结束,6月底已有预警')).toBe(false);
  });
});
