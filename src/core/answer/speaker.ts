/**
 * @module speaker: who says the words a who-question's answer quotes. A report names its speaker once, where a
 * paragraph opens (李谦强调,要转变作风…), and goes on with the speech for sentences that do not repeat the name: the
 * answer to 谁要求干部向倒第一说再见 is such a sentence, and it names nobody.
 */
import type { Span } from '../types.js';
import { SURNAMES } from '../normalize/surnames.js';
import { ROLES } from './analyze-question.js';

/** Verbs a report says a speech with; 说 only before the words said (向落后说不 says no words). */
const SAYS = '指出|强调|表示|要求|认为|提出|介绍|谈到|宣布|说(?=[，,:：“"])';
/** The surnames, less the ones that are oftener a preposition where a clause starts (向, 于). */
const NAME_START = SURNAMES.replace(/[向于]/g, '');
/** Where a sentence starts, and where any clause does. */
const SENTENCE_START = '(?:^|[\\n。！？!?])\\s*';
const CLAUSE_START = '(?:^|[\\n。！？!?，,；;：:])\\s*';
/**
 * A name (a surname and one or two characters; `given` says how many are tried first), where he spoke (在主持会议时) and
 * the verb of speech, as two groups.
 */
const spoken = (given: string) => `([${NAME_START}][\\u4e00-\\u9fff]${given})((?:在[^，,。！？!?\\n]{1,24}?(?:时|上|中))?[，,]?(?:${SAYS}))`;
/** An attribution where a sentence starts, in folded text. */
const ATTRIBUTION = new RegExp(SENTENCE_START + spoken('{1,2}'), 'g');
/** One where any clause starts, the name read shortest (李谦强调: 李谦, not 李谦强). */
const SPEAKER = new RegExp(CLAUSE_START + spoken('{1,2}?'), 'g');
/** One where any clause starts, or an official's title and name: the window names someone itself. */
const NAMED = new RegExp(`${CLAUSE_START}${spoken('{1,2}')}|${ROLES.source}[、,，:：\\s]*[${NAME_START}][\\u4e00-\\u9fff]`);

/**
 * The span (in `folded`'s offsets) of the attribution that opens the paragraph of `window`, when it comes before the
 * window and the window names nobody itself (no speaker, no official by name); `undefined` otherwise.
 */
export function speakerOf(folded: string, window: Span): Span | undefined {
  if (NAMED.test(folded.slice(window.start, window.end))) return undefined;
  const paragraph = folded.lastIndexOf('\n', window.start - 1) + 1;
  let found: Span | undefined;
  for (const m of folded.slice(paragraph, window.start).matchAll(ATTRIBUTION)) {
    const start = paragraph + m.index + m[0].length - m[1].length - m[2].length;
    found = { start, end: paragraph + m.index + m[0].length };
  }
  return found;
}

/** Speakers a text names where a clause starts (李谦强调, 杨慧在主持会议时指出): the names, in order. */
export function speakersIn(text: string): string[] {
  const names = [...text.matchAll(SPEAKER)].map((m) => m[1]);
  return [...new Set(names)];
}
