import { describe, expect, it } from 'vitest';
import { answerKind } from '../src/core/answer/analyze-question.js';
import { timeless } from '../src/core/answer/timeless-answers.js';
import { unstated } from '../src/core/answer/unstated.js';

describe('timeless', () => {
  it('refuses, for a when-question, an answer that says no time at all', () => {
    const answer = '市委书记李谦出席会议并讲话,市长杨慧主持会议,市委副书记周金中就衡水湖片区美丽乡村建设工作进行安排部署。';
    expect(timeless('衡水湖片区美丽乡村建设要求什么时候完成', answer)).toBe(true);
    expect(unstated('衡水湖片区美丽乡村建设要求什么时候完成', answer)).toBe('date');
  });

  it('keeps an answer that places the thing in time in any way: a date, a period, a season, 前 or 末', () => {
    expect(timeless('会议什么时候召开', '2月25日,春节过后上班第一天,市委召开动员大会。')).toBe(false);
    expect(timeless('项目什么时候开工', '精心做好一季度11个集中开工项目的各项准备工作。')).toBe(false);
    expect(timeless('x区力争什么时候百强村实现零的突破', '力争"十四五"末全国百强村实现"零"的突破。')).toBe(false);
    expect(timeless('小巴什么时候提供服务', '只在平日早上提供服务。')).toBe(false);
    expect(timeless('这座桥是哪一年建成的', '此桥建于清朝。')).toBe(false);
    expect(timeless('这座庙是什么时候修的', '此庙修于节日庙会期间。')).toBe(false);
  });

  it('reads no time in words whose 朝, 节, 前 or 初 places nothing in time (只争朝夕, 环节, 节约, 前列, 初心)', () => {
    const question = '翟纪亭是什么时候开始当平陆县县长的';
    expect(timeless(question, '只争朝夕谋项目、齐心协力抓产业。(作者中共平陆县委副书记、政府县长 翟纪亭)')).toBe(true);
    expect(timeless('这项工作什么时候完成', '要抓住关键环节,厉行节约,朝着目标努力。')).toBe(true);
    expect(timeless('这项工作什么时候完成', '要不忘初心,走在前列。')).toBe(true);
    expect(timeless('这项工作什么时候完成', '要在春节前完成。')).toBe(false);
    expect(timeless('这个国家是什么时候建立的', '它由明朝册封。')).toBe(false);
    // Not where the character ends a time word written before it: 此前|进行, 会前|提出, 春节|能够, 唐朝|鲜卑, 年初|步入.
    expect(timeless('这项调研是什么时候进行的', '此前进行了专题调研。')).toBe(false);
    expect(timeless('这个方案是什么时候提出的', '县委在会前提出了这一方案。')).toBe(false);
    expect(timeless('哪天放假', '春节能够休息七天。')).toBe(false);
    expect(timeless('这座城是什么时候建的', '唐朝鲜卑人建立。')).toBe(false);
    expect(timeless('项目什么时候开工', '该项目与大桥主体工程同时开工建设。')).toBe(false);
  });

  it('counts no time the question states itself, and every other', () => {
    const question = '枣强虎年新春第一会是哪天开的';
    expect(timeless(question, '虎年新春第一会 奏响发展最强音')).toBe(true);
    expect(timeless(question, '2月16日上午(正月十六),枣强县召开虎年新春第一会。')).toBe(false);
    // A year the question asks about is no echo when the answer writes it whole (年 of 哪一年 is one character).
    expect(timeless('李谦要求确保哪一年各项工作实现良好开局', '确保2015年各项工作实现良好开局。')).toBe(false);
  });

  it('does not answer a question for a day with years alone', () => {
    const heading = '在x区2024年"三新三强"打擂台动员部署大会上的讲话';
    expect(timeless('x区"三新三强"打擂台动员部署大会是几月几号开的', heading)).toBe(true);
    expect(timeless('x区"三新三强"打擂台动员部署大会是哪一天开的', heading)).toBe(true);
    // A year answers a question for a year, and a day a question for a day.
    expect(timeless('x区"三新三强"打擂台动员部署大会是哪一年开的', heading)).toBe(false);
    expect(timeless('大会是几月几号开的', '2024年3月1日,x区召开动员部署大会。')).toBe(false);
  });

  it('answers a question for a day only with a day, and one for a month only with a month or a day', () => {
    const day = '山西省政府系统抓落实提高执行力推进会议是哪天召开的';
    expect(timeless(day, '新春伊始,省、市接连召开了政府系统抓落实提高执行力推进会议。')).toBe(true);
    expect(timeless('华电南湫风电工程是哪一天并网发电的', '刘园子和甜水堡1号煤矿10月份可建成试生产。')).toBe(true);
    expect(timeless(day, '正月初八,省里召开了推进会议。')).toBe(false);
    expect(timeless(day, '春节过后上班第一天,市委召开动员大会。')).toBe(false);
    expect(timeless('案件是哪天发生的', '特别是“6.30”车道邻里矛盾纠纷案,手段之残忍。')).toBe(false);
    const month = '衡水市要求各项工作最迟在哪个月看到实际成效';
    expect(timeless(month, '实行旬调度、月通报、季分析、半年和年终考核,确保各项工作取得预期成效。')).toBe(true);
    expect(timeless(month, '确保3月份各项工作见到实实在在进展。')).toBe(false);
    expect(timeless('项目几月份开工', '民生实事项目力争4月底前全部开工。')).toBe(false);
    expect(timeless('项目几月份开工', '项目力争年底前全部开工。')).toBe(false);
    expect(timeless('项目几月份开工', '项目力争今年春天全部开工。')).toBe(true);
  });

  it('reads 哪几天 as a question for days, and answers it only with a time', () => {
    const question = '环县上半年重点工作集中观摩督查是哪几天搞的';
    expect(answerKind(question)).toBe('date');
    expect(timeless(question, '这次观摩督查,我们看了乡镇和部门提供的94个检查点。')).toBe(true);
    expect(timeless(question, '7月11日至15日,县四大家主要领导对上半年乡镇重点工作进行了集中观摩督查。')).toBe(false);
    // 哪日报 names a newspaper, not a day.
    expect(answerKind('这篇文章登在哪日报上')).not.toBe('date');
  });

  it('asks nothing of the answer to a question that is not about a time', () => {
    expect(timeless('衡水市长是谁', '市长杨慧主持会议。')).toBe(false);
  });
});
