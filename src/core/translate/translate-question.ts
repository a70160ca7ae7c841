/**
 * @module translate-question: an English (or mixed) question as the Chinese question the pipeline answers — corpus
 * words from the dictionary, names by sound, figures in Chinese units, and the question words of its kind
 * (What is Pinglu's investment target? → 平陆 投资 目标 是什么).
 */
import { ARTICLES, baseForms, FRAME_WORDS, FUNCTION_PHRASES, FUNCTION_WORDS, piecesOf, placesOfAdjective, type Piece } from './english-words.js';
import { figuresToChinese, NUMBER_WORDS } from './figures-to-chinese.js';
import { BY_WHAT, chineseQuestionWords, dateAsk, englishKind, HOW_ADJECTIVES, SPAN_ASKS, unitlessAsk, type EnglishKind } from './english-question-kind.js';
import { usageBoost, type GlossHit, type GlossIndex } from './gloss-index.js';
import type { SoundIndex } from './sound-index.js';
import { toChineseNumeral } from '../normalize/chinese-numerals.js';
import { PLACE_SUFFIX } from '../normalize/place-suffix.js';

/**
 * Characters that make a number a count, a size or a larger number (三大, 三项, 两年, 三十), not a slogan's part:
 * expansions (扩大) are no 三大, hundreds no 三十.
 */
const COUNTING = new Set('大个项类种次年件条批家名位多首一二两三四五六七八九十百千万亿');
/** Words for two that name a pair wherever they stand (double contact → 双联). */
const DOUBLES = ['double', 'dual', 'twin'];
/** Number words a slogan counts with in another numeral than their own (two → 两 or 二, double → 双). */
const SLOGAN_NUMERALS: Readonly<Record<string, string[]>> = { two: ['两', '二', '双'], ...Object.fromEntries(DOUBLES.map((w) => [w, ['双']])) };

export interface EnglishQuestion {
  /** The question as asked. */
  question: string;
  /** The Chinese question the pipeline answers, each word's first choice taken (see `chooseQuery` for a better one). */
  query: string;
  /** Each English word's Chinese choices, best first (one choice for names, figures and Chinese words). */
  slots: Choice[][];
  /** The Chinese question words of its kind (多少, 是谁). */
  asks: string;
  /** The corpus words of the names it spells and the Chinese it holds: what the question is about. */
  anchors: string[];
  kind: EnglishKind;
  /** The measure word a figure answer should carry (亩, 元, %), when the question names one. */
  unit?: string;
  /** Names read by sound, as spelt and as the corpus writes them (Pinglu → 平陆). */
  names: { from: string; to: string }[];
  /** Names the question spells that no corpus word sounds like or translates (Shanghai in a corpus about 平陆). */
  unknown: string[];
  /**
   * The question names a piece of writing (an article, a report…), which its Chinese loses: who wrote it asks for the
   * byline (see writer-bylines).
   */
  namesText?: boolean;
}

export interface Choice {
  term: string;
  score: number;
  /** The dictionary's part of the score, without the corpus's use of the term (see `GlossHit.sense`). */
  sense?: number;
  /**
   * A Latin word the corpus writes, said again by this Chinese word: left out when the documents the question is
   * about write the Chinese but not the Latin word (investment, written only in another document's English title).
   */
  saidAs?: string;
}

export interface TranslationIndexes {
  glosses: GlossIndex;
  sounds: SoundIndex;
  /** Whether the corpus uses a term (a Latin word of an English corpus, a Chinese word). */
  known: (term: string) => boolean;
}

/** Administrative and landscape words written after a Chinese name (Huan County → 环县, District X → X区). */
const SUFFIXES: Record<string, [string, string]> = {
  county: ['县', 'xian'], city: ['市', 'shi'], district: ['区', 'qu'], province: ['省', 'sheng'], town: ['镇', 'zhen'],
  township: ['乡', 'xiang'], village: ['村', 'cun'], lake: ['湖', 'hu'], mountain: ['山', 'shan'], mountains: ['山', 'shan'],
};
/** The noun of a kind's question phrase (what year, which official): said by the question words. */
const KIND_NOUNS = new Set(['year', 'date', 'dates', 'day', 'days', 'month', 'months', 'time', 'place', 'person', 'official', 'leader', 'name', 'percentage', 'proportion', 'share', 'number', 'amount', 'total', 'figure']);
const MODALS = ['will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must'];
/** Words after which a word is a verb (to sign, will sign). */
const VERB_BEFORE = new Set(['to', ...MODALS]);
/** Auxiliaries that put a question's subject before its verb (will District X sign, does Pinglu plan). */
const AUXILIARIES = new Set(['do', 'does', 'did', ...MODALS]);
/** The sense score of a term's first sense of two words at most (see gloss-index: a sense's weight is shared by its words). */
const PLACE_SENSE = 0.5;
/** A dictionary hit whose sense is a place's name (one or two words, as Asia or South Korea), of two characters or more. */
const namesPlace = (hit: GlossHit) => hit.term.length >= 2 && hit.sense >= PLACE_SENSE;

