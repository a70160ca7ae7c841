import { describe, expect, it } from 'vitest';
import { countedThing, uncountedThing } from '../src/core/answer/counted-things.js';
import { unstated } from '../src/core/answer/unstated.js';
import { foldText } from '../src/core/normalize/fold-text.js';

const check = (q: string, a: string) => uncountedThing(foldText(q), foldText(a));

describe('countedThing', () => {
  it('reads the words for the things a count question counts, up to a question’s particle', () => {
    expect(countedThing('三级干部大会上一共表彰了多少个先进集体')).toBe('先进集体');
    expect(countedThing('大会一共设了几个分会场')).toBe('分会场');
    expect(countedThing('上半年发生了几起抢劫案呢')).toBe('抢劫案');
    expect(countedThing('洪涝灾害倒塌了多少间房屋')).toBe('房屋');
    expect(countedThing('今年要养多少只羊')).toBe('羊');
    // Up to twelve characters, past a verb or a conjunction, which may be characters of the things' words (主要产业).
    expect(countedThing('衡水湖片区有多少个改造提升重点村要成为示范村')).toBe('改造提升重点村要成为示范');
    expect(countedThing('全县有多少个主要产业')).toBe('主要产业');
    expect(countedThing('今年要签下几个投资过亿的招商项目')).toBe('投资过亿的招商项目');
    expect(countedThing('希望落定多少个投资额在一亿以上的大项目')).toBe('投资额在一亿以上的大项目');
  });

  it('reads no things after a count of people or times, a unit, an order or a bare count', () => {
    expect(countedThing('有多少人参加会议')).toBeUndefined();
    expect(countedThing('召开了几次会议')).toBeUndefined();
    expect(countedThing('总投资多少亿元')).toBeUndefined();
    expect(countedThing('排在第几个位置')).toBeUndefined();
    expect(countedThing('包括哪几个方面')).toBeUndefined();
    expect(countedThing('招商项目要达到多少个')).toBeUndefined();
    expect(countedThing('集中开工的项目有几个啊')).toBeUndefined();
    expect(countedThing('要改造多少户危险的窑洞')).toBeUndefined();
  });

  it('reads nothing in a question that asks two counts, either of which an answer may give', () => {
    expect(countedThing('上半年出了几起命案,一共死了多少人')).toBeUndefined();
  });
});

describe('uncountedThing', () => {
  const lead = '2月16日上午,枣强县召开三级干部大会,全县2000余名党员干部和企业代表等分别在主会场和分会场参会。';
  const crimes = '今年至6月底,我县已发生5起杀人案、13人死亡,405起各类交通事故、27人死亡。';

  it('refuses an answer that counts other things, or names the things uncounted', () => {
    expect(check('三级干部大会上一共表彰了多少个先进集体', lead)).toBe(true);
    expect(check('三级干部大会一共设了几个分会场', lead)).toBe(true);
    expect(unstated(foldText('三级干部大会一共设了几个分会场'), foldText(lead))).toBe('count');
  });

  it('keeps a count of the things before or after them in one clause, however they are qualified', () => {
    expect(check('今年要养多少只羊', '羊只饲养量达到180万只')).toBe(false);
    expect(check('一季度集中开工了多少个项目', '精心做好一季度11个集中开工项目')).toBe(false);
    expect(check('新增了几家企业', '确保年内新增高新技术企业5家')).toBe(false);
    // Any two characters of the things, or the last, are enough: the rest is the model's to weigh.
    expect(check('发生了多少起火灾事故', crimes)).toBe(false);
    expect(check('上半年出了几起命案', crimes)).toBe(false);
    expect(check('衡水湖片区有多少个改造提升重点村', '今年确定的改造提升重点村特别是衡水湖片区36个村,都要成为示范村')).toBe(false);
    expect(check('今年要签下几个投资过亿的招商项目', '力争全年签约亿元以上招商项目20个')).toBe(false);
    // The things may end before a verb (重点村要成为…): the character there is looked for too.
    expect(check('有多少个改造提升重点村要成为示范村', '今年确定的改造提升重点村特别是衡水湖片区36个村,都要成为示范村')).toBe(false);
    // A verb's character inside the things' words (主要, 重要) does not cut them short.
    expect(check('全县有多少个主要产业', '重点发展三大产业')).toBe(false);
    expect(check('今年有几个重要项目', '力争全年签约亿元以上项目20个')).toBe(false);
    // Counts in Chinese numerals, with the measure words of incidents and rooms too.
    expect(check('上半年发生了几起抢劫案', '上半年共发生三起抢劫案')).toBe(false);
    expect(check('倒塌了多少间房屋', '倒塌房屋二十间')).toBe(false);
    // A label and its value, as a table row is read.
    expect(check('枣强县新建了多少座口袋公园', '县名:枣强县;新建口袋公园:23座')).toBe(false);
    expect(check('分了几个分会场', '设3个分会场')).toBe(false);
  });

  it('does not take a count in another clause, nor a date, as a count of the things', () => {
    expect(check('倒塌了多少间房屋', '13个乡镇遭受洪涝灾害,群众房屋损毁严重')).toBe(true);
    expect(check('建成了多少座水库', '2023年水库建设完成')).toBe(true);
    expect(check('建成了多少座水库', '新建水库2023年完成')).toBe(true);
    // A year cut where the stretch after the things ends is still a year.
    expect(check('建成了多少座水库', '13个乡镇受灾,新建水库项目建设于2023年完成')).toBe(true);
  });

  it('leaves to the model an answer that names the things in a list, which may count them by naming them', () => {
    expect(check('倒塌了多少间房屋', '13个乡镇遭受洪涝灾害,群众房屋、校舍、农作物等损毁严重')).toBe(false);
  });
});
