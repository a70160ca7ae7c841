import { describe, expect, it } from 'vitest';
import { uncounted } from '../src/core/answer/asked-counts.js';
import { unstated } from '../src/core/answer/unstated.js';
import { foldText } from '../src/core/normalize/fold-text.js';

const lacks = (q: string, a: string) => uncounted(foldText(q), foldText(a));

describe('uncounted', () => {
  it('refuses a count answered by a passage that states no number of anything', () => {
    expect(lacks('有多少家企业参加了展会', '9月上旬,省商务厅在我市召开展会现场会,研究解决企业的困难。')).toBe(true);
    expect(lacks('全县有幾個鄉鎮受災', '2021年全县遭受洪涝灾害,损失严重。')).toBe(true);
    expect(unstated(foldText('有多少家企业参加了展会'), foldText('9月上旬召开了展会。'))).toBe('count');
  });

  it('takes a number, a Chinese count or a list as a count', () => {
    expect(lacks('有多少家企业参加了展会', '共有120家企业参加展会。')).toBe(false);
    expect(lacks('有多少家企业参加了展会', '全县三十余家企业参加展会。')).toBe(false);
    expect(lacks('有几个重点工程', '抓好交通、水利、能源、教育等工程。')).toBe(false);
  });

  it('asks nothing of a question that is no count (a rank, which ones, a time)', () => {
    expect(lacks('该县排名第几个', '该县排名靠前。')).toBe(false);
    expect(lacks('有哪几个重点工程', '要抓好重点工程。')).toBe(false);
    expect(lacks('会议开了多少天', '会议于3月召开。')).toBe(false);
  });
});
