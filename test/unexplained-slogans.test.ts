import { describe, expect, it } from 'vitest';
import { spellsOutFor, unexplainedSlogan } from '../src/core/answer/unexplained-slogans.js';
import { unstated } from '../src/core/answer/unstated.js';
import { foldText } from '../src/core/normalize/fold-text.js';

const check = (q: string, a: string) => unexplainedSlogan(foldText(q), foldText(a));

describe('unexplainedSlogan', () => {
  it('names the slogan a passage only mentions', () => {
    expect(check('“六张清单”具体是哪六张', '做实做细“六张清单”,用好用活“政策资金+社会资金”,全面提高资金保障能力。')).toBe('六张清单');
    // Separators inside another quoted term are not its items.
    expect(check('“三级平台、两个代办”具体指什么', '大力推行“三级平台、两个代办”,深化“三个公开、三个清单”等制度。')).toBe('三级平台、两个代办');
    // Another quoted term's own items, in brackets after it, are not this one's.
    expect(check('“三联”具体指什么', '坚持“三联”的方法,落实“四有”(有场所、有队伍、有制度、有经费)要求。')).toBe('三联');
    // Four items do not spell out ten.
    expect(check('“十个突破”具体是哪十个', '完成全县“十个突破”工作目标,找准方向奋力干、扭住重点拼命干、勇于担当主动干、只争朝夕加油干。')).toBe('十个突破');
  });

  it('accepts a definition after a mention, or its items before or after it', () => {
    expect(check('“两业”具体指什么', '“两业”,就是把改造提升与富裕农民相结合,大力发展现代农业和旅游产业。')).toBeUndefined();
    expect(check('“四基地”分别是哪四个', '四基地,即加速甲基地、乙基地、丙基地、丁基地建设步伐。')).toBeUndefined();
    expect(check('“五化”要求是哪五化', '按照产业化、规模化、标准化、特色化、品牌化的“五化”要求,培育优势产业。')).toBeUndefined();
    expect(check('“四个衔接”是指什么', '要搞好“四个衔接”,把改造提升与发展产业、深化改革、精神文明创建以及基层组织建设结合起来。')).toBeUndefined();
  });

  it('reads a quoted slogan whose count the question asks for as asked about (“三扩大”指扩大哪三个方面)', () => {
    const title = '——枣强县三级干部大会暨开展“三统筹三扩大四创建”活动动员大会精神解读';
    expect(check('“三统筹三扩大四创建”里的“三扩大”指扩大哪三个方面', title)).toBe('三扩大');
    expect(check('“三统筹三扩大四创建”里的“三扩大”指扩大哪三个方面', '“三扩大”就是扩大投资、扩大消费、扩大就业')).toBeUndefined();
    // Its own word asks for its items as a verb does (扩大哪三样).
    expect(check('枣强县说的“三扩大”具体扩大哪三样', title)).toBe('三扩大');
    expect(check('枣强县说的“三扩大”具体扩大哪三样', '“三扩大”就是扩大投资、扩大消费、扩大就业')).toBeUndefined();
    // Asking for several of its own kind without a count asks the same (创建哪几项).
    expect(check('枣强县“四创建”具体要创建哪几项', title)).toBe('四创建');
    expect(check('枣强县“四创建”具体要创建哪几项', '“四创建”就是聚焦创建省级文明县城、国家级卫生县城、省级生态园林城,巩固省级森林城市创建成果')).toBeUndefined();
    expect(check('“三个一批”活动在哪些县开展', '各地开展“三个一批”活动,成效明显。')).toBeUndefined();
    // Several other things asked about a slogan (the departments that lead it): no items of its own kind.
    expect(check('“四创建”工作是由哪些部门牵头的', title)).toBeUndefined();
    // The slogan nearest before the count is the one asked about, not the one that holds it.
    expect(check('“三统筹三扩大四创建”里的“三扩大”指扩大哪三个方面', '开展“三统筹三扩大四创建”活动。推进项目建设,抓好招商引资;“三扩大”就是扩大投资、扩大消费、扩大就业')).toBeUndefined();
    // A count the slogan does not lead with, the same count with no verb asking for its items, or a year, asks about
    // something else.
    expect(check('“三统筹三扩大四创建”活动在哪两个县试点', title)).toBeUndefined();
    expect(check('“三个一批”活动在哪三个县开展', '各地开展“三个一批”活动,成效明显。')).toBeUndefined();
    expect(check('“一带一路”倡议是哪一年提出的', '2013年,习近平提出“一带一路”倡议。')).toBeUndefined();
  });

  it('asks the same of a counted group without quotes, not of an ordinal', () => {
    // The group is one of a pair here (…和红色文化资源): nothing spells it out.
    expect(check('三大传统文化是哪三个', '深入挖掘三大传统文化和红色文化资源,开展丰富多样的文化活动。')).toBe('三大传统文化');
    // The list before it is of another thing, joined to it by 和.
    expect(check('12家龙头领军企业是哪几家', '聚焦新材料、智能制造、光电子等主导产业和12家龙头领军企业,建立三方联动机制。')).toBe('12家龙头领军企业');
    expect(check('三大特色产业是哪三个', '三大特色产业,即裘皮、玻璃钢、汽车零部件产业。')).toBeUndefined();
    // A list of counted things before it holds the group as one more item, and spells it out no more than the others.
    const works = '全面完成3300户危窑危房改造、21个易地扶贫搬迁点、14个整村推进项目、4个市级9个县级新农村试点村建设、15万亩梯田。';
    expect(check('今年9个县级新农村试点村分别是哪几个村', works)).toBe('9个县级新农村试点村');
    expect(check('“五化”要求是哪五化', '按照产业化、规模化、标准化、特色化、品牌化的“五化”要求,培育优势产业。')).toBeUndefined();
    expect(check('加拿大境内的第五大湖泊是哪一个湖泊', '温尼伯湖是加拿大境内第五大湖泊。')).toBeUndefined();
  });

  it('looks for the items after a mention in the two clauses that follow it', () => {
    expect(check('“三链”是哪三链', '做强“三链”,按照“补短板”要求,延长产业链、提升价值链、稳定供应链。')).toBeUndefined();
    expect(check('“一湖三城”是指哪三城', '把片区改造与“一湖三城”主城区建设、景区建设结合起来。“两牌”,就是打好生态牌、文化牌。')).toBe('一湖三城');
    expect(check('“四项行动”具体指什么', '推进“四项行动”,强化组织保障,压实工作责任,在城区、园区、镇区、社区开展宣传。')).toBe('四项行动');
  });

  it('reads what the question asks a few words after the slogan, quotes and figures among them (里的“9”和“3”分别指什么)', () => {
    const mechanism = '充分发挥“9+3”招商机制作用,积极开展以企招商、以商招商、委托招商、驻点招商';
    expect(check('平陆“9+3”招商机制里的“9”和“3”分别指什么', mechanism)).toBe('9+3');
    expect(check('平陆“9+3”招商机制里的9和3各代表什么', mechanism)).toBe('9+3');
    expect(check('平陆“9+3”招商机制是什么时候提出的', mechanism)).toBeUndefined();
  });

  it('leaves to the model an answer that does not name the slogan, and questions that do not ask what one stands for', () => {
    expect(check('“三扩大”指的是什么', '扩大有效投资、扩大消费需求、扩大对外开放。')).toBeUndefined();
    // Quoted, but asked about something else.
    expect(check('“三新三强”动员大会是哪一年开的', '在“三新三强”打擂台动员部署大会上的讲话')).toBeUndefined();
    // A run of numerals is a name, not a count (五六式).
    expect(check('“五六式冲锋枪”指的是什么', '“五六式冲锋枪”列装部队。')).toBeUndefined();
  });
});

