import { describe, expect, it } from 'vitest';
import { undescribedPart } from '../src/core/answer/undescribed-parts.js';
import { unstated } from '../src/core/answer/unstated.js';
import { foldText } from '../src/core/normalize/fold-text.js';

const lacks = (q: string, a: string) => undescribedPart(foldText(q), foldText(a));

describe('undescribedPart', () => {
  it('refuses a description of a part answered by a passage that never names the part', () => {
    expect(lacks('红花槭的叶片有什么特点', '红花槭是槭树科槭属的落叶乔木,原产北美东部。')).toBe('叶片');
    expect(lacks('这种鱼的背鳍是什么颜色', '这种鱼分布于西太平洋,栖息在珊瑚礁区。')).toBe('背鳍');
    expect(unstated(foldText('红花槭的叶片有什么特点'), foldText('红花槭是槭树科槭属的落叶乔木。'))).toBe('part');
  });

  it('takes a passage that names the part as describing it', () => {
    expect(lacks('红花槭的叶片有什么特点', '叶片掌状三至五裂,秋季变为鲜红色。')).toBeUndefined();
    expect(lacks('這種魚的背鰭是什麼顏色', '背鳍呈黄色,边缘黑色。')).toBeUndefined();
  });

  it('asks nothing of a question that asks no description', () => {
    expect(lacks('红花槭的原产地在哪里', '红花槭是槭树科槭属的落叶乔木。')).toBeUndefined();
    expect(lacks('平陆招商目标是多少', '力争全年招商项目达到50个。')).toBeUndefined();
    // 是怎样 before a verb asks how something was done, not what it is like.
    expect(lacks('衡水的农村改造是怎样推进的', '衡水市大力实施农村面貌改造提升行动,分三年推进。')).toBeUndefined();
    expect(lacks('红花槭的树形是怎样的?', '红花槭是槭树科槭属的落叶乔木。')).toBe('树形');
  });
});
