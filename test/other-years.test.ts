import { describe, expect, it } from 'vitest';
import { otherYearsOnly, unnamedYearFor } from '../src/core/answer/other-years.js';

const unnamedYear = (question: string, answer: string, names: (year: string) => boolean) => unnamedYearFor(question)(answer, names);
import { unstated } from '../src/core/answer/unstated.js';

describe('otherYearsOnly', () => {
  it('refuses an answer that names years, none of them the one asked about', () => {
    const answer = '2022年我区县域经济在23个一类县(市、区)中综合排名第19位,地区生产总值571.33亿元';
    expect(otherYearsOnly('2023年x区在一类县市区中排第几', answer)).toBe(true);
    expect(unstated('2023年x区在一类县市区中排第几', answer)).toBe('asked-year');
  });

  it('keeps an answer that names the year asked about among others, or names no year', () => {
    expect(otherYearsOnly('2022年x区排第几', '2022年我区综合排名第19位,较2021年前进3位')).toBe(false);
    expect(otherYearsOnly('1934年至1935年会员国有多少个', '1935年2月23日,会员国数量高达58个')).toBe(false);
    // A report's 今年 is its own year: left to the model.
    expect(otherYearsOnly('枣强2022年要新增多少家高新技术企业', '确保年内新增高新技术企业5家')).toBe(false);
    expect(otherYearsOnly('枣强要新增多少家高新技术企业', '2021年新增高新技术企业5家')).toBe(false);
  });

  it('leaves to the model a question that asks for a time, and an answer about the report’s own year', () => {
    expect(otherYearsOnly('2015年提出的目标要在哪一年实现', '力争到2020年实现')).toBe(false);
    expect(otherYearsOnly('2023年x区经济增长目标是多少', '今年地区生产总值增长6.5%以上,比2022年提高1个百分点')).toBe(false);
  });

  it('reads every year of a span, and years in Chinese numerals', () => {
    expect(otherYearsOnly('2022年x区新建多少个项目', '2021-2023年共新建项目120个')).toBe(false);
    expect(otherYearsOnly('2022年x区新建多少个项目', '2021至2023年共新建项目120个')).toBe(false);
    expect(otherYearsOnly('2022年x区新建多少个项目', '二〇二二年新建项目40个')).toBe(false);
    expect(otherYearsOnly('2022年x区新建多少个项目', '二〇二一年新建项目40个')).toBe(true);
  });

  it('reads both years of a season written short (1997-98年, 1999-00年)', () => {
    const answer = '2003-04年赛季,新任总教练率领溜马队在例行赛季取得61胜21负的最好成绩。';
    expect(otherYearsOnly('1997-98年赛季的东区总决赛由哪一队获胜', answer)).toBe(true);
    expect(otherYearsOnly('溜马队在1999-00年赛季输给哪一队', answer)).toBe(true);
    expect(otherYearsOnly('2004年溜马队取得几胜', answer)).toBe(false);
    expect(otherYearsOnly('1998年溜马队取得几胜', '1997-98年赛季取得58胜')).toBe(false);
    expect(otherYearsOnly('2022年x区新建多少个项目', '2021-23年共新建项目120个')).toBe(false);
    expect(otherYearsOnly('2022年x区新建多少个项目', '2019/2020年度新建项目80个')).toBe(true);
  });

  it('reads a decade as no year', () => {
    expect(otherYearsOnly('1980年代只有什么样的男性才能投票', '到了1820年代时,选举权已扩大')).toBe(false);
  });

  it('refuses, for a question about last year, an answer about the report’s own year only', () => {
    const answer = '力争全年招商项目达到50个,协议总投资达到200亿元以上';
    expect(otherYearsOnly('平陆去年招商引资一共签约了多少个项目', answer)).toBe(true);
    expect(unstated('平陆去年招商引资一共签约了多少个项目', answer)).toBe('asked-year');
    expect(otherYearsOnly('平陆去年签约了多少个项目', '去年全年签约项目42个,今年力争达到50个')).toBe(false);
    expect(otherYearsOnly('平陆去年签约了多少个项目', '2021年全年签约项目42个')).toBe(false);
    expect(otherYearsOnly('平陆去年签约了多少个项目', '签约项目42个')).toBe(false);
  });
});

describe('unnamedYear', () => {
  const plan = '确保年内新增高新技术企业5家、省级科技型中小企业50家以上';
  /** A report of 2022 that names that year and 2015, no other. */
  const names = (year: string) => year === '2022' || year === '2015';

  it('refuses an answer about the report’s own year to a question about a year the report never names', () => {
    expect(unnamedYear('枣强县2023年计划新增多少家高新技术企业', plan, names)).toBe(true);
    expect(unnamedYear('2021年枣强新增了几家高新技术企业', plan, names)).toBe(true);
    expect(unnamedYear('平陆县2022年全年招商签约了多少个项目', '力争全年招商项目达到50个', () => false)).toBe(true);
  });

  it('keeps it when the report names the year asked about, or the answer does', () => {
    expect(unnamedYear('枣强县2022年计划新增多少家高新技术企业', plan, names)).toBe(false);
    expect(unnamedYear('2023年计划新增多少家企业', '2023年,确保年内新增企业5家', () => false)).toBe(false);
  });

  it('leaves to the model a question naming no year or asking for one, and an answer of no report year', () => {
    expect(unnamedYear('枣强县今年计划新增多少家高新技术企业', plan, () => false)).toBe(false);
    expect(unnamedYear('2015年提出的目标要在哪一年实现', plan, () => false)).toBe(false);
    // 当年 is the year of the sentence, not the report's; 去年全年 and 三年内 are another year's whole and a span of years.
    expect(unnamedYear('1998年该队获得几座奖杯', '该队当年获得三座奖杯', () => false)).toBe(false);
    expect(unnamedYear('2021年GDP增长多少', '去年全年GDP增长5%', names)).toBe(false);
    expect(unnamedYear('2023年要建成多少个项目', '三年内建成项目20个', names)).toBe(false);
    // Another year said in words may be the one asked about (a report's 去年 is 2021).
    expect(unnamedYear('2021年新增多少家企业', '去年新增企业3家,年内确保新增企业5家', names)).toBe(false);
  });
});
