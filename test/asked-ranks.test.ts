import { describe, expect, it } from 'vitest';
import { asksRank, statesRank, statesRankFor, uncomparedAnswer, unrankedAnswer } from '../src/core/answer/asked-ranks.js';
import { unstated } from '../src/core/answer/unstated.js';
import { foldText } from '../src/core/normalize/fold-text.js';

describe('asked-ranks', () => {
  it('reads a question for a place in a ranking, not one that gives the place', () => {
    for (const q of ['环县固定资产投资增速在全市排第几', '在全市排在什么位置', '增速在全市处于什么位置', '该队名次如何', '排名怎么样']) expect(asksRank(q)).toBe(true);
    for (const q of ['面积排名第17位的岛屿是哪一个', '固定资产投资增速是多少', '衡水市委书记是谁']) expect(asksRank(q)).toBe(false);
    // An ordinal of another thing (which phase, session, batch, time), or where a place lies.
    for (const q of ['南湫风电场第几期工程要争取早日开工', '这是第几届运动会', '该村被列入第几批试点', '该单位是第几批试点', '居民第几次参加', '该县位于什么位置', '该岛处于什么位置']) {
      expect(asksRank(q)).toBe(false);
    }
    for (const q of ['在23个一类县市区中综合排名第几', '该队名列第几', '他获得第几名', '位列 中间 庆阳 上半年 第几']) expect(asksRank(q)).toBe(true);
  });

  it('tells a text that states a place from one that does not', () => {
    for (const t of ['增速位列全市倒数第一', '综合排名第19位', '居全省首位', '进入全国百强', '在全市垫底', '进入前10名']) expect(statesRank(t)).toBe(true);
    // Not any ordinal, nor first in importance.
    for (const t of ['总体还是处于中下水平', '五项主要指标的增速取得了好成绩', '第一季度', '第一书记', '第二次会议', '放在首位', '第一时间']) expect(statesRank(t)).toBe(false);
  });

  it('passes, for a question for no place in a ranking, every window', () => {
    expect(statesRankFor('增速在全市排第几')('总体还是处于中下水平')).toBe(false);
    expect(statesRankFor('增速在全市排第几')('增速位列全市倒数第一')).toBe(true);
    expect(statesRankFor('增速是多少')('总体还是处于中下水平')).toBe(true);
  });

  it('refuses an answer to a rank question that states no place', () => {
    expect(unrankedAnswer('增速在全市排第几', '总体还是处于中下水平')).toBe(true);
    expect(unrankedAnswer('增速在全市排第几', '增速位列全市倒数第一')).toBe(false);
    expect(unstated(foldText('環縣固定資產投資增速在全市排第幾'), foldText('總體還是處于中下水平'))).toBe('rank');
    expect(unrankedAnswer('增速是多少', '总体还是处于中下水平')).toBe(false);
  });
});

describe('uncomparedAnswer', () => {
  const fold = (q: string, a: string) => uncomparedAnswer(foldText(q), foldText(a));

  it('refuses, for what comes first or last by some measure, an answer that compares nothing', () => {
    const rivers = '省内流域面积在50平方千米以上的河流有1918条,主要的河流有黑龙江。';
    expect(fold('哪一條位處長江中游左岸的河流為長江最長的支流?', rivers)).toBe(true);
    expect(unstated(foldText('哪一條河流為長江最長的支流?'), foldText(rivers))).toBe('comparison');
    expect(fold('香港銷量最高的英語報紙是哪一份', '《泰晤士報》,英國的一份於全國發行的綜合型日報。')).toBe(true);
  });

  it('keeps an answer that compares or ranks in any way', () => {
    expect(fold('长江最长的支流是哪一条', '汉江是长江最长的支流。')).toBe(false);
    expect(fold('乳制品产量最高的省区是哪个', '乳制品业发达,在中国各省区中仅次于内蒙古。')).toBe(false);
    expect(fold('城市规划中什么部分是范围最大的', '按照规划范围由大到小可依次分为区域规划、总体规划和详细规划。')).toBe(false);
    expect(fold('台湾最大的港口是哪个', '高雄港为台湾第1大港。')).toBe(false);
    expect(fold('全县人口最多的少数民族是哪个', '县内少数民族以回族为主。')).toBe(false);
  });

  it('asks nothing of 最初, 最后, 最重要, a judgement or a top thing’s figure, of a question for a time, nor of one with no superlative', () => {
    const answer = '1950年1月19日由陈玉昶设计。';
    expect(fold('铁路路徽最初是由哪一个人所设计的', answer)).toBe(false);
    expect(fold('最后在谁的调停下退兵', '在教皇的调停下退兵。')).toBe(false);
    expect(fold('引入的最重要的宗教是什么', '随之而来的还有基督教。')).toBe(false);
    expect(fold('铁路路徽是由哪一个人所设计的', answer)).toBe(false);
    // A judgement, or the figure of the top thing, is asked without choosing among things (哪).
    expect(fold('当前全县发展最大的短板是什么', '产业结构不优、县域经济总量偏小。')).toBe(false);
    expect(fold('全县最大的企业年产值是多少', '恒信集团年产值达到12亿元。')).toBe(false);
    expect(fold('最早的便利商店可以追溯至哪一年?', '1927年,南方公司在达拉斯开设了冰品零售店。')).toBe(false);
  });
});
