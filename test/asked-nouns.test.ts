import { describe, expect, it } from 'vitest';
import { askedKind, namesAskedKindFor } from '../src/core/answer/asked-nouns.js';

describe('asked-nouns', () => {
  it('reads the kind of thing a what-question asks for by its noun, with the nouns of the same kind', () => {
    expect(askedKind('衡水那次动员大会是以什么形式召开的')?.test('采用电视电话方式')).toBe(true);
    expect(askedKind('以什么模式移交宏都阿里山公司经营')?.test('以BOT形式移交')).toBe(true);
    expect(askedKind('受到了哪种音乐风格的影响')?.test('欧洲流行音乐风格')).toBe(true);
    expect(askedKind('衡水市委书记是谁')).toBeUndefined();
    expect(askedKind('会议是什么时候召开的')).toBeUndefined();
    // Why, not what kind.
    expect(askedKind('为什么要改变发展模式')).toBeUndefined();
  });

  it('tells a window that names the kind from one that does not; every window passes when none is asked for', () => {
    const names = namesAskedKindFor('衡水那次动员大会是用什么方式召开的');
    expect(names('会议采取广播电视大会形式召开,市设主会场。')).toBe(true);
    expect(names('2月25日,市委、市政府召开全市领导干部动员大会。')).toBe(false);
    // 形式主义 names no form.
    expect(names('坚决反对形式主义、官僚主义。')).toBe(false);
    expect(namesAskedKindFor('衡水市委书记是谁')('市委书记李谦出席会议')).toBe(true);
  });
});
