/**
 * @module gloss-index: an English→Chinese dictionary (CC-CEDICT's entries, reversed) reduced to the words a corpus
 * uses: for an English word or phrase, the corpus terms whose senses say it, best first.
 */
import type { DictionaryEntry } from '../ports.js';
import { americanSpelling, ARTICLES, baseForms, derivedFrom, FRAMING_WORDS, FUNCTION_WORDS, isVerbForm, stem } from './english-words.js';
import { runToEnd } from '../time-slices.js';

/** How many passages use a term; `compound`: counting it as the words the index cuts it into, if need be. */
export type Documents = (term: string, compound: boolean) => number;

/**
 * How much a term the index holds as several words (专项债 as 专项 债) is used: at most as much as its least used word
 * (0 for a term of one word, which is counted as itself).
 */
export const compoundUse = (words: readonly string[], use: (word: string) => number): number => (words.length > 1 ? Math.min(...words.map(use)) : 0);

export interface GlossHit {
  term: string;
  score: number;
  /**
   * The score without how often the corpus uses the term (`usageBoost`): how much of a sense the word is, the sense's
   * rank, a one-character word's ambiguity. The engine weighs it by the documents a question is about instead.
   */
  sense: number;
  /** A sense of the term that says the word is a verb's (“to sign a contract” for sign): see `word`. */
  verb?: boolean;
}

/** Senses that only point elsewhere or name a surname: no translation in them. */
const POINTER = /^(?:(?:old |archaic |erhua |japanese )?variant of|see |surname |abbr\. |also written|used in|cl:|classifier|pr\. |pinyin |radical |kangxi |\(?onom)/;
const HAN = /^[\u3400-\u9fff]+$/;
/** How much more likely a term is meant the more passages use it (key → 重点 in a work report, not 钥匙). */
export const usageBoost = (passages: number): number => 1 + 0.25 * Math.log1p(passages);
/** A sense that says a verb (CC-CEDICT writes them “to …”, at times after a comment: “(of a dignitary) to visit”). */
const VERB_SENSE = /^\s*(?:\([^)]*\)\s*)?to\s/i;
/** A phrase sense longer than this is not matched as a phrase. */
const MAX_PHRASE_WORDS = 5;
/** Candidates kept per English word or phrase. */
const KEEP = 24;
/** Entries (or words) between two points where a stepwise build may pause. */
const STEP = 256;
/** The weight of a sense for an inflected word's base, against the base's own senses (see `fill`). */
const INFLECTED = 0.75;
/** Single characters kept for one English word (see `characters`). */
const MAX_CHARACTERS = 6;

/**
 * The dictionary's stand-ins for whoever or whatever a verb takes (to get one's courage up, to pull oneself together,
 * to ask sb for sth): no word a question says for the term (get one is no 壮胆).
 */
const PLACEHOLDERS = /\b(?:one['’]s|oneself|sb['’]s|sb|sth)\b/g;

/**
 * A sense as plain lower-case words: parentheses, bracketed pinyin, Chinese cross-references and stand-ins (one's, sb)
 * dropped.
 */
