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
/** An attribution where a sentence starts, in folded text, the name read shortest (杨慧说,要求…: 杨慧 says). */
const ATTRIBUTION = new RegExp(SENTENCE_START + spoken('{1,2}?'), 'g');
/** One that starts a text (the answer `speakerOf`'s attribution begins). */
const LEADING = new RegExp(`^\\s*${spoken('{1,2}?')}`);
/** One where any clause starts, or an official's title and name: the text names someone itself. */
const NAMED = new RegExp(`${CLAUSE_START}${spoken('{1,2}?')}|${ROLES.source}[、,，:：\\s]*[${NAME_START}][\\u4e00-\\u9fff]`);

/**
 * The span (in `folded`'s offsets) of the last attribution before `window` in its paragraph, when the window names
 * nobody itself (no speaker, no official by name) and nobody else is named between the two (会上,杨慧表示 or 市长杨慧要求
 * after 李谦强调 makes the words 杨慧's, or at least not surely 李谦's); `undefined` otherwise.
 */
export function speakerOf(folded: string, window: Span): Span | undefined {
  if (NAMED.test(folded.slice(window.start, window.end))) return undefined;
  const paragraph = folded.lastIndexOf('\n', window.start - 1) + 1;
  let found: Span | undefined;
  for (const m of folded.slice(paragraph, window.start).matchAll(ATTRIBUTION)) {
    const start = paragraph + m.index + m[0].length - m[1].length - m[2].length;
    found = { start, end: paragraph + m.index + m[0].length };
  }
  return found && !NAMED.test(folded.slice(found.end, window.start)) ? found : undefined;
}

/** The speaker an attribution at the start of a text names (李谦强调…… → 李谦), if it starts with one. */
export function leadingSpeaker(text: string): string | undefined {
  return LEADING.exec(text)?.[1];
}
