/** @module english-words: the words of an English (or mixed) question, their base forms, and the words that carry no content. */

/**
 * A run of Latin letters (with an inner apostrophe or hyphen: Xi'an, year-on-year), a number (10,000 with its thousands
 * separators; the comma after “in 2022,” is no part of it), or a run of Han characters.
 */
const PIECE = /([A-Za-z\u00c0-\u024f]+(?:['’-][A-Za-z\u00c0-\u024f]+)*)|(\d+(?:,\d{3})*(?:\.\d+)?)|([\u3400-\u9fff]+)|(%)/g;

export type PieceKind = 'word' | 'number' | 'han' | 'percent';

export interface Piece {
  kind: PieceKind;
  text: string;
  /** Lower-case text (words), the number without thousands separators (numbers), else the text. */
  norm: string;
  /** A word that starts with a capital letter. */
  capital: boolean;
  /** Position among the pieces. */
  at: number;
  /** A word written with a possessive 's (Pinglu's), which the text and norm leave out. */
  possessive?: boolean;
  /** Inside quotation marks ('Three New, Three Strong', “double contact”). */
  quoted?: boolean;
  /** The punctuation between the word before and this one, if any (',' in Huan County, Gansu; '?' after a question). */
  punctuated?: string;
}

/** Quotation marks, straight or curly, single or double. */
const QUOTE = /['"‘’“”]/;

/**
 * British endings in their American spelling, which the dictionary mostly writes (organisation → organization, labour →
 * labor, centre → center, defence → defense, programme → program, analyse → analyze). The gloss index spells its senses
 * and the words it is asked for the same way, so a word that merely looks British (raise → raize) still finds itself;
 * the question's own words keep their spelling.
 */
const BRITISH: [RegExp, string][] = [
  [/isation(s?)$/, 'ization$1'],
  [/(?<=\w{2})is(e|es|ed|ing|er|ers)$/, 'iz$1'],
  [/ys(e|es|ed|ing)$/, 'yz$1'],
  [/(?<=\w{3})our(s|ed|ing|able|ite|ites)?$/, 'or$1'],
  [/(?<=\w{2})tre(s?)$/, 'ter$1'],
  [/(?<=\w{2})ence(s?)$/, 'ense$1'],
  [/ogramme(s?)$/, 'ogram$1'],
];

/** A lower-case word in American spelling (see BRITISH). */
export function americanSpelling(word: string): string {
  for (const [british, american] of BRITISH) if (british.test(word)) return word.replace(british, american);
  return word;
}

/** Prefixes a hyphenated word may drop to be looked up (post-Spring Festival → Spring Festival). */
const TIME_PREFIX = /^(?:post|pre)-(?=[a-z])/i;

export function piecesOf(question: string): Piece[] {
  const out: Piece[] = [];
  let quoted = false;
  let end = 0;
  for (const m of question.matchAll(PIECE)) {
    // A mark right after a word closes a quotation, one right before a word opens it (Pinglu's keeps its apostrophe in
    // the word, and a possessive's after a word ends with no mark before the next).
    const gap = question.slice(end, m.index);
    if (end > 0 && QUOTE.test(gap[0] ?? '')) quoted = false;
    if (gap.length && QUOTE.test(gap[gap.length - 1]) && (gap.length > 1 || end === 0)) quoted = true;
    end = m.index! + m[0].length;
    const [, , number, han] = m;
    const word = m[1]?.replace(TIME_PREFIX, '');
    const text = word ?? m[0];
    const kind: PieceKind = word ? 'word' : number ? 'number' : han ? 'han' : 'percent';
    const norm = word ? word.toLowerCase().replace(/’/g, "'").replace(/'s$/, '') : number ? number.replace(/,(?=\d{3}\b)/g, '') : text;
    // Pinglu's is Pinglu: the possessive is no part of a name.
    const possessive = word !== undefined && /['’]s$/.test(word);
    const punctuated = gap.replace(/[\s'"‘’“”]/g, '');
    out.push({
      kind,
      text: word ? (possessive ? word.slice(0, -2) : word) : text,
      norm,
      capital: word ? /^[A-Z\u00c0-\u00de]/.test(word) : false,
      at: out.length,
      ...(possessive && { possessive }),
      ...(quoted && { quoted }),
      ...(punctuated && { punctuated }),
    });
  }
  return out;
}

/**
 * Words a question frames what it asks with (what does the report say, name the…), which a dictionary sense may use as
 * content (“to call together” → 召开, “to give birth”): they translate nothing in a question, but in a sense they are
 * part of what it says (see gloss-index).
 */
export const FRAMING_WORDS = new Set(
  `according say says said saying mention mentions mentioned name named names called call document documents speech
  article report reports reported reporting text passage tell tells told give gives gave given list speaker speakers`.split(/\s+/),
);

/**
 * Adverbs that only hedge a figure asked for (roughly how many, about when): the answer's figure is what the document
 * says, and their senses (粗暴, 几乎) are in no answer. Not exactly: what exactly asks for the particulars (具体).
 */
const HEDGES = ['roughly', 'approximately', 'nearly', 'almost'];

/**
 * Phrases that only hold a sentence together (as part of: not 一部分), or only say what kind of answer is asked (full
 * name, which part of), dropped as their words would be.
 */
export const FUNCTION_PHRASES: readonly string[][] = [
  'as part of', 'in terms of', 'with regard to', 'in order to', 'as well as', 'such as', 'so as to', 'on the basis of', 'in line with',
  'known as', 'referred to as', 'held up as', 'which part of', 'what part of', 'full name',
  // A sum said by its verb (the projects add up to, amount to): the question's number words ask for it already.
  'add up to', 'adds up to', 'added up to', 'amount to', 'amounts to', 'amounted to',
  // Managing or being able to do a thing is doing it (what rating did it manage to reach).
  'manage to', 'manages to', 'managed to', 'able to',
  // Right or just before a time word only says it came close (right after the Lantern Festival: not 权益, nor 到底).
  'right after', 'right before', 'just after', 'just before',
].map((p) => p.split(' '));

/** Words that only hold a sentence together (and question words, read separately as the question's kind). */
export const FUNCTION_WORDS = new Set([
  ...`a an the of in on at to for by with and or nor but is are was were be been being am do does did done will would shall
  should can could may might must has have had having it its it's they them their there here this these those that which
  what who whom whose how when where why as from into onto about than then so such also not no yes up out if any some
  each every all both either neither other another own same he him his she her hers we us our ours you your yours i me my
  mine whether please per via among just only very much many more most less least over still even again alongside besides s`.split(/\s+/),
  ...FRAMING_WORDS,
  ...HEDGES,
]);

/**
 * Verbs of intention and asking that the answering sentence need not repeat ("What does Pinglu plan to attract?"):
 * they would only add search terms no answer holds.
 */
export const FRAME_WORDS = new Set(
  `want wants wanted plan plans planned planning aim aims aimed intend intends intended expect expects expected going
  hope hopes try tries seek seeks need needs supposed due slated scheduled committed pledged vowed promised
  kind kinds type types sort sorts set sets make makes made get gets become becomes like use used using happen happens
  happened`.split(/\s+/),
);

/** Articles: no part of a dictionary sense's words, nor where a phrase of them starts. */
export const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);

/** Irregular past forms and the verb they are a form of (held → hold, laid out → lay out). */
const IRREGULAR = new Map(
  `held:hold laid:lay led:lead made:make gave:give given:give took:take taken:take won:win built:build sold:sell met:meet
  brought:bring began:begin begun:begin paid:pay spent:spend sent:send kept:keep rose:rise risen:rise fell:fall fallen:fall
  grew:grow grown:grow went:go gone:go came:come told:tell said:say thought:think bought:buy caught:catch taught:teach
  chose:choose chosen:choose drew:draw drawn:draw drove:drive driven:drive wrote:write written:write spoke:speak
  spoken:speak broke:break broken:break stood:stand ran:run struck:strike sought:seek fought:fight lost:lose meant:mean
  shown:show known:know undertook:undertake undertaken:undertake withdrew:withdraw withdrawn:withdraw`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

/** Base forms to try for a word, the word itself first (projects → project, cities → city, ranked → rank, held → hold). */
export function baseForms(word: string): string[] {
  const w = word.toLowerCase();
  const out = [w];
  const add = (s: string) => s.length >= 2 && !out.includes(s) && out.push(s);
  const irregular = IRREGULAR.get(w);
  if (irregular) add(irregular);
  if (w.endsWith('ies')) add(`${w.slice(0, -3)}y`);
  if (/(?:s|x|z|ch|sh)es$/.test(w)) add(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) add(w.slice(0, -1));
  if (w.endsWith('ied')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed')) {
    add(w.slice(0, -2));
    add(w.slice(0, -1));
    if (/(.)\1ed$/.test(w)) add(w.slice(0, -3));
  }
  if (w.endsWith('ing')) {
    add(w.slice(0, -3));
    add(`${w.slice(0, -3)}e`);
    if (/(.)\1ing$/.test(w)) add(w.slice(0, -4));
  }
  if (w.endsWith('ly')) add(w.slice(0, -2));
  return out;
}

/**
 * Suffixes that make a noun from a verb or an adjective, and the endings the word had before, most specific first: the
 * first suffix that matches is the only one read (tradition is not read as trade, authority not as author).
 */
const DERIVATIONS: [RegExp, string[]][] = [
  [/ication$/, ['y']],
  [/ution$/, ['ute', 've']],
  [/ssion$/, ['ss', 't']],
  [/ation$/, ['ate', 'e', '']],
  [/ition$/, ['ite']],
  [/nsion$/, ['nd']],
  [/sion$/, ['de', 'se']],
  [/tion$/, ['te', 't']],
  [/ment$/, ['']],
  [/iness$/, ['y']],
  [/ness$/, ['']],
  [/ery$/, ['er']],
  [/iance$/, ['y']],
  [/ance$/, ['', 'e']],
  [/ence$/, ['ent', 'e']],
  [/ility$/, ['le']],
  [/ity$/, ['e']],
  [/(?<=[vsw])al$/, ['e', '']],
];

/**
 * The words a noun may be made from, likeliest first (execution → execute, deployment → deploy, recovery → recover,
 * security → secure), in the question's own spelling: for a word no corpus term says, which the corpus may say with
 * the verb's or the adjective's term (执行, 部署, 恢复).
 */
export function derivedFrom(word: string): string[] {
  const rule = DERIVATIONS.find(([suffix]) => suffix.test(word));
  if (!rule) return [];
  const [suffix, bases] = rule;
  return [...new Set(bases.map((base) => word.replace(suffix, base)))].filter((form) => form.length >= 3 && form !== word);
}

/** A verb's past or -ing form (signed, tracking, held), rather than a noun's. */
export const isVerbForm = (word: string): boolean => /[a-z]{2}(?:ed|ing)$/.test(word) || IRREGULAR.has(word);

/** The base form a gloss word is indexed under and a question word is looked up by (plural and tense dropped). */
export function stem(word: string): string {
  const forms = baseForms(word);
  return forms[forms.length > 1 ? 1 : 0];
}

/**
 * The places an adjective of place may be made from: Asian → asia, Canadian → canada, Singaporean → singapore,
 * Japanese → japan.
 */
export function placesOfAdjective(word: string): string[] {
  const stems: string[] = [];
  if (word.endsWith('ian')) stems.push(`${word.slice(0, -3)}a`);
  if (word.endsWith('an')) stems.push(word.slice(0, -1), word.slice(0, -2));
  if (word.endsWith('ese')) stems.push(word.slice(0, -3));
  return stems.filter((w) => w.length >= 3);
}
