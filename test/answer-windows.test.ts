import { describe, expect, it } from 'vitest';
import { answerWindows, type AnswerCandidate } from '../src/core/answer/answer-windows.js';
import { foldText } from '../src/core/normalize/fold-text.js';

const windowsOf = (text: string) => {
  const candidate: AnswerCandidate = {
    chunk: { id: 1, source: 'a.txt', start: 0, end: text.length, text, title: 'a' },
    retrieval: 1,
    rank: 0,
    keyword: 1,
    vector: 0.5,
    document: 1,
    neighbour: false,
  };
  return answerWindows([candidate], { maxLength: 80, fold: (_, t) => foldText(t) }).map((w) => text.slice(w.span.start, w.span.end));
};

describe('answer windows', () => {
  it('start a clause at the quote that opens it, after a semicolon or comma', () => {
    const text = '“三统筹”就是统筹发展和安全；“三扩大”就是扩大投资、扩大消费、扩大就业，“四创建”就是创建文明县城。';
    const windows = windowsOf(text);
    expect(windows).toContain('“三扩大”就是扩大投资、扩大消费、扩大就业');
    expect(windows).toContain('“四创建”就是创建文明县城。');
    expect(windows.some((w) => w.startsWith('三扩大'))).toBe(false);
  });

  it('read ASCII quotes the same way, and keep a closing one that a window ends with', () => {
    const text = '要通过"三新"的路径,实现"三强"的目标;"三强"就是产业强、企业强、县域强。';
    const windows = windowsOf(text);
    expect(windows).toContain('"三强"就是产业强、企业强、县域强。');
    expect(windows).toContain('实现"三强"的目标');
    expect(windows.some((w) => w.startsWith('三强"'))).toBe(false);
  });

  it('still leave out a quote that closes the clause before', () => {
    const text = '他说：“要抓落实，”会议随后结束。';
    expect(windowsOf(text)).toContain('会议随后结束。');
  });
});
