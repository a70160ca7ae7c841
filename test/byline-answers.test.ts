import { describe, expect, it } from 'vitest';
import { bylineAlone, bylineOnly } from '../src/core/answer/byline-answers.js';
import { unstated } from '../src/core/answer/unstated.js';

const LEAD = '(记者刘金桥、李国涛)2月25日,春节过后上班第一天,市委、市政府召开全市领导干部凝神聚力抓发展暨农村面貌改造提升行动动员大会。';

describe('bylineOnly', () => {
  it('refuses, for who chaired a meeting, an answer whose only names are its reporters’', () => {
    expect(bylineOnly('全市领导干部动员大会是谁主持的', LEAD)).toBe(true);
    expect(unstated('全市领导干部动员大会是谁主持的', LEAD)).toBe('person');
  });

  it('keeps it for a question that asks who wrote or reported the text', () => {
    expect(bylineOnly('这篇报道的记者是谁', LEAD)).toBe(false);
    expect(bylineOnly('这篇稿子是谁写的', LEAD)).toBe(false);
  });

  it('keeps a byline that gives an official’s title, and a name with a title or a verb beside the byline', () => {
    expect(bylineOnly('平陆县长是谁', '(作者中共平陆县委副书记、政府县长 翟纪亭)')).toBe(false);
    expect(bylineOnly('动员大会是谁主持的', `${LEAD}市长杨慧主持会议。`)).toBe(false);
    expect(bylineOnly('动员大会是谁主持的', '(记者刘金桥)杨慧主持会议。')).toBe(false);
  });

  it('asks nothing of an answer with no byline', () => {
    expect(bylineOnly('动员大会是谁主持的', '2月25日,市委、市政府召开动员大会。')).toBe(false);
  });
});

describe('bylineAlone', () => {
  const BYLINE = '(作者中共平陆县委副书记、政府县长 翟纪亭)';

  it('refuses a byline alone for a question that asks for no person', () => {
    expect(bylineAlone('平陆县长用哪句话来催大家办事抓紧', BYLINE)).toBe(true);
    expect(unstated('平陆的副县长们每个月月底要交出什么东西', BYLINE)).toBe('content');
  });

  it('keeps it for a who-question, and keeps a passage that holds more than its byline', () => {
    expect(bylineAlone('这篇文章的作者是谁', BYLINE)).toBe(false);
    expect(bylineAlone('平陆县长是谁', BYLINE)).toBe(false);
    expect(bylineAlone('动员大会是哪天召开的', LEAD)).toBe(false);
  });
});