/** Verbs of writing (by their base forms: wrote, written, penned): in a who-question, they ask for the author. */
const WRITING = new Set(['write', 'pen', 'author']);
/** Nouns for a piece of writing (by their base forms): a question for who wrote one asks for its byline. */
const TEXTS = new Set(['article', 'report', 'piece', 'story', 'explainer', 'commentary', 'essay', 'editorial', 'column', 'op-ed', 'write-up', 'dispatch']);
/** Choices kept for a word: those scoring at least this share of its best (see `closeChoices`), at most MAX_CHOICES. */
const CLOSE = 0.7;
const MAX_CHOICES = 12;

/**
 * A word's choices: those close to its best by score, or by the dictionary's part of the score alone (`sense`), which
 * the engine weighs by the documents a question is about: so which senses are offered does not hang on what else the
 * corpus holds.
 */
function closeChoices(hits: GlossHit[]): Choice[] {
  const bestSense = Math.max(...hits.map((h) => h.sense));
  return hits.filter((h) => h.score >= CLOSE * hits[0].score || h.sense >= CLOSE * bestSense).slice(0, MAX_CHOICES);
}
/** How far apart two words of a dictionary pair may stand (start the construction of → 开工). */
const PAIR_GAP = 3;
/** Units that count people or things (人, 户, 倍), not a measure a figure is given in. */
const COUNTED = new Set(['人', '户', '倍']);
/** Words of a phrase tried against the dictionary's senses, longest first (an article among them counted). */
const MAX_PHRASE = 5;

/** A phrase's senses, or undefined when the dictionary has none (what longestPhrase looks for). */
function orNone(hits: GlossHit[]): GlossHit[] | undefined {
  return hits.length ? hits : undefined;
}

/** The share of a question's content words that, once the corpus uses them, make it a question in the corpus's language. */
const CORPUS_WORDS = 0.75;

/** Content words: not function words, at least two letters. */
const contentWords = (pieces: Piece[]) => pieces.filter((p) => p.kind === 'word' && p.norm.length >= 2 && !FUNCTION_WORDS.has(p.norm));

/**
 * Whether a question needs translating: it has Latin words, and not three in four of its content words are the corpus's own
 * (a Chinese question that names GDP or X区, or an English question over English documents, is asked as it is).
 */
export function needsTranslation(question: string, known: (term: string) => boolean): boolean {
  const content = contentWords(piecesOf(question));
  if (!content.length) return false;
  return content.filter((p) => known(p.norm)).length < CORPUS_WORDS * content.length;
}

