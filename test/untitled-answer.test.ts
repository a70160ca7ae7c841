import { describe, expect, it } from 'vitest';
import { givesTitlesFor, untitledAnswer } from '../src/core/answer/unheld-titles.js';
import { unstated } from '../src/core/answer/unstated.js';

describe('an answer to a who-question gives someone the title asked about', () => {
  it('refuses an answer that gives the title to no one, or only the deputy’s', () => {
    expect(untitledAnswer('甲县县委书记是谁', '(作者 中共甲县县委副书记、县长 王某)')).toBe('县委书记');
    expect(untitledAnswer('甲县县长叫什么名字', '副县长李某主持会议')).toBe('县长');
    expect(untitledAnswer('乙市市长是谁', '会议由乙市政府秘书长主持')).toBe('市长');
    expect(unstated('甲县县委书记是谁', '县委副书记王某讲话')).toBe('县委书记');
    // A title given to everyone who holds it names no one.
    expect(untitledAnswer('乙市分管农业的副市长是谁', '市委各常委、市政府各副市长对分管工作一定要负起责任')).toBe('副市长');
    expect(untitledAnswer('甲县县长是谁', '县长们要深入一线')).toBe('县长');
    expect(untitledAnswer('乙市分管农业的副市长是谁', '各副市长分工如下:副市长孙某分管农业')).toBeUndefined();
  });

  it('keeps an answer that gives the title, a deputy title asked for, or a title said with a verb', () => {
    expect(untitledAnswer('甲县县委书记是谁', '县委书记张某、县委副书记王某出席')).toBeUndefined();
    expect(untitledAnswer('乙市市长是谁', '市长赵某主持会议')).toBeUndefined();
    expect(untitledAnswer('甲县常务副县长是谁', '常务副县长钱某作报告')).toBeUndefined();
    expect(untitledAnswer('这篇文章的作者是谁', '文/孙某')).toBeUndefined();
  });

  it('refuses an answer that names the person asked about only by the surname and title the question gives', () => {
    const answer = '何县长回顾总结了上半年全县经济运行情况,深入分析了存在的问题和差距';
    expect(untitledAnswer('回顾上半年经济运行情况的何县长,全名叫什么', answer)).toBe('何县长');
    expect(untitledAnswer('何县长的全名是什么', answer)).toBe('何县长');
    expect(untitledAnswer('环县那位何县长全名叫什么', answer)).toBe('何县长');
    // The full name, however far from the title, answers.
    expect(untitledAnswer('何县长的全名是什么', '县长何某某作了报告;何县长回顾总结了上半年工作')).toBeUndefined();
    // A place before a title is no surname (平陆县长: 陆 is a surname, not here), nor is a county's committee (曹县委书记).
    expect(untitledAnswer('平陆县长的名字是什么', '县委副书记、政府县长 翟纪亭')).toBeUndefined();
    expect(untitledAnswer('曹县委书记是谁', '曹县县委书记张某主持会议')).toBeUndefined();
    // After a county's name, and a name spaced out.
    expect(untitledAnswer('环县何县长的全名是什么', answer)).toBe('何县长');
    expect(untitledAnswer('何县长的全名是什么', '县长 何 伟回顾总结了上半年工作')).toBeUndefined();
    // Someone the question only mentions is not the one asked for.
    expect(untitledAnswer('何县长的秘书是谁', '何县长的秘书李明陪同')).toBeUndefined();
  });

  it('asks nothing of a question that does not ask who', () => {
    expect(untitledAnswer('县委书记讲了哪些要求', '要求全县干部狠抓落实')).toBeUndefined();
    expect(untitledAnswer('谁主持了会议', '会议由王某主持')).toBeUndefined();
  });
});

describe('the candidate windows of a who-question that asks about a title', () => {
  it('tells a window that gives the title from one that does not, or gives only the deputy’s', () => {
    const gives = givesTitlesFor('枣强县委书记是谁');
    expect(gives('会上,枣强县委书记刘新营围绕如何圆满完成全年任务目标作动员')).toBe(true);
    expect(gives('2月16日上午,枣强县就召开了虎年新春第一会——三级干部大会')).toBe(false);
    expect(gives('县委副书记、县长张赤峰就开展活动进行了安排部署')).toBe(false);
    // Nor the general secretary's, for a party secretary asked about (an English question's 党委书记 asks for 书记).
    const secretary = givesTitlesFor('党委书记 平陆县 是谁');
    expect(secretary('全省上下始终牢记习近平总书记殷殷嘱托')).toBe(false);
    expect(secretary('县委书记王某主持会议')).toBe(true);
    // Every title asked about.
    const both = givesTitlesFor('衡水市委书记和市长分别是谁');
    expect(both('市委书记李谦出席会议并讲话,市长杨慧主持会议')).toBe(true);
    expect(both('市委书记李谦出席会议并讲话')).toBe(false);
  });

  it('passes every window of a question that asks about no title, or asks no who-question', () => {
    expect(givesTitlesFor('谁主持了会议')('2月16日上午,枣强县召开三级干部大会')).toBe(true);
    expect(givesTitlesFor('县长讲话提出了几项任务')('2月16日上午,枣强县召开三级干部大会')).toBe(true);
    // A title said with a verb as often as with the noun (由…报道) is not required of a window.
    expect(givesTitlesFor('这篇报道的记者是谁')('(刘金桥、李国涛)2月25日,市委召开大会')).toBe(true);
  });
});
