import { describe, expect, it } from 'vitest';
import { listedElsewhere } from '../src/core/answer/listed-figures.js';
import { unstated } from '../src/core/answer/unstated.js';

const PROJECTS = '抓好中电神头100兆瓦农光互补光伏发电、杭泰100兆瓦农光互补光伏发电、恒龙调峰调频储能、抽水蓄能电站、部官扬水改扩建等一批工程';

describe('listedElsewhere', () => {
  it('refuses a figure that belongs to another item of a list', () => {
    expect(listedElsewhere('平陆抽水蓄能电站的装机容量是多少', PROJECTS)).toBe('power');
    expect(unstated('平陆抽水蓄能电站的装机容量是多少', PROJECTS)).toBe('power');
  });

  it('does not read the unit the question names (多少兆瓦) as its subject: every item states it', () => {
    expect(listedElsewhere('平陆县规划的抽水蓄能电站装机容量是多少兆瓦', PROJECTS)).toBe('power');
    expect(listedElsewhere('中电神头光伏发电项目是多少兆瓦', PROJECTS)).toBeUndefined();
  });

  it('keeps a figure in the item the question asks about', () => {
    expect(listedElsewhere('中电神头光伏发电项目装机容量是多少', PROJECTS)).toBeUndefined();
  });

  it('reads a clause that enumerates nothing as the subject’s, and a thousands comma as no clause’s end', () => {
    expect(listedElsewhere('乍都节公园的面积有多大', '它的面积约为0.304平方公里。后期再增辟两座公园。')).toBeUndefined();
    expect(listedElsewhere('主跑道有多长', '机场有三条跑道,主跑道是08/26,长1,980米;第二条长1,667米')).toBeUndefined();
  });

  it('asks nothing of a question that names no measure, or asks for a year', () => {
    expect(listedElsewhere('平陆有哪些能源项目', PROJECTS)).toBeUndefined();
    expect(listedElsewhere('抽水蓄能电站哪一年建成', '中电神头2022年建成、杭泰2023年建成')).toBeUndefined();
  });
});