export function senseWords(sense: string): string[] {
  // An acronym in parentheses is the word itself (gross domestic production (GDP)); other parentheses are comments.
  const lower = sense.replace(/\(([A-Z]{2,})\)/g, ' $1 ').toLowerCase();
  // A sense that is a stand-in alone (oneself: 自己) says it.
  const unplaced = lower.replace(PLACEHOLDERS, ' ');
  const plain = (/[a-z]/.test(unplaced) ? unplaced : lower)
    .replace(/\([^)]*\)|\[[^\]]*\]|[\u3400-\u9fff|]+/g, ' ')
    .replace(/['’]s\b/g, '')
    .replace(/^\s*(?:to|a|an|the)\s+/, '');
  return (plain.match(/[a-z]+(?:['-][a-z]+)*/g) ?? []).map(americanSpelling);
}

/**
 * The longest part of a headword the corpus writes as a word, of three characters or more and two thirds of the
 * headword at least (国内生产总值 → 生产总值), or undefined: most of what the headword says, as the documents say it.
 */
function writtenPart(term: string, documents: Documents): string | undefined {
  const shortest = Math.max(3, Math.ceil((term.length * 2) / 3));
  for (let n = term.length - 1; n >= shortest; n--) {
    for (let at = 0; at + n <= term.length; at++) {
      const part = term.slice(at, at + n);
      if (documents(part, false) > 0) return part;
    }
  }
  return undefined;
}

/**
 * The words of a sense that spells out its acronym (gross domestic product (GDP)), without the acronym: the phrase a
 * question says, which `senseWords` reads with the acronym; empty for other senses.
 */
function phraseWords(sense: string): string[] {
  return /\([A-Z]{2,}\)/.test(sense) ? senseWords(sense.replace(/\([A-Z]{2,}\)/g, ' ')) : [];
}

/**
 * The places a sense locates its term in (“county in Qingyang, Gansu”, “city of Hebei”): the term does not translate
 * them, so Gansu does not become 庆阳市.
 */
function placesNamed(sense: string): Set<string> {
  const out = new Set<string>();
  const at = sense.search(/\b(?:in|of|near|from)\s+[A-Z]/);
  if (at >= 0) for (const [w] of sense.slice(at).matchAll(/\b[A-Z][a-z]+/g)) out.add(americanSpelling(w.toLowerCase()));
  return out;
}

/**
 * Particles that may make the verb before them a phrasal verb (write off, hold up, link up): its sense says the verb
 * alone only in part, and the particle not at all.
 */
const PARTICLES = new Set(['off', 'up', 'out', 'down', 'away', 'back', 'over', 'forward', 'aside']);
/** Question words: a sense that starts with one (how big → 多大) says the question, not its other words. */
const QUESTION_WORDS = new Set(['how', 'what', 'which', 'who', 'why', 'where', 'when']);
/** A sense of a verb and its particle (to write off, to hold up): at most three words, the particle last. */
const phrasal = (words: string[], verb: boolean | undefined): boolean => verb === true && words.length >= 2 && words.length <= 3 && PARTICLES.has(words[words.length - 1]);

/** Content words of a sense whose pairs are indexed: in a longer sense two words may be unrelated. */
const MAX_PAIR_SENSE = 4;
const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** A word as the index spells its keys: lower case, American (see americanSpelling). */
const spelt = (word: string) => americanSpelling(word.toLowerCase());
const withoutArticles = (words: string[]) => words.filter((w) => !ARTICLES.has(w));
const phraseKey = (words: string[]) => withoutArticles(words).map(stem).join(' ');

function pushBest(map: Map<string, GlossHit[]>, key: string, hit: GlossHit) {
  const list = map.get(key);
  if (!list) return void map.set(key, [hit]);
  const same = list.find((h) => h.term === hit.term);
  if (!same) return void list.push(hit);
  if (hit.score > same.score) [same.score, same.sense] = [hit.score, hit.sense];
  if (hit.verb) same.verb = true;
}

export class GlossIndex {
  private readonly words = new Map<string, GlossHit[]>();
  private readonly phrases = new Map<string, GlossHit[]>();
  /** Two content words of one short sense (start … construction → 开工, "to start a construction job"). */
  private readonly pairs = new Map<string, GlossHit[]>();
  /** Every word of every sense, in the corpus or not: tells English words from names written in pinyin. */
  private readonly english = new Set<string>();
  /** Words the senses write only with a capital (Beijing, Guangdong): names, not English words. */
  private readonly proper = new Set<string>();
  private readonly lower = new Set<string>();
  /** For a word no corpus term translates, the first headword whose whole sense it is. */
  private readonly absent = new Map<string, string>();
  /** For a phrase no corpus term translates, the first curated headword one of whose senses it is (installed capacity → 装机容量). */
  private readonly absentPhrases = new Map<string, string>();
  /**
   * Single characters whose sense is one word, in the corpus or not (film → 膜, which the corpus writes only inside
   * 全膜 and 地膜): what a compound of the corpus may be made of (see `characters`).
   */
  private readonly chars = new Map<string, string[]>();
  /** Dictionary entries read, and those kept because the corpus uses their headword. */
  readonly stats = { entries: 0, kept: 0 };

  private constructor() {}

  /**
   * The index at once. `documents(term, compound)`: how many passages use the term (0 for a term the corpus never uses);
   * `compound`: the term may be counted as the words the index cuts it into (a curated entry's headword).
   */
  static build(entries: Iterable<DictionaryEntry>, documents: Documents): GlossIndex {
    return runToEnd(GlossIndex.steps(entries, documents));
  }

  /**
   * The index built a step of STEP entries at a time (the whole takes a second or more): run it with `runInSlices`
   * to give the event loop a turn between steps.
   */
  static *steps(entries: Iterable<DictionaryEntry>, documents: Documents): Generator<void, GlossIndex> {
    const index = new GlossIndex();
    yield* index.fill(entries, documents);
    return index;
  }

  private *fill(entries: Iterable<DictionaryEntry>, documents: Documents): Generator<void, void> {
    /** Terms a curated entry gave: their senses in the documents' domain, which a general dictionary's do not add to. */
    const curatedTerms = new Set<string>();
    /** Phrases said by the part of their headword the corpus writes (see `writtenPart`), first headword first. */
    const partPhrases = new Map<string, GlossHit>();
    for (const { simplified: term, english, curated } of entries) {
      if (++this.stats.entries % STEP === 0) yield;
      if (curated) curatedTerms.add(term);
      else if (curatedTerms.has(term)) continue;
      // CC-CEDICT separates senses with slashes and near-synonyms within a sense with semicolons: each is a sense here.
      const senses = english
        .flatMap((s) => s.split(';'))
        .filter((s) => !POINTER.test(s.toLowerCase().trim()))
        .map((s) => ({ words: senseWords(s), verb: VERB_SENSE.test(s) || undefined, places: placesNamed(s), phrase: phraseWords(s) }))
        .filter((sense) => sense.words.length > 0);
      for (const { words } of senses) for (const w of words) this.english.add(w);
      for (const sense of english) for (const [w] of sense.matchAll(/\b[A-Za-z][a-z]+\b/g)) (w[0] === w[0].toUpperCase() ? this.proper : this.lower).add(americanSpelling(w.toLowerCase()));
      if (term.length === 1 && HAN.test(term)) {
        for (const [w] of senses.filter((s) => s.words.length === 1).map((s) => s.words)) {
          const known = this.chars.get(w) ?? [];
          if (!known.includes(term) && known.length < MAX_CHARACTERS) this.chars.set(w, [...known, term]);
        }
      }
      const df = HAN.test(term) ? documents(term, curated === true) : 0;
      if (df === 0) {
        // What the corpus cannot say: the question asks about something no passage mentions (wage → 工资).
        if (HAN.test(term) && term.length >= 2) {
          for (const [w] of senses.filter((s) => s.words.length === 1).map((s) => s.words)) for (const key of [w, stem(w)]) if (!this.absent.has(key)) this.absent.set(key, term);
          // A phrase whose headword the corpus does not write, though it writes most of it (gross domestic product →
          // 国内生产总值, of which the corpus writes 生产总值): said by that part, where no corpus term says the phrase, with
          // the score of a sense no use in the corpus boosts (1). The part is looked for only for such a phrase.
          const phrases = curated ? [] : senses.flatMap(({ words, phrase }) => [words, phrase]).filter((said) => said.filter((w) => !FUNCTION_WORDS.has(w)).length >= 2 && said.length <= MAX_PHRASE_WORDS && !partPhrases.has(phraseKey(said)));
          const part = phrases.length ? writtenPart(term, documents) : undefined;
          if (part) for (const said of phrases) if (!partPhrases.has(phraseKey(said))) partPhrases.set(phraseKey(said), { term: part, score: 1, sense: 1 });
          // Only the curated glossary's phrases: the general dictionary's (double contact → 连击) say other things
          // than a work report's words do one by one (双 联系).
          if (curated) for (const { words } of senses) {
            const content = words.filter((w) => !FUNCTION_WORDS.has(w));
            const key = phraseKey(words);
            if (content.length >= 2 && words.length <= MAX_PHRASE_WORDS && !this.absentPhrases.has(key)) this.absentPhrases.set(key, term);
          }
        }
        continue;
      }
      this.stats.kept++;
      // A general dictionary's one-character words are ambiguous (行 is a row, a trade, to walk, OK; a curated entry's
      // sense is meant as given); a term the corpus uses often is likelier meant (key → 重点 in a work report, not 钥匙).
      const boost = usageBoost(df);
      const prior = (term.length === 1 && !curated ? 0.35 : 1) * boost;
      /** A hit of this term; its `sense` is its score without the corpus's use of the term. */
      const hit = (score: number, verb?: boolean): GlossHit => ({ term, score, sense: score / boost, verb });
      senses.forEach(({ words, verb, places, phrase }, i) => {
        // A curated sense that is a framing word alone is its content (清单 is a list, though “list the…” frames).
        const content = curated && words.length === 1 && FRAMING_WORDS.has(words[0]) ? words : words.filter((w) => !FUNCTION_WORDS.has(w));
        if (!content.length) return;
        // A word is its share of the sense's meaningful words: together is half of “call together” (召开), hold half of
        // “to hold up” (崇尚), as a particle changes what a verb says.
        const particle = phrasal(words, verb);
        const meaningful = content.length + words.filter((w) => FRAMING_WORDS.has(w) && !content.includes(w)).length + (particle && FUNCTION_WORDS.has(words[words.length - 1]) ? 1 : 0);
        const weight = (prior / (1 + 0.15 * i)) / meaningful;
        // A curated sense of several words says its term only as a whole (demonstration zone → 示范区 as a phrase or a
        // pair, not zone alone): its words are read by the general dictionary.
        // A question's other words do not say it (how big → 多大 is no translation of big), nor a verb's particle alone
        // (to write off → 销账, to come off duty → 下岗 are none of off), though a particle that is the verb is (to back).
        const question = words.length >= 2 && QUESTION_WORDS.has(words[0]);
        const parts = (curated && content.length > 1) || question ? [] : new Set(content.filter((w) => !places.has(w) && !(verb && w !== words[0] && PARTICLES.has(w))));
        for (const w of parts) {
          pushBest(this.words, w, hit(weight, verb));
          const base = stem(w);
          // A sense that says an inflected word (ranks) says its base (rank) too, but after the base's own senses: a
          // plural may have a meaning of its own (ranks, troops → 队伍; rank → 排名).
          if (base !== w) pushBest(this.words, base, hit(weight * INFLECTED, verb));
        }
        for (const said of [words, phrase]) if (said.length >= 2 && said.length <= MAX_PHRASE_WORDS) pushBest(this.phrases, phraseKey(said), hit(prior / (1 + 0.15 * i)));
        const stems = [...new Set(content.map(stem))];
        if (stems.length >= 2 && stems.length <= MAX_PAIR_SENSE) {
          const pair = hit((2 * prior) / stems.length / (1 + 0.15 * i));
          for (let a = 0; a < stems.length; a++) for (let b = a + 1; b < stems.length; b++) pushBest(this.pairs, pairKey(stems[a], stems[b]), { ...pair });
        }
      });
    }
    for (const [key, hit] of partPhrases) if (!this.phrases.has(key)) this.phrases.set(key, [hit]);
    for (const map of [this.words, this.phrases, this.pairs]) {
      let n = 0;
      for (const [key, list] of map) {
        map.set(key, list.sort((a, b) => b.score - a.score || b.term.length - a.term.length).slice(0, KEEP));
        if (++n % STEP === 0) yield;
      }
    }
  }

  /**
   * Corpus terms for a word or its base forms (enterprises → enterprise), best first. A verb's form (signed, tracking)
   * is looked up by its base among the senses that say a verb (“to sign (a treaty)” → 签订, “to sign a contract” →
   * 签约; not 标志 for a sign), when the base has any; the form itself (housing, advanced) keeps every sense it is.
   * `verb`: the question uses the word as a verb (to sign, will sign), so every form of it is read so. A word no corpus
   * term says is read by the word it may be made from (execution → execute, see `derivedFrom`).
   */
  word(word: string, { verb = false }: { verb?: boolean } = {}): GlossHit[] {
    const best = new Map<string, GlossHit>();
    const lower = spelt(word);
    const asVerb = isVerbForm(lower);
    for (const form of baseForms(lower)) {
      let hits = this.words.get(form) ?? [];
      if ((verb || (asVerb && form !== lower)) && hits.some((h) => h.verb)) hits = hits.filter((h) => h.verb);
      for (const h of hits) if (h.score > (best.get(h.term)?.score ?? 0)) best.set(h.term, { term: h.term, score: h.score, sense: h.sense });
    }
    // A word no corpus term says, said by the first word it may be made from that one does (execution → execute → 执行).
    if (!best.size) {
      for (const form of baseForms(word.toLowerCase()).flatMap(derivedFrom)) {
        const hits = this.words.get(spelt(form)) ?? [];
        for (const h of hits) best.set(h.term, { term: h.term, score: h.score, sense: h.sense });
        if (hits.length) break;
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score || b.term.length - a.term.length);
  }

  /** Corpus terms one of whose senses is exactly these words (first half of the year → 上半年). */
  phrase(words: string[]): GlossHit[] {
    return this.firstFound(this.phrases, withoutArticles(words).map(spelt), (forms) => forms.join(' '));
  }

  /**
   * The hits of the first key some base forms of the words make (taking part in → take part in: the stem of taking is
   * tak, of take take), the words' own stems first.
   */
  private firstFound(map: Map<string, GlossHit[]>, words: string[], keyOf: (forms: string[]) => string): GlossHit[] {
    const own = map.get(keyOf(words.map(stem)));
    if (own) return own;
    const options = words.map((w) => [...new Set([stem(w), ...baseForms(w)])]);
    if (options.every((o) => o.length === 1)) return [];
    let keys: string[][] = [[]];
    for (const o of options) keys = keys.flatMap((k) => o.map((f) => [...k, f]));
    for (const forms of keys) {
      const hits = map.get(keyOf(forms));
      if (hits) return hits;
    }
    return [];
  }

  /** A headword the corpus never uses whose whole sense is the word (wage → 工资), for a word it cannot translate. */
  outside(word: string): string | undefined {
    for (const form of baseForms(spelt(word))) {
      const term = this.absent.get(form);
      if (term) return term;
    }
    return undefined;
  }

  /** A headword the corpus never uses one of whose senses is these words (installed capacity → 装机容量). */
  outsidePhrase(words: string[]): string | undefined {
    return this.absentPhrases.get(phraseKey(words.map(spelt)));
  }

  /** Single characters one of whose senses is the word or one of its base forms (film → 膜), in the dictionary's order. */
  characters(word: string): string[] {
    return [...new Set(baseForms(spelt(word)).flatMap((form) => this.chars.get(form) ?? []))];
  }

  /** Whether some sense of some entry (in the corpus or not) uses the word, not only as a name: an English word. */
  isEnglish(word: string): boolean {
    return !this.isName(word) && baseForms(spelt(word)).some((f) => this.english.has(f));
  }

  /** Corpus terms one short sense of which holds both words (start, construction → 开工). */
  pair(a: string, b: string): GlossHit[] {
    return this.firstFound(this.pairs, [spelt(a), spelt(b)], ([x, y]) => pairKey(x, y));
  }

  /** Whether the dictionary writes the word only as a name (Beijing), never as a common word. */
  isName(word: string): boolean {
    const w = spelt(word);
    return this.proper.has(w) && !this.lower.has(w);
  }

  get size(): { words: number; phrases: number } {
    return { words: this.words.size, phrases: this.phrases.size };
  }
}
