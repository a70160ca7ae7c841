import { describe, expect, it } from 'vitest';
import { smallTalk } from '../src/core/chat/small-talk.js';

const info = {
  documents: 5,
  titles: ['以最优作风最大担当最强干劲抓落实', '拉高标杆 奋勇争先 转变作风 狠抓落实', '在全縣上半年經濟工作會議上的講話'],
};

describe('smallTalk', () => {
  it.each([
    '你好', '您好！', '嗨~', '哈喽', '在吗？', '早上好', '下午好呀', '晚上好', '你好啊😊', '  您好，小助手  ', '喂，在不在',
  ])('greets back when the whole message is the greeting %s', (message) => {
    const reply = smallTalk(message, info);
    expect(reply).toMatch(/^您好！/);
    expect(reply).toContain('5 份文件');
  });

  it.each(['谢谢', '谢谢你！', '多谢', '非常感谢', '谢了', '好的，谢谢 🙏'])('says 不客气 to the thanks %s', (message) => {
    expect(smallTalk(message, info)).toMatch(/^不客气/);
  });

  it.each(['再见', '拜拜', '好的再见！'])('says goodbye to %s', (message) => {
    expect(smallTalk(message, info)).toMatch(/^再见/);
  });

  it.each(['你是谁', '你叫什么名字？', '你是什么', '介绍一下你自己'])('introduces itself when asked %s', (message) => {
    const reply = smallTalk(message, info)!;
    expect(reply).toContain('我是文档问答助手');
    expect(reply).toContain('《以最优作风最大担当最强干劲抓落实》');
  });

  it.each(['你能回答什么', '你能回答什么问题？', '你会什么', '你能做什么', '怎么用', '帮助'])('says what it can do when asked %s', (message) => {
    const reply = smallTalk(message, info)!;
    expect(reply).toContain('我能回答关于已收录的 5 份文件的问题');
    expect(reply).toMatch(/数字、人名、日期、清单/);
    expect(reply).toContain('原文');
  });

  it('answers a greeting with a question about itself in one reply', () => {
    const reply = smallTalk('你好，你是谁？', info)!;
    expect(reply).toMatch(/^您好！我是文档问答助手。/);
    expect(reply).toContain('可以试着问问《以最优作风最大担当最强干劲抓落实》或《拉高标杆 奋勇争先 转变作风 狠抓落实》里的内容。');
  });

  it('names at most two document titles, and none that repeat', () => {
    const reply = smallTalk('你好', { documents: 3, titles: ['《平陆县政府工作报告》', '平陆县政府工作报告', '枣强县三级干部大会'] })!;
    expect(reply.match(/《/g)).toHaveLength(2);
    expect(reply).toContain('《平陆县政府工作报告》或《枣强县三级干部大会》');
  });

  it('says so when no document has been added yet', () => {
    const reply = smallTalk('你能做什么', { documents: 0, titles: [] })!;
    expect(reply).toContain('目前还没有收录文件');
    expect(reply).not.toContain('《');
  });

  it.each([
    ['hi', /^Hello!/],
    ['Hello there!', /^Hello!/],
    ['hey', /^Hello!/],
    ['Good morning', /^Hello!/],
    ['THANKS!', /^You're welcome!/],
    ['Thank you very much', /^You're welcome!/],
    ['bye', /^Goodbye!/],
    ['Who are you?', /I'm a document Q&A assistant/],
    ['What can you do?', /I answer questions about the 5 documents I have/],
    ['what can you answer', /figures, names, dates and lists/],
    ['help', /Try asking about 《以最优作风最大担当最强干劲抓落实》 or/],
  ])('replies in English to %s', (message, expected) => {
    expect(smallTalk(message, info)).toMatch(expected);
  });

  it('replies in Chinese to a mixed greeting', () => {
    expect(smallTalk('hi 你好', info)).toMatch(/^您好！/);
  });

  it.each([
    '你好好想想平陆的目标是多少',
    '谢谢平陆县长的讲话说了什么',
    'help desk hours in Pinglu?',
    '平陆招商目标是多少',
    '你好，平陆招商目标是多少',
    '帮助企业纾困的措施有哪些',
    '感谢信是谁写的',
    '再见面是什么时候',
    '枣强县委书记是谁',
    'history of Pinglu',
    '你是谁的领导',
    '怎么用好专项债',
    '😊',
    '',
  ])('leaves the question %s to the documents', (message) => {
    expect(smallTalk(message, info)).toBeUndefined();
  });

  it('ignores a long message even when it is all greetings', () => {
    expect(smallTalk('你好'.repeat(30), info)).toBeUndefined();
  });
});
