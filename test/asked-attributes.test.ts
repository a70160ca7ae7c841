import { describe, expect, it } from 'vitest';
import { unnamedAttribute } from '../src/core/answer/asked-attributes.js';
import { askedMeasure } from '../src/core/answer/asked-measures.js';
import { unstated } from '../src/core/answer/unstated.js';
import { foldText } from '../src/core/normalize/fold-text.js';

const unnamed = (q: string, a: string) => unnamedAttribute(foldText(q), foldText(a), askedMeasure(foldText(q)));

describe('unnamedAttribute', () => {
  it('refuses a sum of money of another thing than the one asked about', () => {
    expect(unnamed('该县上半年生产总值达到了多少亿元', '劳务创收达到7.2亿元')).toBe(true);
    expect(unnamed('该区去年地方财政收入是多少', '完成年度投资169亿元')).toBe(true);
    expect(unstated(foldText('该县上半年生产总值达到了多少亿元'), foldText('劳务创收达到7.2亿元'))).toBe('attribute');
  });

  it('takes the thing named, or a word that says the same thing', () => {
    expect(unnamed('该县上半年生产总值达到了多少亿元', '上半年全县完成生产总值24.3亿元')).toBe(false);
    expect(unnamed('该区的GDP是多少', '地区生产总值达到701亿元')).toBe(false);
    expect(unnamed('劳务收入目标是多少', '劳务创收达到7.2亿元')).toBe(false);
  });

  it('asks nothing of money in general, a project investment or funds, which a sum states without the word', () => {
    expect(unnamed('要在多大投资体量的单个项目上取得突破', '力争在10亿元以上单体项目上取得突破')).toBe(false);
    expect(unnamed('这次维修要花多少钱', '维修花了300万元')).toBe(false);
    // Not a question about money at all.
    expect(unnamed('该县有多少人口', '常住人口27万人')).toBe(false);
  });
});