describe('spellsOutFor', () => {
  const ask = (q: string) => { const spells = spellsOutFor(foldText(q)); return (a: string) => spells(foldText(a)); };
  const question = '枣强“三统筹三扩大四创建”里的“三扩大”具体扩大哪三方面';

  it('tells a window that spells the slogan out from one that only names it, and from one that does not name it', () => {
    const spellsOut = ask(question);
    expect(spellsOut('“三扩大”就是扩大投资、扩大消费、扩大就业,要抓住用好国家政策机遇')).toBe(true);
    expect(spellsOut('全力做好“三扩大”工作,推动经济稳中求进')).toBe(false);
    expect(spellsOut('深入实施项目带动战略,加大投资力度')).toBe(false);
  });

  it('reads a mention inside a longer quoted term as naming it, not spelling it out', () => {
    // The enumeration before it (县委副书记、县长) is not the slogan's.
    expect(ask(question)('县委副书记、县长张赤峰就开展“三统筹三扩大四创建”活动进行了安排部署')).toBe(false);
    expect(check('“三扩大”具体扩大哪三方面', '县委副书记、县长张赤峰就开展“三统筹三扩大四创建”活动进行了安排部署')).toBe('三扩大');
  });

  it('finds no window spelling out a slogan when the question asks for none', () => {
    expect(ask('枣强县委书记是谁')('“三扩大”就是扩大投资、扩大消费、扩大就业')).toBe(false);
  });
});

describe('unstated', () => {
  it('names a missing measure, a missing year or an unexplained slogan', () => {
    expect(unstated(foldText('项目总投资是多少'), foldText('抓好甲项目、乙项目建设'))).toBe('money');
    expect(unstated(foldText('第十次党代会是哪一年召开的'), foldText('区第十次党代会提出,建设现代化美好新区'))).toBe('year');
    expect(unstated(foldText('會通河在哪一年開始動工'), foldText('至元二十六年正月十九日开工'))).toBeUndefined();
    expect(unstated(foldText('“五个进一步”具体指什么'), foldText('全力做到“五个进一步”,以更高的政治站位扛起责任'))).toBe('五个进一步');
    expect(unstated(foldText('衡水市委书记是谁'), foldText('市委书记李谦出席会议'))).toBeUndefined();
  });
});
