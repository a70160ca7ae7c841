import { describe, expect, it } from 'vitest';
import { followUpSubject, rewriteFollowUp } from '../src/core/answer/rewrite-followup.js';

const ctx = {
  tokenize: (s: string) => s.match(/平陆|枣强|衡水|招商|目标|县长|多少|是谁/g) ?? [],
  focus: (t: string) => (['平陆', '枣强', '衡水'].includes(t) ? 1 : 0.2),
  places: () => [],
};

describe('follow-up rewriting', () => {
  it.each([
    ['那枣强呢？', '枣强'],
    ['枣强呢', '枣强'],
    ['那么衡水的呢', '衡水'],
    ['还有枣强', '枣强'],
  ])('%s is a follow-up about %s', (q, subject) => {
    expect(followUpSubject(q)).toBe(subject);
  });

  it.each(['枣强县长是谁', '那枣强有多少项目', '平陆招商目标是多少'])('%s stands on its own', (q) => {
    expect(followUpSubject(q)).toBeUndefined();
  });

  it('replaces the subject of the previous question', () => {
    expect(rewriteFollowUp('那枣强呢？', ['平陆招商目标是多少'], ctx)).toBe('枣强招商目标是多少');
  });

  it('follows a chain of follow-ups', () => {
    expect(rewriteFollowUp('衡水呢', ['平陆县长是谁', '那枣强呢'], ctx)).toBe('衡水县长是谁');
  });

  it('leaves a standalone question alone', () => {
    expect(rewriteFollowUp('衡水市委书记是谁', ['平陆招商目标是多少'], ctx)).toBe('衡水市委书记是谁');
  });
});
