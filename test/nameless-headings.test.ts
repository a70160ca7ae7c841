import { describe, expect, it } from 'vitest';
import { itemlessHeading, namelessHeading } from '../src/core/answer/nameless-headings.js';
import { unstated } from '../src/core/answer/unstated.js';

const HEADING = '虎年新春第一会 奏响发展最强音\n\n——枣强县三级干部大会暨开展"三统筹三扩大四创建"活动动员大会精神解读';

describe('namelessHeading', () => {
  it('refuses a who-question a heading answers, which names nobody', () => {
    expect(namelessHeading('这篇稿子的记者是谁', HEADING)).toBe(true);
    expect(unstated('这篇稿子的记者是谁', HEADING)).toBe('person');
  });

  it('reads a dateline\'s time of day as no clause (26.02.2015 14:28)', () => {
    const titled = '全市领导干部凝神聚力抓发展暨农村面貌改造提升行动动员大会召开\n\n26.02.2015 14:28';
    expect(namelessHeading('衡水凝神聚力抓发展动员大会由谁主持', titled)).toBe(true);
    expect(namelessHeading('谁主持了会议', '会议议程:市长杨慧主持会议\n市委书记李谦讲话')).toBe(false);
  });

  it('keeps a byline, which names its people after their titles, and answers that are clauses', () => {
    expect(namelessHeading('平陆县长是谁', '(作者中共平陆县委副书记、政府县长 翟纪亭)')).toBe(false);
    expect(namelessHeading('这篇报道的记者是谁', '(记者刘金桥、李国涛)')).toBe(false);
    expect(namelessHeading('这篇报道是谁写的', '虎年新春第一会\n(通讯员 聂小明)')).toBe(false);
    expect(namelessHeading('谁主持了会议', '市长杨慧主持会议,市委副书记周金中作安排部署。')).toBe(false);
    // A window of one clause (its commas trimmed) is no heading, nor a line of speech its speaker precedes.
    expect(namelessHeading('谁主持了会议', '杨慧主持会议')).toBe(false);
    expect(namelessHeading('谁要求干部向倒第一说再见', '向倒第一说再见')).toBe(false);
  });

  it('refuses, for a who-question, a speech’s title alone (at which meeting, not who spoke)', () => {
    const question = 'x区2024年三新三强动员大会上是谁讲话';
    expect(namelessHeading(question, '在x区2024年"三新三强"打擂台、厚筑全市"压舱石"行动动员部署大会上的讲话(第2/3页)')).toBe(true);
    expect(namelessHeading('谁在上半年经济工作会议上讲话', '在全县上半年经济工作会议上的讲话\n同志们:')).toBe(true);
    expect(namelessHeading('谁在会上讲话', '在全县上半年经济工作会议上的总结讲话(2/3页)')).toBe(true);
    expect(namelessHeading('谁在会上讲话', '在全县经济工作会议结束时的讲话 同志们、朋友们:')).toBe(true);
    expect(namelessHeading('谁在上半年经济工作会议上讲话', '——在全县上半年经济工作会议上的讲话 县委书记 王晓斌')).toBe(false);
    expect(namelessHeading('谁在会上讲话', '市委书记李谦出席会议并讲话')).toBe(false);
    expect(namelessHeading('这次讲话是在什么会上', '在全县上半年经济工作会议上的讲话')).toBe(false);
  });

  it('asks nothing of questions that are not who-questions', () => {
    expect(namelessHeading('这篇文章的标题是什么', HEADING)).toBe(false);
  });
});

describe('itemlessHeading', () => {
  it('refuses a list question a heading answers, which lists nothing', () => {
    expect(itemlessHeading('枣强县三级干部大会上受到表彰的先进单位有哪些', HEADING)).toBe(true);
    expect(unstated('枣强县三级干部大会上受到表彰的先进单位有哪些', HEADING)).toBe('items');
  });

  it('keeps a heading that sets items apart, a sentence, and a heading for other questions', () => {
    expect(itemlessHeading('平陆要发展哪些产业', '平陆县重点产业\n\n——文旅、康养、新能源')).toBe(false);
    expect(itemlessHeading('表彰了哪些先进单位', '会议表彰了县工信局和县发改局。')).toBe(false);
    expect(itemlessHeading('这篇稿子讲的是什么会议', HEADING)).toBe(false);
  });
});
