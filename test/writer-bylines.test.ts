import { describe, expect, it } from 'vitest';
import { bylineIn, writerAsked } from '../src/core/answer/writer-bylines.js';
import { foldText } from '../src/core/normalize/fold-text.js';

const asked = (q: string, kind = 'person') => writerAsked({ kind, asksWriter: /写|作者|记者|编辑|责编/.test(q), folded: foldText(q) } as never);
const byline = (text: string, titles: string) => {
  const at = bylineIn(foldText(text), titles);
  return at && foldText(text).slice(at.start, at.end);
};

describe('writerAsked', () => {
  it('reads which writer a question asks for, of a text it names', () => {
    expect(asked('那篇报道是哪位记者写的')).toBe('记者|通讯员');
    expect(asked('这篇文章的责编是谁')).toBe('责编|编辑');
    // Whoever wrote a text: its author, or a news report's reporter.
    expect(asked('《以实干开新局》一文的作者是谁')).toBe('作者|记者|撰稿|通讯员');
  });

  it('asks no byline of a question that names no text, or asks no person', () => {
    expect(asked('三国演义的作者是谁')).toBeUndefined();
    expect(asked('这篇文章的作者提出了什么', 'fact')).toBeUndefined();
    expect(asked('大会是谁主持的')).toBeUndefined();
  });
});

describe('bylineIn', () => {
  it('finds a byline on a line of its own or in brackets, with the titles asked for', () => {
    expect(byline('虎年新春第一会\n本报记者 张明\n2月16日上午,县里召开大会。', '记者|通讯员')).toBe('本报记者 张明');
    expect(byline('全文完。(作者中共某县委副书记、县长 王一)\n(责编:李二)', '作者|记者|撰稿|通讯员')).toBe('(作者中共某县委副书记、县长 王一)');
    expect(byline('全文完。(作者中共某县委副书记、县长 王一)\n(责编:李二)', '责编|编辑')).toBe('(责编:李二)');
    expect(byline('(记者刘金桥、李国涛)2月25日,市委召开大会。', '记者|通讯员')).toBe('(记者刘金桥、李国涛)');
  });

  it('takes no sentence that opens with a title for a byline', () => {
    expect(byline('记者从县委获悉,今年全县将新建项目一百个,总投资二百亿元,比去年多三成。', '记者|通讯员')).toBeUndefined();
    expect(byline('(作者中共某县委副书记、县长 王一)', '责编|编辑')).toBeUndefined();
  });
});