export function translateQuestion(question: string, { glosses, sounds, known }: TranslationIndexes): EnglishQuestion {
  const pieces = piecesOf(question);
  const figures = figuresToChinese(pieces);
  // A what-question that names a measure with no figure (in kilometres, in yuan) asks for a figure in it; people,
  // households or times name who or what, not a measure (what do people call…).
  const asked = englishKind(pieces);
  const kind = asked === 'what' && figures.unit && !COUNTED.has(figures.unit) ? 'number' : asked;
  const slots: Choice[][] = [];
  const anchors: string[] = [];
  const terms = { push: (term: string) => slots.push([{ term, score: 1 }]) };
  const names: EnglishQuestion['names'] = [];
  const unknown: string[] = [];
  const skip = new Set(figures.used);
  const isWord = (i: number) => pieces[i]?.kind === 'word' && !skip.has(i);
  const firstWord = pieces.findIndex((p) => p.kind === 'word');
  /** The word right before piece `i` ('' after a number, a Chinese run or the start). */
  const wordBefore = (i: number) => (pieces[i - 1]?.kind === 'word' ? pieces[i - 1].norm : '');
  /** Where the word after an auxiliary and the name it asks about stands: a verb (will District X sign → 签约). */
  let verbAt = -1;
  /** Where each name of an administrative place ends (Huan County, District X): a region said with it qualifies it. */
  const placeEnds = new Set<number>();
  /**
   * An unknown name that only says where a place of the documents lies: Huan County in Gansu, Gansu's Huan County, Huan
   * County, Gansu (the name alone between a comma and the question's end or other punctuation), as 甘肃 of 甘肃环县 in a
   * Chinese question.
   */
  const qualifiesPlace = (i: number) => {
    if (wordBefore(i) === 'in' && placeEnds.has(i - 2)) return true;
    if (pieces[i].punctuated === ',' && placeEnds.has(i - 1) && (i === pieces.length - 1 || pieces[i + 1].punctuated)) return true;
    const after = i + 1 + (SUFFIXES[pieces[i + 1]?.norm ?? ''] ? 1 : 0);
    const next = after < pieces.length ? nameAt(after) : undefined;
    return next !== undefined && PLACE_SUFFIX.test(next.chinese);
  };

  /** A run of name words from `i` (Liu Xinying, Huan County, District X): its Chinese and its length, or undefined. */
  function nameAt(i: number): { chinese: string; length: number; spelt: string; title?: { senses: GlossHit[]; words: number } } | undefined {
    const p = pieces[i];
    const suffix = SUFFIXES[p.norm];
    // District X, X District: a letter for a name.
    const letter = (j: number) => pieces[j]?.kind === 'word' && /^[A-Z]$/.test(pieces[j].text);
    if (suffix && letter(i + 1)) return { chinese: pieces[i + 1].text.toLowerCase() + suffix[0], length: 2, spelt: `${p.text} ${pieces[i + 1].text}` };
    if (letter(i) && SUFFIXES[pieces[i + 1]?.norm ?? '']) return { chinese: p.text.toLowerCase() + SUFFIXES[pieces[i + 1].norm][0], length: 2, spelt: `${p.text} ${pieces[i + 1].text}` };
    // A capital says a name, except the question's first word's alone (Yang Hui wants… is a name; Party wants… not).
    const capitalName = (j: number) => pieces[j].capital && (j !== firstWord || pieces[j + 1]?.capital === true);
    const nameLike = (j: number) => isWord(j) && !FUNCTION_WORDS.has(pieces[j].norm) && !SUFFIXES[pieces[j].norm] && (!glosses.isEnglish(pieces[j].norm) || capitalName(j));
    if (!nameLike(i)) return undefined;
    for (let n = Math.min(3, pieces.length - i); n >= 1; n--) {
      const run = pieces.slice(i, i + n);
      if (!run.every((_, k) => nameLike(i + k))) continue;
      const spelt = run.map((r) => r.text).join(' ');
      const named = SUFFIXES[pieces[i + n]?.norm ?? ''];
      const alone = sounds.name(spelt);
      // Huan County → 环县, Hengshui Lake → 衡水湖: a word of the corpus, or a capital that makes the suffix part of the
      // name; each Hengshui county is no 衡水县 the corpus writes, but 衡水 (its counties).
      // A name that says its suffix already (Huanxian County: 环县, not 环县县) is the name.
      const saysSuffix = named && alone?.endsWith(named[0]) && spelt.toLowerCase().endsWith(named[1]);
      const composed = named && (saysSuffix ? alone : (sounds.exact(spelt + named[1])[0] ?? sounds.name(spelt + named[1])));
      // A suffix that starts a phrase of the dictionary (county head) is the phrase's where the name is the same without
      // it (Zaoqiang county head → 枣强 县长); else the phrase follows the name that holds it (Huan County head → 环县
      // 县长, not 护岸 县长).
      // The longest such phrase: Zaoqiang county party secretary is 枣强 县委书记, not 枣强县 党委书记.
      const phrase = named ? longestPhrase(i + n, (words) => orNone(glosses.phrase(words))) : undefined;
      const after = phrase && alone && (!composed || composed.startsWith(alone)) ? undefined : named;
      if (after && composed && (known(composed) || pieces[i + n].capital || !alone)) {
        const title = phrase && { senses: phrase.found, words: phrase.words - 1 };
        return { chinese: composed, length: n + 1, spelt: `${spelt} ${pieces[i + n].text}`, ...(title ? { title } : {}) };
      }
      if (alone) return { chinese: alone, length: n + (after ? 1 : 0), spelt };
    }
    return undefined;
  }

  /**
   * What `find` finds for the longest run of words from `i` (two to MAX_PHRASE, none skipped, not from an article), and
   * how many words it took.
   */
  function longestPhrase<R>(i: number, find: (words: string[]) => R | undefined): { found: R; words: number } | undefined {
    if (ARTICLES.has(pieces[i].norm)) return undefined;
    for (let n = MAX_PHRASE; n >= 2; n--) {
      const words = pieces.slice(i, i + n);
      if (words.length < n || !words.every((_, k) => isWord(i + k))) continue;
      const found = find(words.map((w) => w.norm));
      if (found !== undefined) return { found, words: n };
    }
    return undefined;
  }

  /** The next content word (at most PAIR_GAP words on) that forms a dictionary pair with the word at `i`. */
  function pairPartner(i: number): number | undefined {
    for (let j = i + 1; j <= i + PAIR_GAP && j < pieces.length; j++) {
      if (!isWord(j)) return undefined;
      const w = pieces[j].norm;
      if (FUNCTION_WORDS.has(w) || w.length < 2) continue;
      // Not the first word of a name (city … District X is not 城区).
      return glosses.pair(pieces[i].norm, w).length && !nameAt(j) ? j : undefined;
    }
    return undefined;
  }

  // Words the question words say, no search words nor part of a phrase or pair (how much money was spent is not 花钱):
  // how many years (多少年), how long or large (多长, 多大; not 长期, long-term), how much money (多少元; not 借钱), by
  // what point (什么时候; not 关键).
  pieces.forEach((p, i) => {
    const after = (...words: string[]) => words.every((w, k) => wordBefore(i - k) === w);
    if (p.kind === 'word' && ((SPAN_ASKS[p.norm] && after('many', 'how')) || (HOW_ADJECTIVES.has(p.norm) && after('how')) || (p.norm === 'money' && after('much', 'how')) || (BY_WHAT.has(p.norm) && after('what', 'by')))) skip.add(i);
  });

  /**
   * A numbered slogan's part ('Three New, Three Strong' → 三新 三强, 'four zones' → 四区, double contact → 双联): the
   * number's numeral and a character of the next word's senses, as a term the corpus uses; else undefined. Only in
   * quotation marks or capitals, where a slogan is named (the three tasks are 任务, not 三要), or after double. The
   * character the senses share most comes first, and it must carry half their weight: it is the word's core (strong:
   * 扎实, 强有力, 强劲, 坚强 → 强).
   */
  function numberedPart(i: number): string | undefined {
    const p = pieces[i];
    const value = NUMBER_WORDS[p.norm];
    const numerals = SLOGAN_NUMERALS[p.norm] ?? (value <= 10 ? [toChineseNumeral(value)!] : []);
    const named = p.quoted || p.capital || DOUBLES.includes(p.norm);
    if (!numerals.length || !named || !isWord(i + 1) || FUNCTION_WORDS.has(pieces[i + 1].norm)) return undefined;
    const found = glosses.word(pieces[i + 1].norm);
    if (!found.length) return undefined;
    const hits = closeChoices(found);
    const total = hits.reduce((sum, h) => sum + h.score, 0);
    const shared = new Map<string, number>();
    for (const hit of hits) for (const c of new Set(hit.term)) if (!COUNTING.has(c)) shared.set(c, (shared.get(c) ?? 0) + hit.score);
    // A character of half the close senses' weight or more: one sense's stray character (hundreds: 不折不扣) says nothing.
    const characters = [...shared].filter(([, w]) => w >= total / 2).sort((a, b) => b[1] - a[1]).map(([c]) => c);
    for (const numeral of numerals) for (const c of characters) if (known(numeral + c)) return numeral + c;
    return undefined;
  }

  /**
   * A count of major things (six major battles → 六大, as in 六大攻坚战; three major industrial parks → 三大): the number's
   * numeral and 大, as a term the corpus uses; else undefined.
   */
  function countOfMajor(i: number): string | undefined {
    const value = NUMBER_WORDS[pieces[i].norm];
    if (!(value >= 2 && value <= 10) || !isWord(i + 1) || pieces[i + 1].norm !== 'major') return undefined;
    const term = `${toChineseNumeral(value)}大`;
    return known(term) ? term : undefined;
  }

  /**
   * A compound of two words' Chinese that the corpus writes (whole-film → 全 + 膜 → 全膜, though the corpus writes 膜 only
   * inside words): each word's close senses and the single characters it says, joined; the best pair first. Undefined
   * when the corpus writes none.
   */
  function joinedParts(first: string, second: string): string | undefined {
    const forms = (word: string) => [...new Set([...closeChoices(glosses.word(word)).map((h) => h.term), ...glosses.characters(word)])];
    const seconds = forms(second);
    for (const a of forms(first)) for (const b of seconds) if (known(a + b)) return a + b;
    return undefined;
  }

  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (p.kind === 'han') {
      terms.push(p.text);
      anchors.push(p.text);
    }
    const numbered = p.kind === 'word' ? (countOfMajor(i) ?? numberedPart(i)) : undefined;
    if (numbered) {
      terms.push(numbered);
      i++;
      continue;
    }
    if (!isWord(i)) continue;
    const glue = FUNCTION_PHRASES.find((words) => words.every((w, k) => isWord(i + k) && pieces[i + k].norm === w));
    if (glue) {
      i += glue.length - 1;
      continue;
    }
    const name = nameAt(i);
    if (name) {
      terms.push(name.chinese);
      anchors.push(name.chinese);
      names.push({ from: name.spelt, to: name.chinese });
      if (PLACE_SUFFIX.test(name.chinese)) placeEnds.add(i + name.length - 1);
      if (name.title) {
        slots.push(closeChoices(name.title.senses));
        for (let k = 0; k < name.title.words; k++) skip.add(i + name.length + k);
      }
      // Not after a possessive: do District X's main industries…
      const subject = AUXILIARIES.has(wordBefore(i)) && !pieces[i + name.length - 1].possessive;
      if (subject) verbAt = i + name.length;
      i += name.length - 1;
      continue;
    }
    // A phrase the dictionary has as a sense (this year → 今年, first half of the year → 上半年), not only function words.
    // Not from an article, which a sense does not count (the second half of the year is second half of the year → 下半年,
    // not the second half → 下半).
    // Several terms with this sense (专项债, 专项债券): the engine takes the one the documents asked about use.
    const sense = longestPhrase(i, (words) => (words.every((w) => FUNCTION_WORDS.has(w) || FRAME_WORDS.has(w)) ? undefined : orNone(glosses.phrase(words))));
    if (sense) slots.push(closeChoices(sense.found));
    // Else a phrase the curated glossary has as a sense of a term no passage uses (installed capacity → 装机容量): what
    // the question asks about that the documents may not say, asked as the glossary says it, not word by word (设定 才能).
    const outside = sense ? undefined : longestPhrase(i, (words) => glosses.outsidePhrase(words));
    if (outside) terms.push(outside.found);
    const phrase = sense ?? outside;
    if (phrase) i += phrase.words - 1;
    if (phrase || FUNCTION_WORDS.has(p.norm) || p.norm.length < 2) continue;
    // Who wrote it asks for its author (作者), as a byline says; the verb's own senses (写, 销账) or a pair it makes (write
    // a book → 著书) are in no byline.
    const author = kind === 'person' && baseForms(p.norm).some((f) => WRITING.has(f)) ? glosses.word('author') : [];
    if (author.length) {
      slots.push(closeChoices(author));
      continue;
    }
    // Two content words a single short sense holds (start construction → 开工), a few words apart at most.
    const partner = pairPartner(i);
    if (partner !== undefined) {
      const hits = glosses.pair(p.norm, pieces[partner].norm);
      slots.push(closeChoices(hits));
      skip.add(partner);
      continue;
    }
    if (known(p.norm)) {
      // A Latin word the corpus writes itself (GDP, CEO), and the Chinese it also writes for it (生产总值).
      const chinese = glosses.word(p.norm).filter((h) => h.term.length > 1)[0];
      slots.push([{ term: p.norm, score: 1, ...(chinese ? { saidAs: chinese.term } : {}) }]);
      if (chinese) terms.push(chinese.term);
      continue;
    }
    if (FRAME_WORDS.has(p.norm) || KIND_NOUNS.has(p.norm) || SUFFIXES[p.norm]) continue;
    // A hyphenated word: as a sense says it whole, or its parts as a phrase, with their function words
    // (science-and-technology → 科技) or without (closed-loop → 闭环, tree-planting); else what the dictionary says it
    // is, though the corpus does not use it (state-owned → 国有, not state → 状态); else the first part the dictionary
    // translates.
    const parts = p.norm.includes('-') ? p.norm.split('-').filter((w) => w.length >= 2 && !FUNCTION_WORDS.has(w)) : [];
    const whole = parts.length ? ([glosses.word(p.norm), glosses.phrase(p.norm.split('-')), glosses.phrase(parts)].find((h) => h.length) ?? []) : [];
    if (parts.length && !whole.length) {
      const said = glosses.outside(p.norm);
      if (said) {
        terms.push(said);
        continue;
      }
    }
    // A part the corpus has no word for is said by a compound of both, if the corpus writes one (whole-film → 全膜).
    const joined = parts.length === 2 && !whole.length && parts.some((w) => !glosses.word(w).length) ? joinedParts(parts[0], parts[1]) : undefined;
    if (joined) {
      slots.push([{ term: joined, score: 1 }]);
      continue;
    }
    const verb = i === verbAt || VERB_BEFORE.has(wordBefore(i));
    const said = !parts.length ? glosses.word(p.norm, { verb }) : whole.length ? whole : (parts.map((w) => glosses.word(w)).find((h) => h.length) ?? []);
    // A capitalised adjective of a place the corpus names says that place (Asian → 亚洲): a word whose sense is the place
    // (a sense of one or two words), not one whose longer sense mentions it (旗, a banner of Inner Mongolia).
    const hits = said.length || !p.capital ? said : (placesOfAdjective(p.norm).map((w) => glosses.word(w).filter(namesPlace)).find((h) => h.length) ?? []);
    if (hits.length) {
      slots.push(closeChoices(hits));
    } else if (p.capital && i !== firstWord && (!glosses.isEnglish(p.norm) || glosses.isName(p.norm))) {
      if (!qualifiesPlace(i)) unknown.push(p.text);
    } else {
      // Said as the dictionary says it, although no passage does: the answer stage weighs a word no passage holds.
      const outside = glosses.outside(p.norm);
      if (outside) terms.push(outside);
    }
  }
  for (const term of figures.terms) terms.push(term);
  const unitless = kind === 'number' && !figures.unit ? unitlessAsk(pieces) : undefined;
  const unit = figures.unit ?? unitless?.unit;
  const asks = unitless?.asks ?? (kind === 'date' ? dateAsk(pieces) : undefined) ?? chineseQuestionWords(kind, figures.unit, figures.count);
  const namesText = pieces.some((p) => p.kind === 'word' && baseForms(p.norm).some((f) => TEXTS.has(f)));
  const english = { question, query: '', slots, asks, anchors, kind, unit, names, unknown, ...(namesText && { namesText }) };
  return { ...english, query: chooseQuery(english, () => 1) };
}

/**
 * The Chinese question with one choice per word: the best by the dictionary's score times `weigh(term)` (the engine
 * weighs a choice by whether the document the question is about uses it: base → 基地 in a report on bases, not 基础).
 * `uses(term)`: how often the documents the question is about use the term; a choice they use is scored by how much
 * the documents use it, not the whole corpus, so that documents added beside them do not change the choice.
 */
export function chooseQuery({ slots, asks }: Pick<EnglishQuestion, 'slots' | 'asks'>, weigh: (term: string) => number, uses?: (term: string) => number): string {
  const value = (c: Choice & { weight: number }) => {
    const n = uses?.(c.term) ?? 0;
    return (c.sense !== undefined && n > 0 ? c.sense * usageBoost(n) : c.score) * c.weight;
  };
  const chosen = slots.flatMap((choices) => {
    const best = choices.map((c) => ({ ...c, weight: weigh(c.term) })).sort((a, b) => value(b) - value(a))[0];
    return best.saidAs && best.weight < 1 && weigh(best.saidAs) >= 1 ? [] : [best.term];
  });
  return `${[...new Set(chosen)].join(' ')} ${asks}`.trim();
}
