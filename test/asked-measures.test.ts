import { describe, expect, it } from 'vitest';
import { askedMeasure, missingMeasure } from '../src/core/answer/asked-measures.js';
import { foldText } from '../src/core/normalize/fold-text.js';

const asked = (q: string) => askedMeasure(foldText(q));

describe('askedMeasure', () => {
  it('reads the unit a question names after 多少 or 几', () => {
    expect(asked('占地多少亩')).toBe('area');
    expect(asked('收入是多少元')).toBe('money');
    expect(asked('年产能是多少万吨')).toBe('weight');
    expect(asked('猴面包树的果实长多少厘米')).toBe('length');
    expect(asked('这次洪涝灾害有多少人遇难')).toBe('people');
    expect(asked('有几名队员入选')).toBe('people');
    // 多少人口 is asked of a population, which 人口达2,790,060 states.
    expect(asked('这座城市有多少人口')).toBe('people');
    expect(asked('这座城市的人口是多少')).toBe('people');
    expect(asked('这座城市的人口增长了多少')).toBeUndefined();
    // People named by what they are (群众, 观众) are counted as people; households (农户) are not.
    expect(asked('那次洪涝灾害一共有多少群众受灾')).toBe('people');
    expect(asked('球场能容纳多少观众')).toBe('people');
    expect(asked('有多少农户参加')).toBeUndefined();
  });

  it('reads the measure an attribute implies when no unit is named', () => {
    expect(asked('项目总投资是多少')).toBe('money');
    expect(asked('景区面积有多大')).toBe('area');
    expect(asked('總裝機容量是多少')).toBe('power');
    // A fund's size is a sum of money; a foundation (基金会) is no fund.
    expect(asked('计划组建的产业发展基金规模有多大')).toBe('money');
    expect(asked('基金会有多少成员')).toBeUndefined();
  });

  it('asks no measure of a count, a time, a rank, a share or a change', () => {
    expect(asked('要紧盯多少个专项债和中央预算内投资项目')).toBeUndefined();
    expect(asked('每幾年普查一次土地來確定稅收')).toBeUndefined();
    expect(asked('到位资金增长多少')).toBeUndefined();
    // 前多少名 and 第几位 ask for a place in a ranking (三十强, 第二位), not for a number of people.
    expect(asked('营商环境要挤进全省前多少名')).toBeUndefined();
    expect(asked('她是第几位皇后')).toBeUndefined();
    expect(asked('有多少的國民生產總值來自私人企業')).toBeUndefined();
    expect(asked('投资排名第几')).toBeUndefined();
    // 几乎 is not 几, 许多 is not 多高.
    expect(asked('这座城市几乎所有收入来自哪里')).toBeUndefined();
    expect(asked('許多高校於1969年由於戰備疏散遷出北京')).toBeUndefined();
    expect(asked('衡水市委书记是谁')).toBeUndefined();
  });
});

describe('missingMeasure', () => {
  it('names the measure an answer gives no figure in', () => {
    const q = foldText('常乐垣灌区改扩建项目总投资是多少');
    expect(missingMeasure(q, foldText('紧盯常乐垣灌区改扩建、智慧城市平台等46个专项债和中央预算内投资项目'))).toBe('money');
    expect(missingMeasure(q, foldText('常乐垣灌区改扩建项目总投资12.5亿元'))).toBeUndefined();
    // A myriad with no word after it is a sum of money (注册资本5000万); 200万套 is not.
    expect(missingMeasure(q, foldText('注册资本5000万'))).toBeUndefined();
    expect(missingMeasure(q, foldText('年产200万套新型汽车内饰材料'))).toBe('money');
  });

  it('reads a count of people with its measure word, or a population, with digits grouped by commas', () => {
    const q = foldText('最大城市有多少人');
    expect(missingMeasure(q, foldText('13个乡镇遭受洪涝灾害,直接经济损失1.8亿元'))).toBe('people');
    expect(missingMeasure(q, foldText('多伦多市人口达2,790,060,为最大城市'))).toBeUndefined();
    expect(missingMeasure(q, foldText('全县2000余名党员干部参会'))).toBeUndefined();
    // 余 or 多 after the magnitude as well as before it.
    expect(missingMeasure(q, foldText('共10万余人参加'))).toBeUndefined();
    // A count of people named by what they are, after its figure or before it.
    const crowd = foldText('球场能容纳多少观众');
    expect(missingMeasure(crowd, foldText('可容纳5万观众'))).toBeUndefined();
    expect(missingMeasure(crowd, foldText('观众席位约5万个'))).toBeUndefined();
    expect(missingMeasure(crowd, foldText('球场于1998年建成'))).toBe('people');
    expect(missingMeasure(foldText('投资多少'), foldText('投资1亿多元'))).toBeUndefined();
  });

  it('asks a question for a percentage in words (百分之几) for a share, in any of its forms', () => {
    const q = foldText('环县上半年固定资产投资增长了百分之几');
    expect(missingMeasure(q, foldText('固定资产投资增速在全市垫底'))).toBe('percent');
    expect(missingMeasure(q, foldText('固定资产投资增长12.5%'))).toBeUndefined();
    expect(missingMeasure(q, foldText('增长百分之十二'))).toBeUndefined();
    expect(missingMeasure(foldText('提高了多少个百分点'), foldText('提高3个百分点'))).toBeUndefined();
    expect(missingMeasure(foldText('本地企业的百分比是多少'), foldText('两成来自本地'))).toBeUndefined();
    expect(missingMeasure(foldText('本地企业的百分比是多少'), foldText('一成员单位来自本地'))).toBe('percent');
    // A rate asked as 多少 alone may be answered in words (垫底): no percentage is asked for.
    expect(missingMeasure(foldText('环县上半年固定资产投资增速是多少'), foldText('增速在全市垫底'))).toBeUndefined();
  });

  it('asks a volume of 多少立方米 and 库容, not of 哪几方面', () => {
    expect(missingMeasure(foldText('今年计划压减开采量多少立方米'), foldText('要抓紧编制今年地下水超采综合治理实施方案'))).toBe('volume');
    expect(missingMeasure(foldText('今年计划压减开采量多少万立方米'), foldText('压减开采量1.2亿立方米'))).toBeUndefined();
    expect(missingMeasure(foldText('水库库容有多大'), foldText('库容300万方'))).toBeUndefined();
    expect(askedMeasure(foldText('要求有哪几方面'))).toBeUndefined();
  });

  it('reads four digits of a longer number (“13710”督办系统) as no year', () => {
    const q = foldText('“13710”信息化督办系统是哪一年上线的');
    expect(missingMeasure(q, foldText('充分发挥“13710”信息化督办系统抓落实'))).toBe('year');
    expect(missingMeasure(q, foldText('系统于2019上线'))).toBeUndefined();
  });

  it('reads figures in traditional characters and Chinese numerals', () => {
    expect(missingMeasure(foldText('基地占地多少亩'), foldText('基地佔地三百餘畝'))).toBeUndefined();
    expect(missingMeasure(foldText('基地占地多少亩'), foldText('基地建設步伐加快'))).toBe('area');
  });
});
