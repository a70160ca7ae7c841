import { describe, expect, it } from 'vitest';
import { echoedCount } from '../src/core/answer/echoed-counts.js';
import { unstated } from '../src/core/answer/unstated.js';
import { foldText } from '../src/core/normalize/fold-text.js';

const echoed = (q: string, a: string) => echoedCount(foldText(q), foldText(a));
const VILLAGES = '今年确定的改造提升重点村特别是衡水湖片区36个村,都要成为基层组织建设的示范村。';

describe('echoedCount', () => {
  it('refuses a count whose answer states only the numbers the question states', () => {
    expect(echoed('衡水湖片区那36个村里,有多少个是省级重点村', VILLAGES)).toBe('count');
    expect(unstated(foldText('衡水湖片区那36个村里,有多少个是省级重点村'), foldText(VILLAGES))).toBe('count');
    // Chinese numerals are read as their values, and so are a figure's thousands.
    expect(echoed('三十六个村里有几个示范村', VILLAGES)).toBe('count');
    expect(echoed('投资1,200万元的项目年产值是多少', '总投资1200万元的项目已开工。')).toBe('money');
  });

  it('keeps an answer with a number of its own, or one that lists the things counted', () => {
    expect(echoed('衡水湖片区那36个村里,有多少个是省级重点村', '衡水湖片区36个村中有12个省级重点村。')).toBeUndefined();
    expect(echoed('36个村里有几个示范村', '36个村中,甲村、乙村、丙村是示范村。')).toBeUndefined();
  });

  it('reads no date as a number, and asks nothing of a question that counts nothing', () => {
    expect(echoed('2022年新建了多少个项目', '2022年新建项目全部投产。')).toBeUndefined();
    expect(echoed('36个村是哪年确定的', VILLAGES)).toBeUndefined();
    expect(echoed('36个村排第几', VILLAGES)).toBeUndefined();
  });
});
