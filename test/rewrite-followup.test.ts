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

describe('follow-ups that change the year, the title or the thing asked about', () => {
  const places = (s: string) => ['平陆', '枣强', '衡水', '环县'].filter((p) => s.includes(p));
  const full = {
    tokenize: (s: string) => s.match(/平陆|枣强|衡水|环县|招商|目标|县长|市委书记|劳务创收|冬小麦|任务|办法|考核|重点|工业集中区|道路|多少|是谁|哪些|具体/g) ?? [],
    focus: (t: string) => (['平陆', '枣强', '衡水', '环县'].includes(t) ? 1 : 0.2),
    places,
  };

  it('replaces the year (2022年的呢？)', () => {
    expect(rewriteFollowUp('那2022年的呢？', ['X区2023年经济总量有多少'], full)).toBe('x区2022年经济总量有多少');
  });

  it('replaces the title (市长呢？ after 衡水市委书记是谁)', () => {
    expect(rewriteFollowUp('市长呢？', ['衡水市委书记是谁'], full)).toBe('衡水市长是谁');
  });

  it('asks a question about a title alone of the previous question’s place (那县长是谁？), though one report names most 县长', () => {
    const titled = { ...full, focus: (t: string) => (['平陆', '枣强', '衡水', '环县', '县长'].includes(t) ? 1 : 0.2) };
    expect(rewriteFollowUp('那县长是谁？', ['枣强县委书记是谁？'], titled)).toBe('枣强县长是谁');
  });

  it('asks about another level of government (市里的呢？ after 枣强县级民生实事有几件)', () => {
    expect(rewriteFollowUp('市里的呢？', ['枣强县级民生实事有几件'], full)).toBe('枣强市级民生实事有几件');
    expect(rewriteFollowUp('那省里呢', ['枣强民生实事有几件'], full)).toBe('枣强省级民生实事有几件');
  });

  it('asks about a new thing of the same place (那劳务创收目标呢？)', () => {
    expect(rewriteFollowUp('那劳务创收目标呢？', ['环县今年冬小麦覆土穴播任务是多少'], full)).toBe('环县今年劳务创收目标是多少');
  });

  it('asks a new thing for its own count, not the old one’s unit (那羊畜存栏呢？ after …多少亩)', () => {
    expect(rewriteFollowUp('那羊畜存栏呢？', ['环县今年种草的目标是多少亩？'], full)).toBe('环县今年羊畜存栏是多少');
    expect(rewriteFollowUp('那劳务创收呢？', ['环县有几个重点项目'], full)).toBe('环县劳务创收有多少');
    expect(rewriteFollowUp('那劳务创收呢？', ['环县2023年冬小麦任务是多少'], full)).toBe('环县2023年劳务创收是多少');
  });

  it('replaces a name that ends like the new one (环江工业集中区呢？)', () => {
    expect(rewriteFollowUp('环江工业集中区呢？', ['甜水工业集中区要开工建设几条道路'], full)).toBe('环江工业集中区要开工建设几条道路');
  });

  it('gives a question without a topic the previous topic (实行什么办法？)', () => {
    expect(rewriteFollowUp('实行什么办法？', ['环县对乡镇的考核以什么为重点'], full)).toBe('环县实行什么办法');
  });

  it('asks the previous question again with something counted in or out (如果把临空也算进去呢？)', () => {
    expect(rewriteFollowUp('如果把临空也算进去呢？', ['x区2023年地区生产总值是多少'], full)).toBe('x区2023年地区生产总值如果把临空也算进去是多少');
    expect(rewriteFollowUp('那不含利息呢', ['平陆招商目标是多少'], full)).toBe('平陆招商目标不含利息是多少');
    expect(rewriteFollowUp('那包括哪些项目？', ['平陆招商目标是多少'], full)).not.toContain('包括哪些项目是多少');
  });

  it('reads the words that point back as the previous question’s year and subject (那一年它的…？)', () => {
    expect(rewriteFollowUp('那一年它的地区生产总值是多少？', ['平陆2022年招商目标是多少'], full)).toBe('2022年平陆的地区生产总值是多少');
    expect(rewriteFollowUp('该县县长是谁', ['枣强招商目标是多少'], full)).toBe('枣强县长是谁');
    // No year to point at: 当年 stays, and the question takes the previous topic as any question without one does.
    expect(rewriteFollowUp('当年的目标是多少', ['枣强县长是谁'], full)).toBe('枣强当年的目标是多少');
  });

  it('asks the previous question further (具体有哪些？)', () => {
    expect(rewriteFollowUp('具体有哪些？', ['平陆招商目标是多少'], full)).toBe('平陆招商目标是多少，具体有哪些');
  });
});
