import { describe, expect, it } from 'vitest';
import { bylineIn, writerAsked } from '../src/core/answer/writer-bylines.js';
import { foldText } from '../src/core/normalize/fold-text.js';

const asked = (q: string, kind = 'person') => writerAsked({ kind, asksWriter: /写|作者|记者|编辑|责编/.test(q), folded: foldText(q) } as never);
/** The byline of `text` that answers question `q`. */
const answering = (q: string, text: string) => {
  const bylines = asked(q);
  const at = bylines && bylineIn(foldText(text), bylines);
  return at && foldText(text).slice(at.start, at.end);
};

const REPORT = '虎年新春第一会\n本报记者 张明\n2月16日上午,县里召开大会。';
const ARTICLE = '抓落实,是根本要求。全文完。(作者中共某县委副书记、县长 王一)\n(责编:李二)';

describe('writerAsked and bylineIn', () => {
  it('find the byline of the writer a question asks for, on a line of its own or in brackets', () => {
    expect(answering('那篇报道是哪位记者写的', REPORT)).toBe('本报记者 张明');
    expect(answering('这篇文章的责编是谁', ARTICLE)).toBe('(责编:李二)');
    // Whoever wrote a text: its author, or a news report's reporter.
    expect(answering('《抓落实》一文的作者是谁', ARTICLE)).toBe('(作者中共某县委副书记、县长 王一)');
    expect(answering('这篇稿子是谁写的', REPORT)).toBe('本报记者 张明');
    expect(answering('那篇报道是哪位记者写的', '(记者刘金桥、李国涛)2月25日,市委召开大会。')).toBe('(记者刘金桥、李国涛)');
  });

  it('find no byline of another writer, nor a sentence that opens with a title', () => {
    expect(answering('这篇文章的责编是谁', '全文完。(作者中共某县委副书记、县长 王一)')).toBeUndefined();
    expect(answering('那篇报道是哪位记者写的', '记者从县委获悉,今年全县将新建项目一百个,总投资二百亿元,比去年多三成。')).toBeUndefined();
  });

  it('ask no byline of a question that names no text, or asks no person', () => {
    expect(asked('三国演义的作者是谁')).toBeUndefined();
    expect(asked('这篇文章的作者提出了什么', 'fact')).toBeUndefined();
    expect(asked('大会是谁主持的')).toBeUndefined();
  });

  it('ask the byline of a question whose Chinese lost the text it names, as asked (an English question’s article)', () => {
    const lost = { kind: 'person', asksWriter: true, folded: foldText('平陆的作者是谁') };
    expect(writerAsked(lost as never)).toBeUndefined();
    expect(writerAsked({ ...lost, namesText: true } as never)).toBeDefined();
  });
});
